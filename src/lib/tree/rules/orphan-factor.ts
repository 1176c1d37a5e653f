import type { Problem } from '../../problem';
import { linkNodes } from '../linked';
import type { TreeContext } from '../context';

/**
 * Every factor is cited by the tree somewhere, directly, by a query or through
 * its own `decides`. A corrected classic claim (`stance: myth`) decides
 * nothing; it is listed under "Classic claims, corrected" instead.
 */
export function orphanFactor(context: TreeContext): Problem[] {
  const { decidesAt } = linkNodes(context);
  return context.factors
    .filter((factor) => factor.stance !== 'myth' && !decidesAt[factor.id])
    .map((factor) => ({
      file: factor.file,
      rule: 'tree/orphan-factor',
      message: `factor "${factor.id}" is not cited by any answer or outcome in ${context.file}`,
      hint: 'cite it from the tree, or add decides: [question-id/answer-id] to its frontmatter',
    }));
}
