import { short, type Problem } from '../../problem';
import { indexTree } from '../../tree/link';
import { checkScenario } from '../../tree/scenarios';
import type { ContentIndex } from '../index';

/**
 * `scenario/*`: every worked scenario the index read is valid and its answers, walked through the tree, reach the
 * outcome it names. Without a valid tree (reported on its own) the paths cannot be walked: only the scenarios'
 * own problems are reported. An unexpected exception on one scenario becomes a problem naming its file.
 */
export function scenarios(index: ContentIndex): Problem[] {
  const tree = index.tree.parsed;
  const nodes = tree && !tree.problems.length ? tree.nodes : undefined;
  const treeIndex = nodes && indexTree(nodes);
  return index.scenarios.flatMap(({ read }) => {
    try {
      return nodes && treeIndex ? checkScenario(read, nodes, treeIndex) : read.problems;
    } catch (error) {
      return [{ file: read.file, rule: 'content/crash', message: `the checks could not finish on this file, so it is refused: ${short(String((error as Error)?.message ?? error))}` }];
    }
  });
}
