import type { Problem } from '../../problem';
import { treeContext } from '../../tree/context';
import { checkTreeRules } from '../../tree/link';
import { factorRefs, uncheckedFactors, type ContentIndex } from '../index';

/** The decision tree: its file, its schema, and the rules of tree/rules/ against the factor articles still in the running. */
export function tree(index: ContentIndex): Problem[] {
  const { file, parsed } = index.tree;
  if (!parsed) return [{ file, rule: 'tree/missing', message: 'the decision tree file is missing', hint: 'every factor must be cited by the tree' }];
  if (parsed.problems.length) return parsed.problems;
  return checkTreeRules(treeContext(parsed.nodes, factorRefs(index), file, parsed.lines, uncheckedFactors(index)));
}
