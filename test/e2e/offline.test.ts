import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('offline', () => {
  it('keeps pages, the search dialog and the search page working with the network gone after one visit to any page', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    // The first visit is an article page: the script every page shares registers the service worker,
    // which precaches the build on install and then takes control of the page.
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const response = await page.goto(`${baseUrl}/guides/troubleshooting/`);
    expect(response?.ok()).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/troubleshoot/i);

    // Search had never been opened: its code and index come from the precache.
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
