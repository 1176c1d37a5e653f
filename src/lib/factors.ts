import { METHOD_IDS, STANCE_IDS, TAG_IDS, type Method, type Stance, type Tag } from './taxonomy';

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

/** The factors of one method, split into pros and cons, each in reading order. */
export function byStance<F extends FactorSummary>(factors: readonly F[], method: Method): Record<Stance, F[]> {
  const ofMethod = factors.filter((factor) => factor.data.method === method).sort(compareFactors);
  return {
    pro: ofMethod.filter((factor) => factor.data.stance === 'pro'),
    con: ofMethod.filter((factor) => factor.data.stance === 'con'),
  };
}

/** The previous and next factor of the same method, in reading order. */
export function neighbours<F extends FactorSummary>(factors: readonly F[], current: F): { previous?: F; next?: F } {
  const ordered = factors.filter((factor) => factor.data.method === current.data.method).sort(compareFactors);
  const index = ordered.findIndex((factor) => factor.id === current.id);
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

/**
 * Other factors that share tags with this one, most shared tags first, then
 * other methods before the same method (the comparison is the point), at most `limit`.
 */
export function relatedFactors<F extends FactorSummary>(factors: readonly F[], current: F, limit = 5): F[] {
  const tags = new Set(current.data.tags);
  return factors
    .filter((factor) => factor.id !== current.id)
    .map((factor) => ({ factor, shared: factor.data.tags.filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        Number(a.factor.data.method === current.data.method) - Number(b.factor.data.method === current.data.method) ||
        compareFactors(a.factor, b.factor),
    )
    .slice(0, limit)
    .map(({ factor }) => factor);
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
