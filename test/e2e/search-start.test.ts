import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('/search/ before anything is typed', () => {
  it.each([
    ['1280 px', { viewport: { width: 1280, height: 800 } }],
    ['375 px', { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true }],
  ])('offers a few searches and the popular topics on screen (%s)', async (_width, options) => {
    const { page, errors } = await openPage(browser(), options);
    await page.goto(`${baseUrl}/search/`);
    await page.locator('.search-page.ready').waitFor();
    const start = page.locator('[data-search-start]');
    expect(await start.isVisible()).toBe(true);
    expect((await start.boundingBox())!.y).toBeLessThan(800);
    const searches = await start.locator('a[href*="?q="]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('q')));
    expect(searches.length).toBeGreaterThanOrEqual(4);
    const topics = await start.locator('a[href^="/tags/"]').count();
    expect(topics).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
  });

  it('runs a suggested search, hides the suggestions while results show, and brings them back when cleared', async () => {
    const { page, errors } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/search/`);
    await page.locator('.search-page.ready').waitFor();
    await Promise.all([page.waitForURL(/\?q=slmgr/), page.locator('[data-search-start] a', { hasText: 'slmgr /dlv' }).click()]);
    const first = page.locator('pagefind-results a.pf-result-link').first();
    await first.waitFor();
    expect(new URL((await first.getAttribute('href'))!, baseUrl).pathname).toBe('/guides/command-reference/');
    expect(await page.locator('[data-search-start]').isVisible()).toBe(false);
    await page.locator('pagefind-input input').fill('');
    await page.locator('[data-search-start]').waitFor({ state: 'visible' });
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('the 404 page', () => {
  it('offers a search for the words of the missing address, which opens /search/ with them', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const response = await page.goto(`${baseUrl}/guides/kms-host/`);
    expect(response?.status()).toBe(404);
    const box = page.getByRole('searchbox', { name: 'Search the guide for what it held' });
    await expect.poll(() => box.inputValue()).toBe('kms host');
    expect(await box.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(/\/search\/\?q=kms\+host$/), page.locator('form[role="search"] button[type="submit"]').click()]);
    await page.locator('pagefind-results a.pf-result-link').first().waitFor();
    expect(await page.locator('pagefind-input input').inputValue()).toBe('kms host');
  });

  it('still offers the search box without JavaScript', async () => {
    const { page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/factors/kms/nowhere/`);
    const form = page.locator('form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.locator('input[name="q"]').isVisible()).toBe(true);
  });
});
