import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** A fresh context whose first page view is an article: the shared script registers the service worker. */
async function firstVisit(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  return { context, page };
}

/** The paths in the site's cache. */
function cached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('vag-'));
    const cache = await caches.open(names[0]!);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

describe('offline', () => {
  it('on the first visit caches the shell, the tree and search, and the page read, not the whole site', async () => {
    const { context, page } = await firstVisit();
    const paths = await cached(page);
    expect(paths).toEqual(expect.arrayContaining(['/', '/decide/', '/search/', '/pagefind/pagefind.js', '/pagefind/pagefind-component-ui.js']));
    expect(paths.some((path) => path.startsWith('/_astro/'))).toBe(true);
    expect(paths).not.toContain('/guides/troubleshooting/');
    expect(paths.filter((path) => path.endsWith('.pf_fragment'))).toEqual([]);
    // The page being read is kept as it is read (after the worker took control: read it once more).
    await page.goto(`${baseUrl}/guides/kms/`);
    await context.setOffline(true);
    for (const path of ['/guides/kms/', '/decide/']) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.ok(), path).toBe(true);
    }
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
    await control.locator('button').click();
    await page.waitForFunction(() => document.querySelector('[data-offline-status]')?.textContent?.startsWith('Saved'), undefined, { timeout: 60_000 });
    expect(messages.some((text) => /Saving for offline use: \d+ of \d+/.test(text))).toBe(true);
    expect(await control.locator('button').isVisible()).toBe(false);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const response = await page.goto(`${baseUrl}/guides/troubleshooting/`);
    expect(response?.ok()).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/troubleshoot/i);
    // Saved already: the control says so on the next page, without a button.
    await page.waitForFunction(() => document.querySelector('[data-offline-status]')?.textContent?.startsWith('Saved'));

    // Search had never been opened: its code and index come from the cache.
    await page.keyboard.press('/');
    await page.locator('dialog.pf-modal[open] pagefind-input input').waitFor({ timeout: 15_000 });
    await page.keyboard.type('laptops');
    await page.locator('dialog[open] pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });

    await page.goto(`${baseUrl}/search/?q=laptops`);
    await page.locator('pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('pagefind-results a[href^="/"]').count()).toBeGreaterThan(1);
    await context.close();
  });
});
