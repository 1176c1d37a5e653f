import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';
import { BANDS_OF } from '../counts';

/**
 * A count question's answers cover each band of its kind exactly once
 * (`tree/count-bands`), so typed numbers always choose exactly one answer; an
 * answer outside a count question has no band.
 */
export function countBands(context: TreeContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of context.byId.values()) {
    if (node.type !== 'question') continue;
    if (!node.count) {
      for (const answer of node.answers) {
        if (answer.band) problems.push(nodeProblem(context, node, 'count-bands', `answer "${answer.id}" has a band, but the question has no "count"`, 'add `count: windows` or `count: office` to the question, or remove the band'));
      }
      continue;
    }
    const expected = BANDS_OF[node.count];
    const seen = new Map<string, string>();
    for (const answer of node.answers) {
      if (!answer.band) {
        problems.push(nodeProblem(context, node, 'count-bands', `answer "${answer.id}" of a ${node.count} count question has no band`, `give it "band" with some of: ${expected.join(', ')}`));
        continue;
      }
      for (const band of answer.band) {
        if (!expected.includes(band)) problems.push(nodeProblem(context, node, 'count-bands', `answer "${answer.id}": band "${band}" is not a band of a ${node.count} count (${expected.join(', ')})`));
        else if (seen.has(band)) problems.push(nodeProblem(context, node, 'count-bands', `answers "${seen.get(band)}" and "${answer.id}" both stand for band "${band}"`, 'each band belongs to exactly one answer'));
        else seen.set(band, answer.id);
      }
    }
    const missing = expected.filter((band) => !seen.has(band));
    if (missing.length) problems.push(nodeProblem(context, node, 'count-bands', `no answer stands for band ${missing.map((band) => `"${band}"`).join(', ')}`, 'typed numbers in that band would choose no answer'));
  }
  return problems;
}
