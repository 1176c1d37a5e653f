import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { METHOD_IDS } from '../../src/lib/taxonomy';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
let page: Page;

/**
 * What administrators type, and the page that must come up in the first three
 * results of the real index. Expectations are the articles a reader would want,
 * chosen from the content, not read back from the search code.
 */
const QUERIES: [query: string, expected: string][] = [
  ['1688', '/factors/kms/clients-need-no-internet/'],
  ['SRV record', '/factors/kms/needs-dns-srv-records/'],
  ['0xC004F074', '/guides/troubleshooting/'],
  ['0x8007232B', '/guides/troubleshooting/'],
  ['0xC004C020', '/factors/mak/limited-activations/'],
  ['reinstall', '/factors/mak/limited-activations/'],
  ['laptops', '/factors/kms/roaming-laptops/'],
  ['Key Management Service', '/guides/kms/'],
  ['Multiple Activation Key', '/guides/mak/'],
  ['Active Directory-based activation', '/guides/adba/'],
  ['VAMT', '/factors/mak/vamt-tracks-and-reuses-activations/'],
  ['Volume Activation Management Tool', '/factors/mak/vamt-tracks-and-reuses-activations/'],
  ['CSVLK', '/factors/kms/host-key-limits/'],
  ['Customer Specific Volume License Key', '/factors/kms/host-key-limits/'],
  ['GVLK', '/guides/glossary/'],
  ['threshold', '/factors/mak/only-choice-below-threshold/'],
  ['virtual machines', '/factors/kms/hard-to-test-threshold/'],
  ['phone activation', '/factors/mak/no-client-internet-needed/'],
  ['token', '/factors/token/isolated-high-security/'],
];

beforeAll(async () => {
  ({ page } = await openPage(browser()));
  await page.goto(`${baseUrl}/search/`);
});

describe('search quality against the real index', () => {
  it.each(QUERIES)('"%s" finds %s in the top three', async (query, expected) => {
    // Written as a string so the test runner does not rewrite the browser's import().
    const top = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search(${JSON.stringify(query)});
      const data = await Promise.all(search.results.slice(0, 3).map((result) => result.data()));
      return data.map((item) => item.url);
    })()`)) as string[];
    expect(top).toContain(expected);
  });

  it('does not match the lists of sources, which many articles share', async () => {
    const sections = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search('DNS');
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.flatMap((item) => item.sub_results.map((sub) => sub.title));
    })()`)) as string[];
    expect(sections.length).toBeGreaterThan(0);
    expect(sections).not.toContain('Sources');
  });
});

describe('the search page in Chromium', () => {
  it('shows results for a shared /search/?q= link, with the term highlighted in excerpts', async () => {
    const { page: shared, errors } = await openPage(browser());
    await shared.goto(`${baseUrl}/search/?q=laptops`);
    const results = shared.locator('pagefind-results a[href^="/"]');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(1);
    expect(await shared.locator('pagefind-input input').inputValue()).toBe('laptops');
    await expect(shared.locator('pagefind-results mark').first().textContent()).resolves.toMatch(/laptops/i);
    expect(errors).toEqual([]);
  });

  it('focuses the search box on "/" and Ctrl+K, and moves through results with the arrow keys', async () => {
    const { page: keys } = await openPage(browser());
    await keys.goto(`${baseUrl}/search/`);
    await keys.locator('pagefind-input input').waitFor();
    await keys.locator('h1').click();
    await keys.keyboard.press('/');
    expect(await keys.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
    await keys.locator('h1').click();
    await keys.keyboard.press('Control+k');
    expect(await keys.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
    await keys.keyboard.type('reinstall');
    await keys.locator('pagefind-results a[href^="/"]').first().waitFor();
    await keys.keyboard.press('ArrowDown');
    const first = await keys.evaluate(() => document.activeElement?.closest('pagefind-results a, pagefind-results [data-pf-result-index]') !== null);
    expect(first).toBe(true);
    await keys.keyboard.press('ArrowDown');
    const second = await keys.evaluate(() => document.activeElement?.textContent ?? '');
    expect(second.length).toBeGreaterThan(0);
  });

  it('opens a result at the searched words, highlighted with a text fragment', async () => {
    const { page: opener } = await openPage(browser());
    await opener.goto(`${baseUrl}/search/?q=reinstall`);
    const link = opener.locator('pagefind-results a[href^="/factors/"]').first();
    await link.waitFor();
    await link.click();
    await opener.waitForURL(/\/factors\//);
    const navigated = await opener.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name);
    expect(decodeURIComponent(navigated)).toContain(':~:text=reinstall');
    expect(await opener.locator('article').textContent()).toMatch(/reinstall/i);
  });

  it('narrows results with a filter and keeps the filter in the URL', async () => {
    const { page: filtered } = await openPage(browser());
    await filtered.goto(`${baseUrl}/search/?q=activation`);
    await filtered.locator('pagefind-results a[href^="/"]').first().waitFor();
    const option = filtered.locator('pagefind-filter-pane label', { hasText: /^MAK/ }).first();
    await option.click();
    await filtered.waitForFunction(() => new URL(location.href).searchParams.get('method') === 'MAK');
    await filtered.waitForFunction(() =>
      [...document.querySelectorAll('pagefind-results a[href^="/"]')].every((a) => /\/(mak|guides|decide)\//.test(a.getAttribute('href') ?? '')),
    );
    const { page: reopened } = await openPage(browser());
    await reopened.goto(filtered.url());
    await reopened.locator('pagefind-results a[href^="/"]').first().waitFor();
    const hrefs = await reopened.locator('pagefind-results a[href^="/factors/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/factors\/mak\//);
  });

  it('focuses the page\'s own search box on "/" when already on the search page, rather than opening the dialog', async () => {
    const { page: keys } = await openPage(browser());
    await keys.goto(`${baseUrl}/search/?q=laptops`);
    await keys.locator('pagefind-results a[href^="/"]').first().waitFor();
    await keys.locator('h1').click();
    await keys.keyboard.press('Control+k');
    expect(await keys.evaluate(() => document.activeElement?.closest('.search-page pagefind-input') !== null)).toBe(true);
    expect(await keys.locator('dialog[open]').count()).toBe(0);
  });

  it('says without JavaScript that search needs it, and links to the method and topic indexes', async () => {
    const { page: plain } = await openPage(browser(), { javaScriptEnabled: false });
    await plain.goto(`${baseUrl}/search/?q=laptops`);
    const notice = plain.locator('.notice', { hasText: 'needs JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([...METHOD_IDS.map((method) => `/${method}/`), '/tags/']);
  });
});

describe('the search dialog on an article page', () => {
  /** An article page that records the paths it requests. */
  async function articlePage() {
    const { page: reader, errors } = await openPage(browser());
    const requested: string[] = [];
    reader.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await reader.goto(`${baseUrl}/factors/kms/branch-offices/`);
    await reader.waitForLoadState('networkidle');
    return { reader, errors, requested };
  }

  it('loads no search code until search is opened, then opens with "/" and focuses the search box', async () => {
    const { reader, errors, requested } = await articlePage();
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    // Only the small script every page shares, inline: no script file at all.
    expect(requested.filter((path) => path.endsWith('.js') && path !== '/sw.js')).toEqual([]);
    expect(await reader.locator('script').count()).toBe(1);
    await reader.keyboard.press('/');
    await reader.locator('dialog.pf-modal[open]').waitFor();
    await reader.waitForFunction(() => document.activeElement?.closest('dialog[open] pagefind-input') !== null);
    expect(requested).toContain('/pagefind/pagefind-component-ui.js');
    expect(errors).toEqual([]);
  });

  it('types, moves through results with the arrow keys and opens one with the searched words highlighted', async () => {
    const { reader } = await articlePage();
    await reader.keyboard.press('Control+k');
    await reader.locator('dialog.pf-modal[open] pagefind-input input').waitFor();
    await reader.waitForFunction(() => document.activeElement?.closest('pagefind-input') !== null);
    await reader.keyboard.type('reinstall');
    await reader.locator('dialog[open] pagefind-results a[href^="/factors/"]').first().waitFor();
    await reader.keyboard.press('ArrowDown');
    const first = await reader.evaluate(() => document.activeElement?.closest('pagefind-results') !== null);
    expect(first).toBe(true);
    const href = await reader.evaluate(() => document.activeElement?.closest('a')?.getAttribute('href') ?? (document.activeElement?.querySelector('a')?.getAttribute('href') ?? ''));
    expect(href).toMatch(/^\//);
    await Promise.all([reader.waitForURL((url) => url.pathname !== '/factors/kms/branch-offices/'), reader.keyboard.press('Enter')]);
    const navigated = await reader.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name);
    expect(decodeURIComponent(navigated)).toContain(':~:text=reinstall');
    expect(await reader.locator('article').textContent()).toMatch(/reinstall/i);
  });

  it('opens from the header button, narrows results with a filter, closes with Escape and returns the focus', async () => {
    const { reader } = await articlePage();
    const button = reader.locator('header button.site-search');
    expect(await button.isVisible()).toBe(true);
    expect(await reader.locator('header a.site-search').isVisible()).toBe(false);
    await button.click();
    await reader.locator('dialog.pf-modal[open] pagefind-input input').waitFor();
    await reader.keyboard.type('activation');
    await reader.locator('dialog[open] pagefind-results a[href^="/"]').first().waitFor();
    await reader.locator('dialog[open] pagefind-filter-dropdown[filter="method"] button').first().click();
    await reader.locator('dialog[open] [role="option"]', { hasText: /^MAK/ }).first().click();
    await reader.waitForFunction(() => {
      const links = [...document.querySelectorAll('dialog[open] pagefind-results a[href^="/factors/"]')];
      return links.length > 0 && links.every((a) => a.getAttribute('href')!.startsWith('/factors/mak/'));
    });
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('Escape');
    await reader.locator('dialog.pf-modal[open]').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await reader.locator('dialog.pf-modal[open]').count()).toBe(0);
    expect(await reader.evaluate(() => document.activeElement?.matches('header button.site-search') ?? false)).toBe(true);
  });

  it('carries the query and filters over to the search page', async () => {
    const { reader } = await articlePage();
    await reader.keyboard.press('/');
    await reader.locator('dialog.pf-modal[open] pagefind-input input').waitFor();
    await reader.keyboard.type('activation');
    await reader.locator('dialog[open] pagefind-results a[href^="/"]').first().waitFor();
    await reader.locator('dialog[open] pagefind-filter-dropdown[filter="stance"] button').first().click();
    await reader.locator('dialog[open] [role="option"]', { hasText: /^Con/ }).first().click();
    await Promise.all([reader.waitForURL(/\/search\//), reader.locator('dialog[open] a[data-search-more]').click()]);
    const params = new URL(reader.url()).searchParams;
    expect([params.get('q'), params.getAll('stance')]).toEqual(['activation', ['Con']]);
    await reader.locator('.search-page pagefind-results a[href^="/"]').first().waitFor();
    expect(await reader.locator('.search-page pagefind-input input').inputValue()).toBe('activation');
  });

  it('falls back to a link to the search page without JavaScript', async () => {
    const { page: plain } = await openPage(browser(), { javaScriptEnabled: false });
    await plain.goto(`${baseUrl}/factors/kms/branch-offices/`);
    expect(await plain.locator('header button.site-search').isVisible()).toBe(false);
    const link = plain.locator('header a.site-search');
    expect(await link.getAttribute('href')).toBe('/search/');
    expect(await link.isVisible()).toBe(true);
  });
});
