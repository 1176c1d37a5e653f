import { describe, expect, it } from 'vitest';
import { guideNeighbours, holdsPage, menuCurrent, sidebar, type SiteIndex } from '../../src/lib/navigation';
import type { FactorSummary } from '../../src/lib/factors';
import type { Method, Stance } from '../../src/lib/taxonomy';

function factor(id: string, stance: Stance, title: string): FactorSummary {
  return { id, data: { title, summary: `${title}.`, method: id.split('/')[0] as Method, stance, tags: ['dns'] } };
}

const site: SiteIndex = {
  factors: [factor('kms/b', 'con', 'Branches are hard'), factor('kms/a', 'pro', 'Finds the host'), factor('kms/old', 'myth', 'An old claim'), factor('mak/x', 'pro', 'Never expires')],
  guides: [
    { id: 'glossary', data: { title: 'Glossary', order: 9 } },
    { id: 'kms', data: { title: 'KMS', order: 1 } },
    { id: 'mak', data: { title: 'MAK', order: 2 } },
  ],
  scenarios: [{ id: 'lab', data: { title: 'A lab' } }],
};

describe('sidebar', () => {
  const sections = sidebar(site);
  const kms = sections.find((section) => section.href === '/kms/')!;

  it('lists a method with its pros, then its cons, leaving its corrected classic claims to the method page', () => {
    expect(kms.links.map((link) => `${link.prefix}: ${link.label}`)).toEqual(['Pro: Finds the host', 'Con: Branches are hard']);
    expect(kms.folded).toBe(true);
  });

  it('has the decision tree first, then scenarios, the methods, guides in reading order, and the comparison', () => {
    expect(sections[0]!.links.map((link) => link.href)).toEqual(['/decide/', '/decide/map/']);
    expect(sections[1]).toMatchObject({ label: 'Scenarios', href: '/scenarios/', links: [{ href: '/scenarios/lab/', label: 'A lab' }] });
    expect(sections.find((section) => section.label === 'Guides')!.links.map((link) => link.href)).toEqual(['/guides/kms/', '/guides/mak/', '/guides/glossary/']);
    expect(sections.at(-1)!.links.map((link) => link.href)).toEqual(['/compare/', '/tags/']);
  });

  it('knows which section holds a page, by its own page or one of its links', () => {
    expect(holdsPage(kms, '/kms/')).toBe(true);
    expect(holdsPage(kms, '/factors/kms/a/')).toBe(true);
    expect(holdsPage(kms, '/factors/mak/x/')).toBe(false);
  });
});

describe('menuCurrent', () => {
  it('marks a method for its own page and its articles, and a section for the pages below it', () => {
    expect(menuCurrent('/kms/', '/kms/')).toBe(true);
    expect(menuCurrent('/kms/', '/factors/kms/a/')).toBe(true);
    expect(menuCurrent('/kms/', '/factors/mak/x/')).toBe(false);
    expect(menuCurrent('/guides/', '/guides/kms/')).toBe(true);
    expect(menuCurrent('/decide/', '/decide/map/')).toBe(true);
    expect(menuCurrent('/about/', '/')).toBe(false);
  });
});

describe('guideNeighbours', () => {
  it('links each guide to the one before and after it in reading order', () => {
    expect(guideNeighbours(site.guides, 'mak')).toEqual({ previous: site.guides[1], next: site.guides[0] });
    expect(guideNeighbours(site.guides, 'kms').previous).toBeUndefined();
    expect(guideNeighbours(site.guides, 'nope')).toEqual({});
  });
});
