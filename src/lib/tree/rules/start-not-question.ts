import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';

/** The first node is where the tree starts: a question. */
export function startNotQuestion(context: TreeContext): Problem[] {
  const start = context.nodes[0];
  if (!start || start.type === 'question') return [];
  return [nodeProblem(context, start.id, 'start-not-question', 'the first node is where the tree starts and must be a question')];
}
