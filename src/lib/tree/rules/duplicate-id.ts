import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';

/** Node ids are unique in the tree, answer ids within their question. */
export function duplicateId(context: TreeContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const node of context.nodes) {
    if (seen.has(node.id)) problems.push(nodeProblem(context, node, 'duplicate-id', 'this id is used by more than one node'));
    seen.add(node.id);
  }
  for (const node of context.byId.values()) {
    if (node.type !== 'question') continue;
    const answers = new Set<string>();
    for (const answer of node.answers) {
      if (answers.has(answer.id)) problems.push(nodeProblem(context, node.id, 'duplicate-id', `answer id "${answer.id}" appears twice in this question`));
      answers.add(answer.id);
    }
  }
  return problems;
}
