import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/build';
import { FILTER_LABELS, SEARCH_FILTERS } from '../../src/lib/search';
import { METHOD_IDS, METHODS, STANCE_IDS, STANCES, TAG_IDS, TAGS } from '../../src/lib/taxonomy';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

// The portable edition of the build global-setup.ts made, as test/e2e/portable.test.ts makes it.
const BUILD = join(ROOT, 'test/.output/e2e/dist');
const OUT = join(ROOT, 'test/.output/e2e-portable-vocabulary');
const PORTABLE = join(OUT, 'portable');

beforeAll(() => {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/portable.ts', '--from', BUILD, '--out', PORTABLE, '--zip', join(OUT, 'edition.zip')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run portable failed:\n${result.stdout}\n${result.stderr}`);
});

/** Each filter a screen shows, as its name followed by its values, in the order shown. */
type Vocabulary = string[][];

/** The filter lists of the search page or the dialog: a legend per group, a checkbox per value. */
function listed(page: Page, scope: string): Promise<Vocabulary> {
  return page.locator(`${scope} [data-filter]`).evaluateAll((groups) =>
    groups.map((group) => [
      group.querySelector('legend')!.textContent!.trim(),
      ...[...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.value),
    ]),
  );
}

/** Whether the values of `shown` keep the order of the taxonomy (a screen lists only the values the index holds). */
function inTaxonomyOrder(shown: Vocabulary): void {
  const order: Record<string, string[]> = {
    [FILTER_LABELS.method]: METHOD_IDS.map((id) => METHODS[id].label),
    [FILTER_LABELS.stance]: STANCE_IDS.map((id) => STANCES[id].label),
    [FILTER_LABELS.tag]: TAG_IDS.map((id) => TAGS[id].label),
  };
  for (const [name, ...values] of shown) {
    const expected = order[name!];
    if (expected) expect(values, name).toEqual(expected.filter((value) => values.includes(value)));
  }
}

describe('one vocabulary for the filters of every search screen (1280 px)', () => {
  let searchPage: Vocabulary;

  it('names the filters of /search/ as the taxonomy does, in its order', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/search/`);
    await page.locator('.search-page [data-filter] input').first().waitFor();
    searchPage = await listed(page, '.search-page');
    expect(searchPage.map(([name]) => name)).toEqual(SEARCH_FILTERS.map((filter) => FILTER_LABELS[filter]));
    inTaxonomyOrder(searchPage);
    expect(searchPage.find(([name]) => name === FILTER_LABELS.method)!.slice(1)).toEqual(METHOD_IDS.map((id) => METHODS[id].label));
  });

  it('shows the dialog the same names and values, in the same order', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    await page.keyboard.press('/');
    await page.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await page.locator('dialog[open] [data-filter] input').first().waitFor();
    expect(await listed(page, 'dialog[open]')).toEqual(searchPage);
  });

  it('shows the portable edition the same names and values, in the same order', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(pathToFileURL(join(PORTABLE, 'search/index.html')).href);
    await page.locator('[data-search] select').first().waitFor();
    const portable = await page.locator('[data-search] select').evaluateAll((selects) =>
      selects.map((select) => [
        (select.closest('label')!.firstChild!.textContent ?? '').trim(),
        ...[...(select as HTMLSelectElement).options].filter((option) => option.value).map((option) => option.value),
      ]),
    );
    expect(portable).toEqual(searchPage);
  });
});
