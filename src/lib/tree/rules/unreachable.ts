import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';

/** Every node can be reached from the first question. */
export function unreachable(context: TreeContext): Problem[] {
  return [...context.byId.keys()]
    .filter((id) => !context.paths.has(id))
    .map((id) => nodeProblem(context, id, 'unreachable', 'no answer leads here from the first question'));
}
