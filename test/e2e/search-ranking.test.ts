import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { SEARCH_RANKING } from '../../src/lib/search-ranking';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
let page: Page;

/**
 * What administrators type (an error code, a command, a count question) and the result that must come first on
 * /search/, as the reader sees it: the first result's page and, where given, one of the sections listed under it.
 * Chosen from the content, not read back from the search code: the troubleshooting entry for an error code, the
 * command reference for a command, the guide section that answers a question.
 */
const FIRST: [query: string, page: string, section?: string][] = [
  ['0xC004F074', '/guides/troubleshooting/', '0xc004f074'],
  ['0xc004f074', '/guides/troubleshooting/', '0xc004f074'],
  ['0x8007232B', '/guides/troubleshooting/', '0x8007232b'],
  ['0xC004C020', '/guides/troubleshooting/', '0xc004c020'],
  ['0xC004C008', '/guides/troubleshooting/', '0xc004c008'],
  ['0xC004F038', '/guides/troubleshooting/', '0xc004f038'],
  ['0xC004F06C', '/guides/troubleshooting/', '0xc004f06c'],
  ['0xC004F011', '/guides/token-based/', 'event-12321-and-0xc004f011-usually-noise'],
  ['slmgr dlv', '/guides/command-reference/', 'slmgr-status'],
  ['slmgr /dlv', '/guides/command-reference/', 'slmgr-status'],
  ['slmgr /dli', '/guides/command-reference/', 'slmgr-status'],
  ['slmgr /xpr', '/guides/command-reference/', 'slmgr-status'],
  ['slmgr /ipk', '/guides/command-reference/', 'slmgr-keys'],
  ['slmgr ato', '/guides/command-reference/'],
  ['rearm', '/guides/command-reference/', 'slmgr-activation'],
  ['slui', '/guides/command-reference/', 'slui-the-activation-window-and-error-text'],
  ['slui 0x2a', '/guides/command-reference/', 'slui-the-activation-window-and-error-text'],
  ['slmgr /skms', '/guides/command-reference/', 'slmgr-kms-client'],
  ['ospp.vbs dstatus', '/guides/command-reference/', 'office-osppvbs'],
  ['event 12290', '/guides/command-reference/', 'event-ids'],
  ['event 12321', '/guides/token-based/', 'event-12321-and-0xc004f011-usually-noise'],
  ['office kms count', '/guides/glossary/', 'kms-count'],
  ['kms count', '/guides/glossary/', 'kms-count'],
  ['activation count', '/guides/mak/', 'activation-counts'],
  ['phone activation', '/guides/mak/', 'phone-activation-step-by-step'],
  ['proxy activation', '/guides/mak/', 'proxy-activation-with-vamt'],
  ['office adba', '/guides/adba/', 'office-with-adba'],
  ['AVMA', '/guides/avma/'],
  ['pay-as-you-go', '/payg/'],
  ['PAYG', '/payg/'],
  ['ospprearm', '/guides/non-persistent-vdi/', 'office-in-the-image-run-ospprearm-before-capture'],
];

beforeAll(async () => {
  ({ page } = await openPage(browser(), { viewport: { width: 1280, height: 900 } }));
  await page.goto(`${baseUrl}/search/`);
  await page.locator('.search-page.ready pagefind-input input').waitFor();
});

/** Type `query` into the search page and read the first result as shown: its page and the sections listed under it. */
async function firstResult(query: string): Promise<{ page: string; sections: string[] }> {
  await page.locator('pagefind-input input').fill(query);
  await page.waitForFunction((query) => (document.querySelector('pagefind-summary')?.textContent ?? '').includes(query), query);
  const first = page.locator('pagefind-results .pf-result').first();
  await first.locator('.pf-result-link').waitFor();
  const path = (href: string | null) => new URL(href ?? '', baseUrl).pathname;
  return {
    page: path(await first.locator('.pf-result-link').getAttribute('href')),
    sections: (await first.locator('.pf-heading-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))).map(
      (href) => new URL(href, 'http://x').hash.slice(1),
    ),
  };
}

describe('what an administrator types comes first, not a recommendation that mentions it', () => {
  it.each(FIRST)('"%s" opens %s first', async (query, expected, section) => {
    const shown = await firstResult(query);
    expect(shown.page).toBe(expected);
    if (section) expect(shown.sections).toContain(section);
  });

  it('lists no recommendation in the first three for a command or an error code it only mentions', async () => {
    for (const query of ['0xC004F074', 'slmgr /dlv', 'ospprearm', 'slmgr /ipk']) {
      await firstResult(query);
      const top = await page
        .locator('pagefind-results .pf-result-link')
        .evaluateAll((links) => links.slice(0, 3).map((link) => new URL(link.getAttribute('href') ?? '', location.href).pathname));
      expect(top.filter((url) => url.startsWith('/decide/outcomes/')), `${query}: ${top.join(', ')}`).toEqual([]);
    }
  });

  it('indexes a recommendation by its title and rationale, not by the notes and next steps of every path', async () => {
    // Written as a string so the test runner does not rewrite the browser's import().
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
      const found = {};
      for (const words of ['if you answered', 'sources behind this recommendation', 'ESU MAK']) {
        const search = await pagefind.search(words);
        found[words] = (await Promise.all(search.results.map((result) => result.data()))).map((data) => data.url);
      }
      return found;
    })()`)) as Record<string, string[]>;
    for (const [words, found] of Object.entries(urls)) expect(found.filter((url) => url.startsWith('/decide/outcomes/')), words).toEqual([]);
  });

  it('indexes a scenario by its own story, not by the recommendation’s text and notes it repeats', async () => {
    // A note of the recommendations for volume-licensed Office, which a dozen scenarios reach: only the scenario
    // whose own story is about the end of support (Windows 10 and its Extended Security Updates) is found by it.
    const scenarios = (await found('no more security updates')).filter((url) => url.startsWith('/scenarios/'));
    expect(scenarios).toEqual(['/scenarios/windows-10-esu-domain/']);
    expect((await found('air-gapped lab 40 machines'))[0]).toBe('/scenarios/air-gapped-lab/');
  });

  it('still finds a recommendation by its title and rationale', async () => {
    const shown = await firstResult('Azure public IP forced tunnelling');
    expect(shown.page).toMatch(/^\/(decide\/outcomes|scenarios|guides|factors)\//);
    await firstResult('MAK with VAMT proxy activation');
    const top = await page.locator('pagefind-results .pf-result-link').evaluateAll((links) => links.slice(0, 5).map((link) => new URL(link.getAttribute('href') ?? '', location.href).pathname));
    expect(top).toContain('/decide/outcomes/mak-proxy-vamt/');
  });
});

/** What the index returns for `words`, ranked as the site ranks them: each page's URL and the excerpts shown for it. */
async function excerpts(words: string): Promise<{ url: string; excerpts: string[] }[]> {
  // Written as a string so the test runner does not rewrite the browser's import().
  return (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
    const search = await pagefind.search(${JSON.stringify(words)});
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.map((item) => ({ url: item.url, excerpts: [item.excerpt, ...item.sub_results.map((sub) => sub.excerpt)] }));
  })()`)) as { url: string; excerpts: string[] }[];
}

/** The URLs of the pages the index finds for `words`. */
async function found(words: string): Promise<string[]> {
  return (await excerpts(words)).map((result) => result.url);
}

describe('an excerpt shows the page’s own text, not the words it is also found by', () => {
  it('finds the pages about isolated networks for "airgapped", which no article writes, and shows their text', async () => {
    const results = await excerpts('airgapped');
    expect(results.map((result) => result.url)).toContain('/tags/isolated-networks/');
    for (const result of results) expect(result.excerpts.join(' '), result.url).not.toMatch(/airgapped/i);
  });

  it('shows no list of abbreviations under the pages found for a long form', async () => {
    const results = await excerpts('Key Management Service');
    expect(results.slice(0, 2).map((result) => result.url).sort()).toEqual(['/guides/kms/', '/kms/']);
    for (const result of results) expect(result.excerpts.join(' '), result.url).not.toContain('Key Management Service · ');
  });
});
