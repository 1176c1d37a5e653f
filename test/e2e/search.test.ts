import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { SEARCH_RANKING } from '../../src/lib/search-ranking';
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
  ['small site below the threshold', '/factors/mak/only-choice-below-threshold/'],
  ['virtual machines', '/guides/cloud-and-virtual-desktops/'],
  ['virtual machines lab threshold', '/factors/kms/hard-to-test-threshold/'],
  ['phone activation', '/factors/mak/no-client-internet-needed/'],
  ['token', '/guides/token-based/'],
  ['isolated high-security', '/factors/token/isolated-high-security/'],
];

beforeAll(async () => {
  ({ page } = await openPage(browser()));
  await page.goto(`${baseUrl}/search/`);
});

/** The URLs of the results for `query` in the real index, ranked as the site ranks them, best first. */
async function search(query: string, count = 10): Promise<string[]> {
  // Written as a string so the test runner does not rewrite the browser's import().
  return (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.slice(0, ${count}).map((result) => result.data()));
    return data.map((item) => item.url);
  })()`)) as string[];
}

/** The titles and URLs of every result and sub-result for `query`, as the result list shows them. */
async function listed(query: string): Promise<{ title: string; url: string }[]> {
  return (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.flatMap((item) => [{ title: item.meta.title, url: item.url }, ...item.sub_results.filter((sub) => sub.url !== item.url).map((sub) => ({ title: sub.title, url: sub.url }))]);
  })()`)) as { title: string; url: string }[];
}

describe('search quality against the real index', () => {
  it.each(QUERIES)('"%s" finds %s in the top three', async (query, expected) => {
    expect(await search(query, 3)).toContain(expected);
  });

  it('ranks the KMS guide or the KMS page first for "kms", not an article that mentions KMS in passing', async () => {
    const [first] = await search('kms');
    expect(['/guides/kms/', '/kms/']).toContain(first);
  });

  it('lists only pages that explain the KMS threshold in the top three for "threshold"', async () => {
    const explain = [
      '/guides/kms/',
      '/guides/glossary/',
      '/guides/adba/',
      '/tags/activation-threshold/',
      '/factors/mak/only-choice-below-threshold/',
      '/factors/adba/no-host-no-threshold/',
      '/factors/kms/hard-to-test-threshold/',
    ];
    const top = await search('threshold', 3);
    for (const url of top) expect(explain, top.join(', ')).toContain(url);
  });

  it('ranks the ADBA guide or the ADBA page in the top two for "ADBA"', async () => {
    const top = await search('ADBA', 2);
    expect(top.some((url) => url === '/guides/adba/' || url === '/adba/'), top.join(', ')).toBe(true);
  });

  it('finds the articles about isolated networks for "air gapped", which none of them says', async () => {
    const isolated = ['/factors/token/isolated-high-security/', '/factors/mak/no-client-internet-needed/', '/factors/kms/clients-need-no-internet/'];
    // Found by their aliases alone, they rank alike (ALIASES_FIELD): all of them, not the first few, are looked at.
    const found = await search('air gapped', 20);
    for (const url of isolated) expect(found, found.join(', ')).toContain(url);
  });

  it('indexes the method pages, the comparison and the topic pages', async () => {
    expect(await search('Multiple Activation Key', 5)).toContain('/mak/');
    expect(await search('compare the methods', 3)).toContain('/compare/');
    expect(await search('SRV records dynamic update', 5)).toContain('/tags/dns/');
  });

  it.each(['kms', 'ADBA', 'DNS', 'renewal'])('lists no result twice for "%s", and no "Applies to" section', async (query) => {
    const entries = await listed(query);
    expect(entries.length).toBeGreaterThan(0);
    const urls = entries.map((entry) => entry.url.replace(/#.*-title$/, ''));
    expect(urls.filter((url, index) => urls.indexOf(url) !== index)).toEqual([]);
    expect(entries.map((entry) => entry.title)).not.toContain('Applies to');
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

  it('opens a section result at its section, with the searched words marked in the article only', async () => {
    const { page: opener, errors } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await opener.goto(`${baseUrl}/search/?q=kms`);
    const link = opener.locator('pagefind-results a[href*="/factors/"][href*="#what-it-means-in-practice"]').first();
    await link.waitFor();
    await link.click();
    await opener.waitForURL(/#what-it-means-in-practice$/);
    await opener.locator('mark.search-highlight').first().waitFor();
    const landed = await opener.evaluate(() => ({
      search: location.search,
      scrollY: scrollY,
      sectionTop: document.getElementById('what-it-means-in-practice')!.getBoundingClientRect().top,
      marksOutside: [...document.querySelectorAll('mark')].filter((mark) => !mark.closest('[data-pagefind-body]')).length,
      headerMarks: document.querySelectorAll('header mark, nav mark').length,
    }));
    expect(landed.search).toBe('?highlight=kms');
    expect(landed.scrollY).toBeGreaterThan(0);
    expect(Math.abs(landed.sectionTop)).toBeLessThan(120);
    expect([landed.marksOutside, landed.headerMarks]).toEqual([0, 0]);
    expect(errors).toEqual([]);
  });

  it('marks nothing and moves nowhere when the words are not on the page', async () => {
    const { page: plain, errors } = await openPage(browser());
    await plain.goto(`${baseUrl}/factors/kms/branch-offices/?highlight=zebracorn`);
    await plain.waitForLoadState('networkidle');
    expect(await plain.evaluate(() => [document.querySelectorAll('mark').length, scrollY])).toEqual([0, 0]);
    expect(errors).toEqual([]);
  });

  it('narrows results with a filter and keeps the filter in the URL', async () => {
    const { page: filtered } = await openPage(browser());
    await filtered.goto(`${baseUrl}/search/?q=activation`);
    await filtered.locator('pagefind-results a[href^="/"]').first().waitFor();
    await filtered.locator('.search-page [data-search-filters]').getByRole('checkbox', { name: /^MAK\b/ }).check();
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

  it('accepts filter values in the URL in any case', async () => {
    const { page: lower } = await openPage(browser());
    await lower.goto(`${baseUrl}/search/?q=kms&method=mak&stance=CON`);
    await lower.locator('pagefind-results a[href^="/"]').first().waitFor();
    const hrefs = await lower.locator('pagefind-results a[href^="/factors/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/factors\/mak\//);
    expect(await lower.locator('pagefind-summary').textContent()).not.toMatch(/no results/i);
  });

  it('shows the first result before the filters on a phone, the filters folded behind one control', async () => {
    const { page: phone } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await phone.goto(`${baseUrl}/search/?q=activation`);
    const first = phone.locator('pagefind-results a[href^="/"]').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box!.y).toBeLessThan(800);
    expect(await phone.locator('[data-search-filters] input[type="checkbox"]').first().isVisible()).toBe(false);
    await phone.locator('summary', { hasText: 'Filters' }).click();
    await phone.locator('[data-search-filters]').getByRole('checkbox', { name: /^MAK\b/ }).waitFor({ state: 'visible' });
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
    // Only the small script every page shares (one module, cached for every page), and no other.
    const scripts = requested.filter((path) => path.endsWith('.js') && path !== '/sw.js');
    expect(scripts.length).toBeLessThanOrEqual(1);
    for (const path of scripts) expect(path).toMatch(/^\/_astro\/[^/]+\.js$/);
    await reader.keyboard.press('/');
    await reader.locator('dialog.pf-modal[open]').waitFor();
    await reader.waitForFunction(() => document.activeElement?.closest('dialog[open] pagefind-input') !== null);
    expect(requested).toContain('/pagefind/pagefind-component-ui.js');
    expect(errors).toEqual([]);
  });

  it('types, moves through results with the arrow keys and opens one with the searched words marked', async () => {
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
    expect(new URL(reader.url()).searchParams.get('highlight')).toBe('reinstall');
    await expect(reader.locator('article mark.search-highlight').first().textContent()).resolves.toMatch(/reinstall/i);
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
    await reader.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await reader.locator('dialog[open]').getByRole('checkbox', { name: /^MAK\b/ }).check();
    // Folded again, the filter lists leave the dialog to the results.
    await reader.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await reader.waitForFunction(() => {
      const links = [...document.querySelectorAll('dialog[open] pagefind-results a[href^="/factors/"]')];
      return links.length > 0 && links.every((a) => a.getAttribute('href')!.startsWith('/factors/mak/'));
    });
    // The words, then the dialog (search-dialog.test.ts follows each step).
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
    await reader.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await reader.locator('dialog[open]').getByRole('checkbox', { name: /^Con\b/ }).check();
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
