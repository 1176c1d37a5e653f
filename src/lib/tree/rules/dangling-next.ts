import type { Problem } from '../../problem';
import { closest } from '../../suggest';
import { nodeProblem, type TreeContext } from '../context';

/** Every answer leads to a node of the tree. */
export function danglingNext(context: TreeContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of context.byId.values()) {
    if (node.type !== 'question') continue;
    for (const answer of node.answers) {
      if (context.byId.has(answer.next)) continue;
      const guess = closest(answer.next, [...context.byId.keys()]);
      problems.push(nodeProblem(context, node.id, 'dangling-next', `answer "${answer.id}" leads to "${answer.next}", which is not a node${guess ? ` — did you mean "${guess}"?` : ''}`));
    }
  }
  return problems;
}
