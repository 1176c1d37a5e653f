import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/build';

// The portable edition of the build global-setup.ts made, opened from disk (file://) as an administrator on an
// isolated network would: no server, and any request that is not for a file of the copy counts as a failure.
const BUILD = join(ROOT, 'test/.output/e2e/dist');
const OUT = join(ROOT, 'test/.output/e2e-portable');
const PORTABLE = join(OUT, 'portable');
const home = pathToFileURL(join(PORTABLE, 'index.html')).href;
const fileUrl = (file: string) => pathToFileURL(join(PORTABLE, file)).href;

const browser = useBrowser();

beforeAll(() => {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/portable.ts', '--from', BUILD, '--out', PORTABLE, '--zip', join(OUT, 'edition.zip')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run portable failed:\n${result.stdout}\n${result.stderr}`);
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught errors, CSP violations and every request that is not for a file. */
  problems: string[];
}

async function watched(): Promise<Watched> {
  const context = await browser().newContext();
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort();
  });
  context.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
  });
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => problems.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`), true);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // A missing file fails with ERR_FILE_NOT_FOUND; ERR_ABORTED is a load (the favicon) cut short by the next navigation.
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} ${error}`);
  });
  return { context, page, problems };
}

describe('the portable edition opened from disk', () => {
  it('says on its first page which build it is and where the live site is', async () => {
    const { context, page, problems } = await watched();
    await page.goto(home);
    const note = page.locator('main .portable-edition');
    await expect(note.textContent()).resolves.toMatch(/built on \d{4}-\d{2}-\d{2} from commit \S+/);
    expect(await note.locator('a[data-needs-internet]').getAttribute('href')).toMatch(/^https:\/\//);
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('goes from home to a pro or con and back, following relative links to files', async () => {
    const { context, page, problems } = await watched();
    await page.goto(home);
    // The KMS page, through whichever link to it the layout shows (the menu, the sidebar or the page).
    await page.locator('a[href="kms/index.html"]:visible').first().click();
    expect(page.url()).toBe(fileUrl('kms/index.html'));
    const factor = page.locator('main a[href*="factors/kms/"]').first();
    const title = (await factor.textContent())?.trim() ?? '';
    await factor.click();
    expect(page.url()).toMatch(/\/factors\/kms\/[^/]+\/index\.html$/);
    await expect(page.locator('h1').textContent()).resolves.toContain(title.slice(0, 20));
    // External sources stay absolute and say they need the internet.
    const source = page.locator('a[href^="https://"]').first();
    expect(await source.getAttribute('data-needs-internet')).not.toBeNull();
    await page.goBack();
    expect(page.url()).toBe(fileUrl('kms/index.html'));
    await page.locator('.brand').click();
    expect(page.url()).toBe(home);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('walks the decision tree to an outcome by clicking, keeps the path in the URL, and reopens it on reload', async () => {
    const { context, page, problems } = await watched();
    await page.goto(fileUrl('decide/index.html'));
    await page.locator('[data-decide].js').waitFor();
    let outcome = '';
    for (let step = 0; step < 15 && !outcome; step++) {
      const current = page.locator('[data-node].current');
      if ((await current.getAttribute('class'))?.includes('outcome')) outcome = (await current.getAttribute('data-node')) ?? '';
      else await current.locator('button.answer').first().click();
    }
    expect(outcome).not.toBe('');
    const url = page.url();
    expect(url.startsWith(`${fileUrl('decide/index.html')}?path=`)).toBe(true);
    expect(url.endsWith(`#${outcome}`)).toBe(true);
    const answers = await page.locator('[data-trail-list] li').count();
    expect(answers).toBeGreaterThan(1);
    // The decision report: its print button works here too, and its link reopens the path on the live site.
    const current = page.locator(`[data-node="${outcome}"]`);
    await expect(current.locator('button[data-print]').isVisible()).resolves.toBe(true);
    const reopen = (await current.locator('[data-reopen]').textContent()) ?? '';
    expect(reopen).toMatch(/^https:\/\/[^/]+\/decide\/\?path=/);
    expect(reopen.endsWith(`${new URL(url).search}#${outcome}`)).toBe(true);
    // On paper (and in a saved PDF) the articles it relies on are named by their live addresses, then back to files.
    const card = current.locator('.card-title a').first();
    const inCopy = (await card.getAttribute('href')) ?? '';
    expect(inCopy).toMatch(/^\.\.\/factors\/.+\/index\.html$/);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await card.getAttribute('href')).toBe(`${reopen.slice(0, reopen.indexOf('/decide/'))}/${inCopy.slice(3, -'index.html'.length)}`);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await card.getAttribute('href')).toBe(inCopy);

    await page.reload();
    await page.locator('[data-decide].js').waitFor();
    expect(await page.locator('[data-node].current').getAttribute('data-node')).toBe(outcome);
    expect(await page.locator('[data-trail-list] li').count()).toBe(answers);
    // Back in history steps back one answer.
    await page.goBack();
    expect(await page.locator('[data-node].current').getAttribute('data-node')).not.toBe(outcome);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('walks the decision tree without JavaScript too, through its links to the same file', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fileUrl('decide/index.html'));
    const visible = () => page.locator('[data-decide] .node:visible').evaluateAll((nodes) => nodes.map((node) => node.id));
    const [start] = await visible();
    expect(start).toBeTruthy();
    await page.locator(`#${start} a.answer`).first().click();
    expect(page.url().startsWith(`${fileUrl('decide/index.html')}?path=`)).toBe(true);
    const [next] = await visible();
    expect(next).toBe(new URL(page.url()).hash.slice(1));
    expect(next).not.toBe(start);
    await context.close();
  });

  it.each(['1688', 'VAMT', 'air gapped'])('searches for "%s" and opens a result', async (term) => {
    const { context, page, problems } = await watched();
    await page.goto(home);
    await page.locator('a[data-search-link]').click();
    expect(page.url()).toBe(fileUrl('search/index.html'));
    await page.locator('[data-search] input[type="search"]').fill(term);
    const results = page.locator('.portable-search-results > li > h2 > a');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    // The search is in the URL, to reload or share.
    expect(new URL(page.url()).searchParams.get('q')).toBe(term);
    const href = (await results.first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\.\.\/.+\/index\.html#/);
    const title = (await results.first().textContent())?.trim() ?? '';
    await results.first().click();
    expect(page.url().startsWith('file:')).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toContain(title.slice(0, 20));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters search by method, and a filtered search reopens from its URL', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${fileUrl('search/index.html')}?q=laptops`);
    const results = page.locator('.portable-search-results > li');
    await results.first().waitFor();
    const all = await results.count();
    await page.locator('[data-search] select[name="method"]').selectOption('MAK');
    const filtered = await results.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('method')).toBe('MAK');
    await page.reload();
    await results.first().waitFor();
    expect(await results.count()).toBe(filtered);
    expect(await page.locator('[data-search] select[name="method"]').inputValue()).toBe('MAK');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a page by the long form of an abbreviation it uses, and the other way round', async () => {
    const { context, page, problems } = await watched();
    const count = async (term: string) => {
      await page.goto(`${fileUrl('search/index.html')}?q=${encodeURIComponent(term)}`);
      const results = page.locator('.portable-search-results > li > h2 > a');
      await page.locator('.portable-search-status').filter({ hasText: /result/ }).waitFor();
      // The page each result opens, without the highlight of the searched words.
      return [...new Set(await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')?.split('#')[0])))];
    };
    const short = await count('VAMT');
    const long = await count('Volume Activation Management Tool');
    expect(short.length).toBeGreaterThan(0);
    // The lists are capped (the long form's common words match more pages), so the best results for the abbreviation
    // must all be found by the long form.
    expect(short.slice(0, 10).filter((href) => long.includes(href))).toEqual(short.slice(0, 10));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens five pages and searches with no request leaving the machine', async () => {
    const { context, page, problems } = await watched();
    for (const file of ['index.html', 'factors/kms/branch-offices/index.html', 'guides/glossary/index.html', 'compare/index.html', 'decide/map/index.html']) {
      await page.goto(fileUrl(file));
      await page.waitForLoadState('load');
    }
    await page.goto(`${fileUrl('search/index.html')}?q=KMS`);
    await page.locator('.portable-search-results > li').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  // What the portable edition adds (the edition note, the search form and its results) meets WCAG 2.2 AA as the site does.
  const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  it.each(['light', 'dark'] as const)('passes axe (WCAG 2.2 AA) on the first page, search results and a tree outcome, %s scheme', async (colorScheme) => {
    const context = await browser().newContext({ colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    for (const url of [home, `${fileUrl('search/index.html')}?q=laptops&method=MAK`, `${fileUrl('decide/index.html')}?path=windows/own-hardware/volume/main-site/domain-all-modern/back-within-180-days#adba`]) {
      await page.goto(url);
      await page.evaluate(AXE_SOURCE);
      const results = (await page.evaluate(() =>
        (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          resultTypes: ['violations'],
        }),
      )) as AxeResults;
      for (const violation of results.violations) for (const node of violation.nodes) found.push(`${url.split('/portable/')[1]}: ${violation.id} ${node.target.join(' ')}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
