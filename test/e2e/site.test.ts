import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('the site in Chromium', () => {
  it('loads the home page with no console errors', async () => {
    const { page, errors } = await openPage(browser());
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/KMS or MAK/);
    expect(await page.locator('main a[href^="/factors/"]').count()).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('reaches a factor page from the home page with the keyboard alone', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    // The first Tab stop is the skip link; following it moves focus into the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Enter');
    let href = '';
    for (let presses = 0; presses < 40 && !href.startsWith('/factors/'); presses++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      const visible = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element ? getComputedStyle(element).outlineStyle !== 'none' : false;
      });
      expect(visible, `focus indicator on ${href}`).toBe(true);
    }
    expect(href).toMatch(/^\/factors\/[a-z]+\/[a-z0-9-]+\/$/);
    await Promise.all([page.waitForURL(`${baseUrl}${href}`), page.keyboard.press('Enter')]);
    await expect(page.locator('article h1').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('applies the dark colour scheme when the reader prefers it', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { page } = await openPage(browser(), { colorScheme });
      await page.goto(`${baseUrl}/factors/kms/no-client-configuration/`);
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(luminance(await background('dark'))).toBeLessThan(60);
    expect(luminance(await background('light'))).toBeGreaterThan(200);
  });

  it('serves the 404 page for an unknown address', async () => {
    const { page } = await openPage(browser());
    const response = await page.goto(`${baseUrl}/factors/kms/not-a-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 320, height: 640 } });
    // The guides with the widest tables: three columns (kms), long commands and registry paths (command-reference),
    // comparisons with long cells (avma, token-based, cloud-and-virtual-desktops), each table scrolling on its own.
    const guides = ['troubleshooting', 'kms', 'command-reference', 'avma', 'token-based', 'cloud-and-virtual-desktops'].map((guide) => `/guides/${guide}/`);
    for (const path of ['/', '/factors/mak/limited-activations/', ...guides]) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
