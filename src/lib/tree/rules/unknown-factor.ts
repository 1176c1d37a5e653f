import type { Problem } from '../../problem';
import { closest } from '../../suggest';
import { nodeProblem, type TreeContext } from '../context';
import { citationsOf } from './citations';

/** A citation by id names a factor article (or one that failed its own checks, reported there). */
export function unknownFactor(context: TreeContext): Problem[] {
  const ids = [...context.factorById.keys()];
  return citationsOf(context)
    .filter(({ citation }) => typeof citation === 'string' && !context.factorById.has(citation) && !context.unchecked.has(citation))
    .map(({ node, where, citation }) => {
      const guess = closest(citation as string, ids);
      return nodeProblem(
        context,
        node,
        'unknown-factor',
        `${where} cites "${citation as string}", which is not a factor article${guess ? ` — did you mean "${guess}"?` : ''}`,
        'factor ids are content/factors/<method>/<slug>.mdx without .mdx',
      );
    });
}
