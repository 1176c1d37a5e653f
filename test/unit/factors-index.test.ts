import { describe, expect, it } from 'vitest';
import { compareFactors, neighboursById, type FactorSummary } from '../../src/lib/factors';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../../src/lib/taxonomy';

// The factor pages take their neighbours from the per-build index;
// it must give exactly what the plain per-page definition below (the oracle) gives, ties included.

/** The previous and next factor of the same method, in reading order. */
function neighbours<F extends FactorSummary>(factors: readonly F[], current: F): { previous?: F; next?: F } {
  const ordered = factors.filter((factor) => factor.data.method === current.data.method).sort(compareFactors);
  const index = ordered.findIndex((factor) => factor.id === current.id);
  return { previous: ordered[index - 1], next: ordered[index + 1] };
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

describe('neighboursById', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches neighbours for every factor (seed ${seed})`, () => {
      const factors = sample(120, seed);
      const pager = neighboursById(factors);
      for (const factor of factors) {
        expect(pager.get(factor.id), factor.id).toEqual(neighbours(factors, factor));
      }
    });
  }
});
