import { describe, expect, it } from 'vitest';
import { MAIN_MENU, menuExtras, overviewLink, sectionState, shownLinks, sidebar, type SiteIndex } from '../../src/lib/navigation';
import type { FactorSummary } from '../../src/lib/factors';
import type { Method, Stance } from '../../src/lib/taxonomy';

function factor(id: string, stance: Stance, title: string): FactorSummary {
  return { id, data: { title, summary: `${title}.`, method: id.split('/')[0] as Method, stance, tags: ['dns'] } };
}

const site: SiteIndex = {
  factors: [factor('kms/a', 'pro', 'Finds the host'), factor('kms/b', 'con', 'Branches are hard'), factor('mak/x', 'pro', 'Never expires')],
  guides: ['a', 'b', 'c', 'd'].map((id, order) => ({ id, data: { title: id.toUpperCase(), order } })),
  scenarios: [{ id: 'lab', data: { title: 'A lab' } }],
};
const sections = sidebar(site);
const section = (label: string) => sections.find((candidate) => candidate.label === label || candidate.label.startsWith(`${label}:`))!;

describe('the sidebar as the phone menu', () => {
  it('shows a folded section the reader is not in as its heading link, and opens the one they are in', () => {
    expect(sectionState(section('KMS'), '/factors/mak/x/')).toBe('link');
    expect(sectionState(section('KMS'), '/factors/kms/b/')).toBe('open');
    expect(sectionState(section('KMS'), '/kms/')).toBe('open');
  });

  it('keeps short sections open and folds long ones, unless the reader is in them', () => {
    expect(sectionState(section('Decide'), '/')).toBe('open');
    expect(sectionState(section('Guides'), '/')).toBe('closed');
    expect(sectionState(section('Guides'), '/guides/c/')).toBe('open');
  });

  it("starts an open group with its own page, unless the group ends with a link to it", () => {
    expect(overviewLink(section('Guides'))).toEqual({ href: '/guides/', label: 'All guides' });
    expect(overviewLink(section('KMS'))).toEqual({ href: '/kms/', label: 'All pros and cons' });
    expect(overviewLink(section('Decide'))).toBeUndefined();
    const { more } = shownLinks({ ...section('KMS'), links: Array.from({ length: 20 }, (_, n) => ({ href: `/factors/kms/${n}/`, label: `${n}` })) }, '/factors/kms/1/');
    expect(more).toBeDefined();
    expect(overviewLink(section('KMS'), more)).toBeUndefined();
  });

  it('adds the main-menu entries the sidebar does not hold', () => {
    expect(menuExtras(sections).map((link) => link.href)).toEqual(['/about/']);
    expect(MAIN_MENU.length).toBeGreaterThan(menuExtras(sections).length);
  });
});
