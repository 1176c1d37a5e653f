import type { Problem } from '../../problem';
import type { Stance } from '../../taxonomy';
import { nodeProblem, resolveCitation, type TreeContext } from '../context';

/**
 * An outcome cites a pro and a con of what it recommends (rules
 * `tree/outcome-needs-pro` and `tree/outcome-needs-con`: two sides of one
 * rule). An outcome citing an article that failed its own checks is judged
 * once that article is fixed; one that recommends nothing (nothing to
 * volume-activate) has no pros and cons to weigh.
 */
export function outcomeNeedsProAndCon(context: TreeContext): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(context.factorById.keys());
  for (const node of context.byId.values()) {
    if (node.type !== 'outcome') continue;
    if (node.recommends.length === 0 || node.cites.some((citation) => typeof citation === 'string' && context.unchecked.has(citation))) continue;
    const cited = new Set(node.cites.flatMap((citation) => resolveCitation(citation, context.factors, ids)));
    const has = (stance: Stance) => [...cited].some((id) => context.factorById.get(id)?.stance === stance && node.recommends.includes(context.factorById.get(id)!.method));
    const methods = node.recommends.join(' + ');
    const them = node.recommends.length > 1 ? 'them' : 'it';
    if (!has('pro')) problems.push(nodeProblem(context, node.id, 'outcome-needs-pro', `the outcome recommends ${methods} but cites no pro of ${them}`));
    if (!has('con')) problems.push(nodeProblem(context, node.id, 'outcome-needs-con', `the outcome recommends ${methods} but cites no con of ${them} that the reader accepts`));
  }
  return problems;
}
