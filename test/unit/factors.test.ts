import { describe, expect, it } from 'vitest';
import { byStance, comparisonMatrix, factorsByTag, neighboursById, relatedById, type FactorSummary } from '../../src/lib/factors';
import type { Method, Stance, Tag } from '../../src/lib/taxonomy';

function factor(id: string, stance: Stance, tags: Tag[], title = id): FactorSummary {
  const method = id.split('/')[0] as Method;
  return { id, data: { title, summary: `${title}.`, method, stance, tags } };
}

const kmsDns = factor('kms/dns', 'pro', ['dns', 'deployment'], 'Finds the host');
const kmsRenew = factor('kms/renew', 'con', ['renewal', 'monitoring'], 'Clients renew');
const kmsBranch = factor('kms/branch', 'con', ['branch-offices', 'dns'], 'Branches are hard');
const makForever = factor('mak/forever', 'pro', ['renewal'], 'Never expires');
const makStep = factor('mak/step', 'con', ['deployment'], 'A step per install');
const all = [makStep, kmsRenew, makForever, kmsBranch, kmsDns];

describe('byStance', () => {
  it('splits one method into pros and cons, alphabetically', () => {
    expect(byStance(all, 'kms')).toEqual({ pro: [kmsDns], con: [kmsBranch, kmsRenew] });
    expect(byStance(all, 'adba')).toEqual({ pro: [], con: [] });
  });
});

const neighbours = (factors: FactorSummary[], current: FactorSummary) => neighboursById(factors).get(current.id);
const relatedFactors = (factors: FactorSummary[], current: FactorSummary, limit?: number) => relatedById(factors, limit).get(current.id);

describe('neighboursById', () => {
  it('walks pros then cons within one method, never into another method', () => {
    expect(neighbours(all, kmsDns)).toEqual({ previous: undefined, next: kmsBranch });
    expect(neighbours(all, kmsBranch)).toEqual({ previous: kmsDns, next: kmsRenew });
    expect(neighbours(all, kmsRenew)).toEqual({ previous: kmsBranch, next: undefined });
  });
});

describe('relatedById', () => {
  it('ranks a factor sharing a specific tag above one sharing a broad tag', () => {
    // "deployment" is on 3 of 6 factors, "dns" on 2: kms/branch (dns) comes before mak/step and adba/join (deployment).
    const adbaJoin = factor('adba/join', 'con', ['deployment'], 'Joins the domain');
    expect(relatedFactors([...all, adbaJoin], kmsDns)).toEqual([kmsBranch, makStep, adbaJoin]);
  });

  it('prefers the same method when the shared tags weigh the same', () => {
    // kms/dns comes first in reading order (KMS before MAK), but mak/image is of the same method as mak/step.
    const makImage = factor('mak/image', 'pro', ['deployment'], 'Images carry the key');
    expect(relatedFactors([...all, makImage], makStep)).toEqual([makImage, kmsDns]);
  });

  it('leaves out factors that share no tag, share only a tag every factor has, and the factor itself', () => {
    expect(relatedFactors(all, makForever)).toEqual([kmsRenew]);
    const everywhere = all.map((item) => factor(item.id, item.data.stance, ['deployment'], item.data.title));
    expect(relatedFactors(everywhere, everywhere[0]!)).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(relatedFactors(all, kmsDns, 1)).toHaveLength(1);
  });
});

describe('factorsByTag and comparisonMatrix', () => {
  it('lists only tags in use, each with exactly its factors', () => {
    const groups = factorsByTag(all);
    expect(groups.map((group) => group.tag).sort()).toEqual(['branch-offices', 'deployment', 'dns', 'monitoring', 'renewal']);
    expect(groups.find((group) => group.tag === 'renewal')?.factors).toEqual([kmsRenew, makForever]);
  });

  it('places every factor once in the row of each of its tags', () => {
    const matrix = comparisonMatrix(all);
    for (const item of all) {
      const cells = matrix.flatMap((row) =>
        row.cells.filter((cell) => [...cell.pros, ...cell.cons].includes(item)).map(() => row.tag),
      );
      expect(cells.sort()).toEqual([...item.data.tags].sort());
    }
  });

  it('puts pros and cons in the column of their own method', () => {
    const renewal = comparisonMatrix(all).find((row) => row.tag === 'renewal')!;
    expect(renewal.cells.find((cell) => cell.method === 'kms')).toMatchObject({ pros: [], cons: [kmsRenew] });
    expect(renewal.cells.find((cell) => cell.method === 'mak')).toMatchObject({ pros: [makForever], cons: [] });
  });
});
