import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';

/** No answers loop back to a question already asked (depth first, iteratively: the tree may be deep). */
export function cycle(context: TreeContext): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const successors = (id: string) => {
    const node = context.byId.get(id);
    return node?.type === 'question' ? node.answers.map((answer) => answer.next).filter((next) => context.byId.has(next)) : [];
  };
  for (const root of context.byId.keys()) {
    if (state.has(root)) continue;
    const trail: string[] = [root];
    const pending: string[][] = [successors(root)];
    state.set(root, 'open');
    while (trail.length) {
      const next = pending[pending.length - 1]!.shift();
      if (next === undefined) {
        state.set(trail.pop()!, 'done');
        pending.pop();
        continue;
      }
      if (state.get(next) === 'done') continue;
      if (state.get(next) === 'open') {
        const loop = [...trail.slice(trail.indexOf(next)), next];
        problems.push(nodeProblem(context, next, 'cycle', `the answers loop back: ${loop.join(' → ')}`));
        continue;
      }
      state.set(next, 'open');
      trail.push(next);
      pending.push(successors(next));
    }
  }
  return problems;
}
