import { describe, expect, it } from 'vitest';
import { compareFactors, neighboursById, relatedById, sharedWeight, tagWeights, type FactorSummary } from '../../src/lib/factors';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../../src/lib/taxonomy';

// The factor pages take related factors and neighbours from the per-build indexes;
// these must give exactly what the plain per-page definitions below (the oracles) give, ties included.

/** The previous and next factor of the same method, in reading order. */
function neighbours<F extends FactorSummary>(factors: readonly F[], current: F): { previous?: F; next?: F } {
  const ordered = factors.filter((factor) => factor.data.method === current.data.method).sort(compareFactors);
  const index = ordered.findIndex((factor) => factor.id === current.id);
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

/**
 * Other factors that share tags with this one, the most specific shared tags
 * first ({@link tagWeights}), then the same method before others (the reader
 * is weighing this method), at most `limit`. A factor that shares only tags
 * every factor has is not related.
 */
function relatedFactors<F extends FactorSummary>(factors: readonly F[], current: F, limit = 5): F[] {
  const tags = new Set(current.data.tags);
  const weights = tagWeights(factors);
  return factors
    .filter((factor) => factor.id !== current.id)
    .map((factor) => ({ factor, shared: sharedWeight(factor, tags, weights) }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        Number(b.factor.data.method === current.data.method) - Number(a.factor.data.method === current.data.method) ||
        compareFactors(a.factor, b.factor),
    )
    .slice(0, limit)
    .map(({ factor }) => factor);
}

function sample(count: number, seed: number): FactorSummary[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, index) => {
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => TAG_IDS[Math.floor(next() * 5)]!))];
    const method = METHOD_IDS[Math.floor(next() * METHOD_IDS.length)]!;
    // Few distinct titles, so that many factors tie on method, stance and title.
    const title = `Title ${Math.floor(next() * 4)}`;
    return { id: `${method}/f${index}`, data: { title, summary: `${title}.`, method, stance: STANCE_IDS[Math.floor(next() * 2)]!, tags } };
  });
}

describe('relatedById and neighboursById', () => {
  for (const seed of [1, 2, 3]) {
    it(`match relatedFactors and neighbours for every factor (seed ${seed})`, () => {
      const factors = sample(120, seed);
      const related = relatedById(factors);
      const pager = neighboursById(factors);
      for (const factor of factors) {
        expect(related.get(factor.id), factor.id).toEqual(relatedFactors(factors, factor));
        expect(pager.get(factor.id), factor.id).toEqual(neighbours(factors, factor));
      }
      expect(relatedById(factors, 2).get(factors[0]!.id)).toEqual(relatedFactors(factors, factors[0]!, 2));
    });
  }
});
