import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BASE, baseSiteBuild } from '../helpers/base-build';
import { openPage, useBrowser } from '../helpers/browser';
import { PAGE_TYPES, openPageType } from '../helpers/page-types';
import { serveStatic } from '../helpers/serve';

// The real site built with BASE_PATH=/volume-activation-guide (the build test/build/base-path.test.ts checks) and
// served only under that path, as GitHub Pages serves a project site: a request outside it is a 404.
const browser = useBrowser();
let server: Server | undefined;
let origin = '';
/** The site's address: `http://127.0.0.1:<port>/volume-activation-guide`, which page paths (`/factors/…`) follow. */
let site = '';

beforeAll(async () => {
  const served = await serveStatic(baseSiteBuild(), { prefix: BASE, headers: true });
  server = served.server;
  origin = served.url;
  site = `${origin}${BASE.replace(/\/$/, '')}`;
});

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A fresh context that records every failed response (the page's, its workers' and its service worker's) and console error. */
async function watched(): Promise<{ context: BrowserContext; page: Page; failed: string[]; errors: string[] }> {
  const { page, errors } = await openPage(browser());
  const context = page.context();
  const failed: string[] = [];
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return { context, page, failed, errors };
}

describe(`the site served under ${BASE}`, () => {
  it.each(PAGE_TYPES)('$name ($path) loads with no 404 and no console error', async (type) => {
    const { context, page, failed, errors } = await watched();
    const response = await openPageType(page, site, type);
    if (type.name === '404') {
      // The host's 404 page, found under the base, styled and scripted from there: only the address itself is missing.
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(failed).toEqual([`404 ${BASE}factors/kms/not-a-page/`]);
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    } else {
      expect(response?.status()).toBe(200);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
    }
    await context.close();
  });

  it('walks the decision tree by clicking to a recommendation, whose URL and links stay under the base', async () => {
    const { context, page, failed, errors } = await watched();
    await page.goto(`${site}/decide/`);
    let outcome: string | undefined;
    for (let step = 0; step < 15 && !outcome; step++) {
      const node = page.locator('[data-node]:visible');
      const id = (await node.getAttribute('data-node'))!;
      if ((await node.getAttribute('class'))!.includes('outcome')) outcome = id;
      else await node.locator('.answer').first().click();
    }
    expect(outcome).toBeDefined();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${BASE}decide/`);
    expect(url.searchParams.get('path')).toBeTruthy();
    expect(await page.locator('[data-reopen]').first().textContent()).toMatch(new RegExp(`${BASE}decide/\\?path=`));
    // Reloading the address shows the same recommendation.
    await page.reload();
    await page.locator(`[data-node="${outcome}"].current`).waitFor();
    // Its own page, linked from it, is under the base too.
    await page.locator(`[data-node="${outcome}"] a[href$="/decide/outcomes/${outcome}/"]`).click();
    await page.waitForURL(`${site}/decide/outcomes/${outcome}/`);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches from the dialog and opens a result under the base', async () => {
    const { context, page, failed, errors } = await watched();
    await page.goto(`${site}/factors/kms/branch-offices/`);
    await page.keyboard.press('/');
    await page.locator('dialog[open] pagefind-input input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('kms');
    const result = page.locator(`dialog[open] pagefind-results a[href^="${BASE}"]`).first();
    await result.waitFor({ timeout: 15_000 });
    expect(await page.locator('dialog[open] pagefind-results a[href^="/"]:not([href^="' + BASE + '"])').count()).toBe(0);
    const href = (await result.getAttribute('href'))!;
    await result.click();
    await page.waitForURL((url) => url.pathname === href.split(/[?#]/)[0]);
    expect(new URL(page.url()).pathname.startsWith(BASE)).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the pages read readable offline, from a service worker scoped to the base', async () => {
    const { context, page, errors } = await watched();
    await page.goto(`${site}/factors/kms/branch-offices/`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${origin}${BASE}`);
    // Read once more now that the worker is in control, which keeps the page.
    await page.goto(`${site}/guides/kms/`);
    await context.setOffline(true);
    for (const path of ['/guides/kms/', '/factors/kms/branch-offices/']) {
      const response = await page.goto(`${site}${path}`);
      expect(response?.ok(), path).toBe(true);
      await expect(page.locator('h1').textContent(), path).resolves.toBeTruthy();
    }
    // The home page was never read: it says so, with the save control, instead of a page that is not there.
    expect((await page.goto(`${site}/`))?.status()).toBe(503);
    await expect(page.locator('h1').textContent()).resolves.toBe('Not saved for offline reading');
    expect(await page.locator('main [data-offline] button').isVisible()).toBe(true);
    expect(errors.filter((error) => !/status of 503/.test(error))).toEqual([]);
    await context.close();
  });
});
