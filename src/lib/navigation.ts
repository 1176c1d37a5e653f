/**
 * The site's navigation as data: the main menu and the sidebar, computed from
 * the collections by the layout and rendered by thin components. Adding a
 * section to the sidebar is adding one entry to SIDEBAR_SECTIONS.
 */
import { compareFactors, type FactorSummary } from './factors';
import { FACTORS, GUIDES, SCENARIOS } from './collections';
import { methodUrl, withBase } from './routes';
import { METHODS, METHOD_IDS, STANCES, WEIGHING_STANCES, type Method } from './taxonomy';

export interface NavLink {
  href: string;
  label: string;
  /** A word before the label, e.g. "Pro" or "Con". */
  prefix?: string;
  /** What the prefix stands for, for styling: a stance id. */
  kind?: string;
}

export interface NavSection {
  label: string;
  /** The section's own page, if it has one. */
  href?: string;
  links: NavLink[];
  /**
   * Links shown only while the reader is in the section (a method's pros and cons):
   * elsewhere the section is its heading link, so a page's HTML does not grow with every article.
   */
  folded?: boolean;
  /** What the links are, for "All 14 scenarios" when an open folded section shows only some of them. */
  noun?: string;
}

/**
 * Most links an open folded section shows: a window of its links around the current page, then a link to the
 * section's own page, which lists them all. Without it a factor page's HTML grew with every article of its method:
 * at 5,000 generated articles each page carried about 830 sidebar links (147 KB), and the build wrote 0.8 GB.
 */
export const SIDEBAR_WINDOW = 15;

/** What the navigation is built from: the entries of each collection (collections.ts), under its name. */
export interface SiteIndex {
  factors: readonly FactorSummary[];
  guides: readonly { id: string; data: { title: string; order: number } }[];
  scenarios: readonly { id: string; data: { title: string } }[];
}

/** The main menu, in the header of every page on wide screens; on phones the menu is the sidebar, with {@link menuExtras}. */
export const MAIN_MENU: readonly NavLink[] = [
  { href: withBase('/decide/'), label: 'Decide' },
  { href: withBase('/compare/'), label: 'Compare' },
  { href: withBase(GUIDES.listing), label: 'Guides' },
  { href: withBase('/tags/'), label: 'Topics' },
  { href: withBase('/about/'), label: 'About' },
];

/** Guides in reading order (their `order` field). */
export function guidesInOrder<G extends SiteIndex['guides'][number]>(guides: readonly G[]): G[] {
  return [...guides].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** A method with its pros and cons, in reading order; its classic claims are listed on the method's page only. */
function methodSection(method: Method, site: SiteIndex): NavSection {
  const weighs = (stance: string) => (WEIGHING_STANCES as readonly string[]).includes(stance);
  const factors = site.factors.filter((factor) => factor.data.method === method && weighs(factor.data.stance)).sort(compareFactors);
  return {
    label: `${METHODS[method].label}: ${METHODS[method].name}`,
    href: methodUrl(method),
    folded: true,
    noun: 'pros and cons',
    links: factors.map((factor) => ({
      href: FACTORS.url(factor.id),
      label: factor.data.title,
      prefix: STANCES[factor.data.stance].label,
      kind: factor.data.stance,
    })),
  };
}

/** The sections of the sidebar on wide screens, in order. One line per section. */
export const SIDEBAR_SECTIONS: readonly ((site: SiteIndex) => NavSection)[] = [
  () => ({ label: 'Decide', links: [{ href: withBase('/decide/'), label: 'The decision tree' }, { href: withBase('/decide/map/'), label: 'The whole tree on one page' }] }),
  (site) => ({
    label: 'Scenarios',
    href: withBase(SCENARIOS.listing),
    folded: true,
    noun: 'scenarios',
    links: [...site.scenarios].sort((a, b) => a.data.title.localeCompare(b.data.title, 'en')).map((scenario) => ({ href: SCENARIOS.url(scenario.id), label: scenario.data.title })),
  }),
  ...METHOD_IDS.map((method) => (site: SiteIndex) => methodSection(method, site)),
  (site) => ({ label: 'Guides', href: withBase(GUIDES.listing), noun: 'guides', links: guidesInOrder(site.guides).map((guide) => ({ href: GUIDES.url(guide.id), label: guide.data.title })) }),
  () => ({ label: 'Compare and topics', links: [{ href: withBase('/compare/'), label: 'Compare the methods by topic' }, { href: withBase('/tags/'), label: 'All topics' }] }),
];

export function sidebar(site: SiteIndex): NavSection[] {
  return SIDEBAR_SECTIONS.map((section) => section(site));
}

/**
 * The links an open section shows on the page at `path`: all of them, or for a folded section with more than
 * `limit`, the `limit` links around the current page and a link to the section's page for the rest.
 */
export function shownLinks(section: NavSection, path: string, limit = SIDEBAR_WINDOW): { links: NavLink[]; more?: NavLink } {
  if (!section.folded || section.links.length <= limit) return { links: section.links };
  const current = section.links.findIndex((link) => link.href === path);
  const start = Math.max(0, Math.min(current - Math.floor(limit / 2), section.links.length - limit));
  const more = section.href ? { href: section.href, label: `All ${section.links.length} ${section.noun ?? 'pages'}` } : undefined;
  return { links: section.links.slice(start, start + limit), more };
}

/**
 * Most links a section that is not folded may have and still show open on a page outside it: the decision tree and
 * the comparison stay open, the guides fold to their heading, so that the phone menu fits on a screen or two.
 */
export const OPEN_SECTION_LINKS = 3;

/**
 * How a section shows on the page at `path`: only its heading link (a folded section the reader is not in), or a
 * group that can be collapsed, open where the reader is in it or where it is short.
 */
export function sectionState(section: NavSection, path: string): 'link' | 'open' | 'closed' {
  const here = holdsPage(section, path);
  if (section.folded && !here && section.href) return 'link';
  return here || section.links.length <= OPEN_SECTION_LINKS ? 'open' : 'closed';
}

/** The link to a section's own page at the top of its open group ("All guides"), unless it ends with one already. */
export function overviewLink(section: NavSection, more?: NavLink): NavLink | undefined {
  if (!section.href || more) return undefined;
  return { href: section.href, label: `All ${section.noun ?? 'pages'}` };
}

/** Main-menu entries the sidebar does not hold (About): the phone menu, which is the sidebar, lists them at its end. */
export function menuExtras(sections: readonly NavSection[]): NavLink[] {
  return MAIN_MENU.filter((item) => !sections.some((section) => section.href === item.href || section.links.some((link) => link.href === item.href)));
}

/** Whether `href` is the page at `path`. */
export function isCurrent(href: string, path: string): boolean {
  return href === path;
}

/** Whether a section holds the page at `path`: its own page or one of its links. */
export function holdsPage(section: NavSection, path: string): boolean {
  return section.href === path || section.links.some((link) => link.href === path);
}

/** Whether a main-menu entry is the page at `path` or one above it (`/kms/` for `/factors/kms/…`). */
export function menuCurrent(href: string, path: string): boolean {
  if (href === path) return true;
  const method = METHOD_IDS.find((id) => methodUrl(id) === href);
  // A factor's id starts with its method's folder: the method's factors are the pages under FACTORS.url(method).
  if (method) return path.startsWith(FACTORS.url(method));
  return href !== withBase('/') && path.startsWith(href);
}

/** The guides before and after `id` in reading order. */
export function guideNeighbours<G extends SiteIndex['guides'][number]>(guides: readonly G[], id: string): { previous?: G; next?: G } {
  const ordered = guidesInOrder(guides);
  const index = ordered.findIndex((guide) => guide.id === id);
  return index < 0 ? {} : { previous: ordered[index - 1], next: ordered[index + 1] };
}
