import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('keeps pages and search working with the network gone after one visit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/`);
    // The service worker precaches the build on install, then takes control of the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const response = await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    expect(response?.ok()).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toBe('KMS is hard to run across decentralised branch offices');

    await page.goto(`${baseUrl}/search/?q=laptops`);
    await page.locator('pagefind-results a[href^="/"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('pagefind-results a[href^="/"]').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('registers no service worker from an article page, which carries no script', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await context.close();
  });
});
