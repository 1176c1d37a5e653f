import { describe, expect, it } from 'vitest';
import { neighbours, neighboursById, relatedById, relatedFactors, type FactorSummary } from '../../src/lib/factors';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../../src/lib/taxonomy';

// The factor pages take related factors and neighbours from the per-build indexes;
// these must give exactly what the per-page functions give, ties included.
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
