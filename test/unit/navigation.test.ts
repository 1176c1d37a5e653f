import { describe, expect, it } from 'vitest';
import { guideNeighbours, holdsPage, menuCurrent, shownLinks, sidebar, type SiteIndex } from '../../src/lib/navigation';
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

describe('shownLinks', () => {
  // A method with 40 pros and cons: more than a sidebar shows at once.
  const many: SiteIndex = { ...site, factors: Array.from({ length: 40 }, (_, n) => factor(`kms/f${String(n).padStart(2, '0')}`, 'pro', `Point ${String(n).padStart(2, '0')}`)) };
  const kms = sidebar(many).find((section) => section.href === '/kms/')!;

  it('shows, on a page of a large method, a window of its links around the page and a link to all of them', () => {
    const { links, more } = shownLinks(kms, '/factors/kms/f30/', 15);
    expect(links).toHaveLength(15);
    expect(links.map((link) => link.href)).toContain('/factors/kms/f30/');
    expect(links[0]!.href).toBe('/factors/kms/f23/');
    expect(more).toEqual({ href: '/kms/', label: 'All 40 pros and cons' });
  });

  it('keeps the window inside the list at either end', () => {
    expect(shownLinks(kms, '/factors/kms/f00/', 15).links[0]!.href).toBe('/factors/kms/f00/');
    expect(shownLinks(kms, '/factors/kms/f39/', 15).links.at(-1)!.href).toBe('/factors/kms/f39/');
    expect(shownLinks(kms, '/kms/', 15).links[0]!.href).toBe('/factors/kms/f00/');
  });

  it('shows every link of a small section, and of a section that is never folded', () => {
    const small = sidebar(site).find((section) => section.href === '/kms/')!;
    expect(shownLinks(small, '/factors/kms/a/', 15)).toEqual({ links: small.links });
    const guides = { label: 'Guides', links: kms.links };
    expect(shownLinks(guides, '/', 15).links).toHaveLength(40);
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
