import { METHOD_IDS, STANCE_IDS, TAG_IDS, type Method, type Stance, type Tag, type WeighingStance } from './taxonomy';

/** The part of a factor entry that listings, the matrix and navigation need. */
export interface FactorSummary {
  id: string;
  data: { title: string; summary: string; method: Method; stance: Stance; tags: readonly Tag[] };
}

/** Pros before cons, then by title: the reading order within a method. */
export function compareFactors(a: FactorSummary, b: FactorSummary): number {
  return (
    METHOD_IDS.indexOf(a.data.method) - METHOD_IDS.indexOf(b.data.method) ||
    STANCE_IDS.indexOf(a.data.stance) - STANCE_IDS.indexOf(b.data.stance) ||
    a.data.title.localeCompare(b.data.title, 'en')
  );
}

/** The factors of one method, split into pros and cons, each in reading order; classic claims are neither. */
export function byStance<F extends FactorSummary>(factors: readonly F[], method: Method): Record<WeighingStance, F[]> {
  const ofMethod = factors.filter((factor) => factor.data.method === method).sort(compareFactors);
  return {
    pro: ofMethod.filter((factor) => factor.data.stance === 'pro'),
    con: ofMethod.filter((factor) => factor.data.stance === 'con'),
  };
}

/**
 * How much a shared tag says about two factors: ln(factors / factors with the
 * tag). A specific tag ("Activation limits") weighs more than a broad one
 * ("Deployment"); a tag that every factor has weighs nothing.
 */
export function tagWeights(factors: readonly FactorSummary[]): Map<Tag, number> {
  const counts = new Map<Tag, number>();
  for (const factor of factors) for (const tag of new Set(factor.data.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return new Map([...counts].map(([tag, count]) => [tag, Math.log(factors.length / count)]));
}

/** The weight of the tags `candidate` shares with `tags`, summed in the candidate's tag order. */
export function sharedWeight(candidate: FactorSummary, tags: ReadonlySet<Tag>, weights: ReadonlyMap<Tag, number>): number {
  return candidate.data.tags.filter((tag) => tags.has(tag)).reduce((sum, tag) => sum + (weights.get(tag) ?? 0), 0);
}

/**
 * The previous and next factor of the same method, in reading order, for
 * every factor at once (for the factor pages): one sort per method. Keyed by factor id.
 */
export function neighboursById<F extends FactorSummary>(factors: readonly F[]): Map<string, { previous?: F; next?: F }> {
  const result = new Map<string, { previous?: F; next?: F }>();
  for (const method of METHOD_IDS) {
    const ordered = factors.filter((factor) => factor.data.method === method).sort(compareFactors);
    ordered.forEach((factor, index) => {
      // A repeated id takes the place of its first occurrence.
      if (!result.has(factor.id)) result.set(factor.id, { previous: ordered[index - 1], next: ordered[index + 1] });
    });
  }
  return result;
}

/**
 * For every factor (for the factor pages), the other factors that share tags
 * with it: the most specific shared tags first ({@link tagWeights}), then the
 * same method before others (the reader is weighing this method), then reading
 * order; at most `limit`. A factor that shares only tags every factor has is
 * not related. Factors are ranked once by `compareFactors`, and each factor
 * looks only at the factors that share one of its tags, keeping the best
 * `limit` as it goes. Keyed by factor id.
 */
export function relatedById<F extends FactorSummary>(factors: readonly F[], limit = 5): Map<string, F[]> {
  // Position in reading order; the sort is stable, so ties keep the input order.
  const rank = new Map<F, number>();
  [...factors].sort(compareFactors).forEach((factor, index) => rank.set(factor, index));
  const byTag = new Map<Tag, F[]>();
  for (const factor of factors) for (const tag of new Set(factor.data.tags)) (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(factor);
  const weights = tagWeights(factors);
  const result = new Map<string, F[]>();
  for (const current of factors) {
    if (result.has(current.id)) continue;
    // Shared tags per candidate, weighed by tagWeights.
    const tags = new Set(current.data.tags);
    const candidates = new Set<F>();
    for (const tag of tags) for (const factor of byTag.get(tag) ?? []) if (factor.id !== current.id) candidates.add(factor);
    const better = (a: { factor: F; shared: number }, b: { factor: F; shared: number }) =>
      b.shared - a.shared ||
      Number(b.factor.data.method === current.data.method) - Number(a.factor.data.method === current.data.method) ||
      rank.get(a.factor)! - rank.get(b.factor)!;
    const best: { factor: F; shared: number }[] = [];
    for (const factor of candidates) {
      const entry = { factor, shared: sharedWeight(factor, tags, weights) };
      if (entry.shared <= 0) continue;
      if (best.length === limit && better(entry, best[best.length - 1]!) >= 0) continue;
      let at = best.length;
      while (at > 0 && better(entry, best[at - 1]!) < 0) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    result.set(current.id, best.map(({ factor }) => factor));
  }
  return result;
}

/** What a classic claim needs to be listed: the claim, what is true now, and the article that says so. */
export interface ClaimSummary extends FactorSummary {
  data: FactorSummary['data'] & { correction?: { claim: string; now: string } };
}

/**
 * "Classic claims, corrected": every article that corrects a claim of the classic
 * 2008 comparison, whether it is a myth article of its own or a pro or con that
 * carries the correction, optionally of one method. Each links to the article
 * where the truth now lives.
 */
export function classicClaims<F extends ClaimSummary>(factors: readonly F[], method?: Method): F[] {
  return factors
    .filter((factor) => factor.data.correction && (!method || factor.data.method === method))
    .sort(compareFactors);
}

/** Tags in vocabulary order, each with the factors that carry it; tags nobody uses are left out. */
export function factorsByTag<F extends FactorSummary>(factors: readonly F[]): { tag: Tag; factors: F[] }[] {
  return TAG_IDS.map((tag) => ({
    tag,
    factors: factors.filter((factor) => factor.data.tags.includes(tag)).sort(compareFactors),
  })).filter((group) => group.factors.length > 0);
}

/** One cell of the comparison matrix: a topic (tag) and a method. */
export interface MatrixCell<F> {
  method: Method;
  pros: F[];
  cons: F[];
}

/**
 * Topics × methods: for each tag in use, the pros and cons of each method.
 * Every factor appears in the row of each of its tags.
 */
export function comparisonMatrix<F extends FactorSummary>(factors: readonly F[]): { tag: Tag; cells: MatrixCell<F>[] }[] {
  return factorsByTag(factors).map(({ tag, factors: tagged }) => ({
    tag,
    cells: METHOD_IDS.map((method) => ({ method, ...byStance(tagged, method) })).map(({ method, pro, con }) => ({
      method,
      pros: pro,
      cons: con,
    })),
  }));
}
