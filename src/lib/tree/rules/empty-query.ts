import type { Problem } from '../../problem';
import { nodeProblem, resolveCitation, type TreeContext } from '../context';
import type { Citation } from '../schema';
import { citationsOf } from './citations';

function describeQuery(query: Exclude<Citation, string>): string {
  return `{ ${Object.entries(query)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;
}

/** A tag query matches at least one factor article. */
export function emptyQuery(context: TreeContext): Problem[] {
  return citationsOf(context)
    .filter(({ citation }) => typeof citation !== 'string' && resolveCitation(citation, context.factors).length === 0)
    .map(({ node, where, citation }) => nodeProblem(context, node, 'empty-query', `${where} cites ${describeQuery(citation as Exclude<Citation, string>)}, which matches no factor article`));
}
