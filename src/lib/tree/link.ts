import type { Problem } from '../problem';
import { treeContext, type FactorRef, type TreeContext } from './context';
import type { TreeIndex } from './evaluate';
import { linkNodes, type LinkedTree } from './linked';
import { TREE_RULES } from './rules';
import type { TreeNode } from './schema';

export { resolveCitation, type FactorRef } from './context';
export { linkNodes, type LinkedAnswer, type LinkedNode, type LinkedOutcome, type LinkedQuestion, type LinkedTree, type Placement } from './linked';

/** The compact walkable shape of the tree, for `evaluate`. */
export function indexTree(nodes: readonly TreeNode[]): TreeIndex {
  const next: TreeIndex['next'] = {};
  const counts: NonNullable<TreeIndex['counts']> = {};
  for (const node of nodes) {
    if (node.type !== 'question') continue;
    next[node.id] = Object.fromEntries(node.answers.map((answer) => [answer.id, answer.next]));
    if (node.count) counts[node.id] = { kind: node.count, answers: Object.fromEntries(node.answers.map((answer) => [answer.id, answer.band ?? []])) };
  }
  return { start: nodes[0]?.id ?? '', next, counts };
}

/** Every problem of the tree against the factor articles, from the rules in `tree/rules/`, each with the file and the node. */
export function checkTreeRules(context: TreeContext): Problem[] {
  if (context.nodes.length === 0) return [{ file: context.file, rule: 'tree/empty', message: 'the tree has no nodes' }];
  return TREE_RULES.flatMap((rule) => rule(context));
}

/**
 * Validate the tree against the factor articles and link both ways.
 * Every problem is returned at once, each with the file and the node id.
 */
export function linkTree(
  nodes: readonly TreeNode[],
  factors: readonly FactorRef[],
  treeFile: string,
  lines: ReadonlyMap<TreeNode, number> = new Map(),
  /** Factor ids whose articles failed their own checks: citing them is not a tree problem. */
  unchecked: ReadonlySet<string> = new Set(),
): { tree: LinkedTree; problems: Problem[] } {
  const context = treeContext(nodes, factors, treeFile, lines, unchecked);
  return { tree: linkNodes(context), problems: checkTreeRules(context) };
}
