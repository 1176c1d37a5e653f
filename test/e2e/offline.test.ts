import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/build';
import { serveStatic } from '../helpers/serve';

/** The build global-setup.ts made. */
const OUT_DIR = join(ROOT, 'test/.output/e2e/dist');
const ARTICLE = '/factors/kms/branch-offices/';

const browser = useBrowser();
const servers: Server[] = [];
/** The build served with `Vary: Origin`, as some hosts send it, recording every path asked for. */
let site = '';
const requested: string[] = [];

/** Serve `root` with `Vary: Origin` on every response; the URL of the site. */
async function serve(root: string, onRequest?: (path: string) => void): Promise<string> {
  const { url, server } = await serveStatic(root, { vary: 'Origin', onRequest });
  servers.push(server);
  return url;
}

beforeAll(async () => {
  site = await serve(OUT_DIR, (path) => requested.push(path));
});

afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))));

/** A fresh browser's first page view: the shared script registers the service worker, which then controls the page. */
async function firstVisit(origin = site, path = ARTICLE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext();
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  return { context, page };
}

/** The paths (with their query) in the site's caches. */
function cached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of (await caches.keys()).filter((candidate) => candidate.startsWith('vag-'))) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return paths.sort();
  });
}

/** Whether the shared script ran on the page: it shows the search button, which is hidden without it. */
function sharedScriptRan(page: Page): Promise<boolean> {
  return page.locator('[data-search-open]').isVisible();
}

/** Click "Save for offline use" and wait until it says how it ended. */
async function save(page: Page): Promise<string> {
  await page.locator('[data-offline] button').click();
  await page.waitForFunction(() => /^Saved|could not be saved/.test(document.querySelector('[data-offline-status]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  return (await page.locator('[data-offline-status]').textContent()) ?? '';
}

describe('offline, served with Vary: Origin', () => {
  it('downloads only the page on the first visit (no search index, no /decide/), and keeps every page read for offline reading', async () => {
    requested.length = 0;
    const { context, page } = await firstVisit();
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    // The worker has installed: what it fetched is in `requested` too.
    const extra = [...new Set(requested)].filter((path) => ![ARTICLE, '/sw.js', '/favicon.svg', ...loaded].includes(path));
    expect(extra).toEqual([]);
    expect(requested.filter((path) => path.startsWith('/pagefind/') || path.startsWith('/decide/'))).toEqual([]);
    const kept = await cached(page);
    expect(kept).toContain(ARTICLE);
    expect(kept.filter((path) => !path.startsWith('/_astro/') && path !== '/favicon.svg')).toEqual([ARTICLE]);

    /** Offline, each page reads, with its script: found in the cache although the host varies it by Origin. */
    const readOffline = async (paths: string[]) => {
      await context.setOffline(true);
      for (const path of paths) {
        const response = await page.goto(`${site}${path}`);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator('h1').textContent(), path).resolves.toBeTruthy();
        expect(await sharedScriptRan(page), path).toBe(true);
      }
      await context.setOffline(false);
    };
    await readOffline([ARTICLE]);
    // A page read once the worker is in control is kept too.
    await page.goto(`${site}/guides/kms/`);
    await readOffline([ARTICLE, '/guides/kms/']);
    await context.close();
  });

  it('says a page read offline was not saved (503, with the save control), and an address the site lacks is a 404', async () => {
    const { context, page } = await firstVisit();
    await context.setOffline(true);
    for (const path of ['/guides/troubleshooting/', '/decide/']) {
      const response = await page.goto(`${site}${path}`);
      expect(response?.status(), path).toBe(503);
      expect(await page.locator('h1').textContent(), path).toBe('Not saved for offline reading');
      expect(await page.title(), path).toMatch(/^Not saved for offline reading · /);
    }
    // The control is under the notice, and works: offline it can only say that nothing could be saved.
    const control = page.locator('main [data-offline]');
    expect(await control.locator('button').isVisible()).toBe(true);
    expect(await page.locator('.site-footer [data-offline]').count()).toBe(0);
    expect(await save(page)).toMatch(/^\d+ of \d+ files could not be saved/);

    const missing = await page.goto(`${site}/factors/kms/not-a-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');

    // Back online, the same control saves the site, and the page reads offline.
    await page.goto(`${site}/guides/troubleshooting/`);
    await context.setOffline(false);
    expect(await save(page)).toMatch(/^Saved/);
    await context.setOffline(true);
    const saved = await page.goto(`${site}/guides/troubleshooting/`);
    expect(saved?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/troubleshoot/i);
    await context.close();
  });

  it('saves the rest with "Save for offline use", showing progress, then pages, the search dialog and the search page work offline', async () => {
    const { context, page } = await firstVisit();
    const control = page.locator('.site-footer [data-offline]');
    expect(await control.isVisible()).toBe(true);
    const messages: string[] = [];
    await page.exposeFunction('record', (text: string) => messages.push(text));
    await page.evaluate(() => {
      const status = document.querySelector('[data-offline-status]')!;
      new MutationObserver(() => (window as unknown as { record(text: string): void }).record(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    expect(await save(page)).toMatch(/^Saved/);
    expect(messages.some((text) => /Saving for offline use: \d+ of \d+/.test(text))).toBe(true);
    expect(await control.locator('button').isVisible()).toBe(false);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const response = await page.goto(`${site}/guides/troubleshooting/`);
    expect(response?.ok()).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/troubleshoot/i);
    // Saved already: the control says so on the next page, without a button.
    await page.waitForFunction(() => document.querySelector('[data-offline-status]')?.textContent?.startsWith('Saved'));

    // Search had never been opened: its code and index come from the cache, whatever the host's Vary says.
    await page.keyboard.press('/');
    await page.locator('dialog.pf-modal[open] pagefind-input input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('laptops');
    await page.locator('dialog[open] pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });

    await page.goto(`${site}/search/?q=laptops`);
    await page.locator('pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });
    await page.locator('pagefind-results a[href^="/"]').nth(1).waitFor({ timeout: 15_000 });
    expect(await page.locator('pagefind-results a[href^="/"]').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('keeps what the reader had when a new build comes: the pages read, and the whole site once saved', async () => {
    // A copy of the build, whose service worker becomes that of a "new build" by taking another cache name.
    const copy = mkdtempSync(join(tmpdir(), 'vag-offline-'));
    try {
      cpSync(OUT_DIR, copy, { recursive: true });
      const origin = await serve(copy);
      const worker = join(copy, 'sw.js');
      const nextBuild = (suffix: string) => writeFileSync(worker, readFileSync(worker, 'utf8').replace(/"vag-([^"]+)"/, `"vag-$1${suffix}"`));
      /** Have the browser find the new worker, and wait until it has replaced the old cache. */
      const update = async (page: Page, suffix: string) => {
        nextBuild(suffix);
        await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.update()));
        await page.waitForFunction(async (ending) => (await caches.keys()).every((name) => name.endsWith(ending)), suffix, { timeout: 60_000 });
      };

      const { context, page } = await firstVisit(origin);
      await page.goto(`${origin}/guides/kms/`);
      await update(page, '-2');
      await context.setOffline(true);
      for (const path of [ARTICLE, '/guides/kms/']) expect((await page.goto(`${origin}${path}`))?.status(), path).toBe(200);
      expect((await page.goto(`${origin}/guides/troubleshooting/`))?.status()).toBe(503);

      await context.setOffline(false);
      await page.goto(`${origin}${ARTICLE}`);
      expect(await save(page)).toMatch(/^Saved/);
      await update(page, '-3');
      await context.setOffline(true);
      const response = await page.goto(`${origin}/guides/troubleshooting/`);
      expect(response?.status()).toBe(200);
      await page.goto(`${origin}/search/?q=laptops`);
      await page.locator('pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });
      await context.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
