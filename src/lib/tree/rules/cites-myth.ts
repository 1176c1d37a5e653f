import type { Problem } from '../../problem';
import { nodeProblem, type TreeContext } from '../context';
import { citationsOf } from './citations';

/** `tree/cites-myth`: no answer or outcome cites a corrected classic claim by id: it is neither a pro nor a con. */
export function citesMyth(context: TreeContext): Problem[] {
  return citationsOf(context)
    .filter(({ citation }) => typeof citation === 'string' && context.factorById.get(citation)?.stance === 'myth')
    .map(({ node, where, citation }) =>
      nodeProblem(context, node, 'cites-myth', `${where} cites "${citation as string}", a corrected classic claim, which is neither a pro nor a con`, 'cite the article where the current facts are'),
    );
}
