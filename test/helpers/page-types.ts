import type { Page, Response } from 'playwright-core';

/** One page of each kind the site builds, in the state a reader sees it, for the audits in test/e2e/. */
export interface PageType {
  name: string;
  path: string;
  /** A selector that shows the page has finished what its script does. */
  ready?: string;
  /** Content that loads only when scrolled into view (Pagefind's results): scroll through the page for it. */
  lazy?: boolean;
  /** Keys pressed once the page has loaded, then text typed: to open the search dialog and search in it. */
  press?: string;
  type?: string;
}

/** The first answers of an on-premises, volume-licensed Windows estate. */
export const ON_PREMISES_WINDOWS = 'windows/own-hardware/volume';
/** A real path through content/decision-tree.yaml: main site, all modern in a domain, laptops back within 180 days. */
export const OUTCOME_PATH = `${ON_PREMISES_WINDOWS}/main-site/domain-all-modern/back-within-180-days`;
export const OUTCOME = 'adba';

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', path: '/' },
  { name: 'factor', path: '/factors/kms/branch-offices/' },
  { name: 'factor with a correction', path: '/factors/mak/limited-activations/' },
  { name: 'guide: troubleshooting', path: '/guides/troubleshooting/' },
  { name: 'guide: glossary', path: '/guides/glossary/' },
  { name: 'guide with code blocks', path: '/guides/adba/' },
  { name: 'guides index', path: '/guides/' },
  { name: 'method', path: '/kms/' },
  { name: 'tag', path: '/tags/dns/' },
  { name: 'tag index', path: '/tags/' },
  { name: 'matrix', path: '/compare/' },
  { name: 'decide: start', path: '/decide/', ready: '[data-decide].js' },
  { name: 'decide: mid-path', path: `/decide/?path=${ON_PREMISES_WINDOWS}/main-site#domain`, ready: '[data-decide].js [data-node="domain"].current' },
  {
    name: 'decide: outcome',
    path: `/decide/?path=${OUTCOME_PATH}#${OUTCOME}`,
    ready: `[data-decide].js [data-node="${OUTCOME}"].current`,
  },
  { name: 'recommendation', path: `/decide/outcomes/${OUTCOME}/` },
  { name: 'recommendation with path notes', path: '/decide/outcomes/kms/' },
  { name: 'scenario', path: '/scenarios/air-gapped-lab/' },
  { name: 'scenarios index', path: '/scenarios/' },
  { name: 'decision tree map', path: '/decide/map/' },
  { name: 'search: empty', path: '/search/', ready: '.search-page.ready pagefind-input input' },
  { name: 'search: results', path: '/search/?q=laptops', ready: '.search-page.ready pagefind-summary', lazy: true },
  {
    name: 'search: dialog open, with results',
    path: '/factors/kms/branch-offices/',
    press: '/',
    type: 'laptops',
    ready: 'dialog.pf-modal[open] pagefind-results a[href^="/"]',
  },
  { name: 'about', path: '/about/' },
  { name: '404', path: '/factors/kms/not-a-page/' },
];

/** Open a page type and wait until it is ready to be judged. */
export async function openPageType(page: Page, baseUrl: string, type: PageType): Promise<Response | null> {
  const response = await page.goto(`${baseUrl}${type.path}`, { waitUntil: 'load' });
  if (type.press) {
    await page.keyboard.press(type.press);
    await page.locator('dialog[open] pagefind-input input').waitFor({ timeout: 15_000 });
  }
  if (type.type) await page.keyboard.type(type.type);
  if (type.ready) await page.locator(type.ready).first().waitFor({ timeout: 15_000 });
  if (type.lazy) await loadLazyResults(page);
  // Let late requests (search fragments, the service worker's install) settle.
  await page.waitForLoadState('networkidle');
  return response;
}

/**
 * Pagefind fills a result card only once it scrolls into view (a narrow screen
 * puts the filters first): scroll through the page until every card is filled.
 */
export async function loadLazyResults(page: Page): Promise<void> {
  await page.locator('pagefind-results a[href^="/"], pagefind-results .pf-skeleton').first().waitFor({ state: 'attached', timeout: 15_000 });
  const viewport = page.viewportSize()?.height ?? 800;
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += viewport / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => document.querySelectorAll('pagefind-results .pf-skeleton').length === 0, undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}
