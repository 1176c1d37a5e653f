import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Controls in `selector` smaller than 24 by 24 px (WCAG 2.5.8), as "text (w×h)". */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .map((element) => ({ text: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ text, box }) => `${text} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
}

describe('the header and main menu', () => {
  it('is one compact row on a phone, with a menu that holds the decision tree and every method, targets of 24 px or more', async () => {
    const { page, errors } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    await page.locator('button.menu-toggle').click();
    const menu = page.locator('.site-nav');
    expect(await menu.isVisible()).toBe(true);
    const labels = await menu.locator('a').allTextContents();
    expect(labels.map((label) => label.trim())).toEqual(expect.arrayContaining(['Decide', 'KMS', 'MAK', 'ADBA', 'Token', 'Compare', 'Guides']));
    expect(await menu.locator('a[aria-current="page"]').textContent()).toBe('KMS');
    expect(await smallTargets(page, '.site-header a, .site-header button, .site-header select')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows the decision tree in the menu on a wide screen, and a sidebar that marks the current page', async () => {
    const { page } = await openPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    expect(await page.locator('button.menu-toggle').isVisible()).toBe(false);
    expect(await page.locator('.site-nav a[href="/decide/"]').isVisible()).toBe(true);
    const sidebar = page.locator('nav.sidebar');
    expect(await sidebar.isVisible()).toBe(true);
    const current = sidebar.locator('a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe('/factors/kms/branch-offices/');
    for (const href of ['/decide/', '/kms/', '/mak/', '/adba/', '/token/', '/guides/kms/', '/compare/']) {
      expect(await sidebar.locator(`a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
    // The pros and cons of the method being read are listed, other methods fold to their page.
    expect(await sidebar.locator('a[href^="/factors/kms/"]').count()).toBeGreaterThan(3);
    expect(await sidebar.locator('a[href^="/factors/mak/"]').count()).toBe(0);
    const main = await page.locator('main').boundingBox();
    const side = await sidebar.boundingBox();
    expect(side!.x + side!.width).toBeLessThanOrEqual(main!.x);
  });

  it('hides the sidebar on a phone', async () => {
    const { page } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/guides/kms/`);
    expect(await page.locator('nav.sidebar').isVisible()).toBe(false);
  });
});

describe('on-page contents, anchors, copy buttons and the guide pager', () => {
  it('keeps "On this page" beside a guide on a wide screen, in view while scrolling, marking the section being read', async () => {
    const { page } = await openPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}/guides/kms/`);
    const toc = page.locator('nav.toc');
    const body = await page.locator('[data-article-body]').boundingBox();
    const box = await toc.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(body!.x + body!.width);
    const third = await toc.locator('a').nth(2).getAttribute('href');
    await page.locator(third!).scrollIntoViewIfNeeded();
    await page.evaluate((id) => document.querySelector(id)!.scrollIntoView({ block: 'start' }), third!);
    await page.waitForFunction((href) => document.querySelector(`.toc a[href="${href}"]`)?.getAttribute('aria-current') === 'true', third!);
    const after = await toc.boundingBox();
    expect(after!.y).toBeGreaterThanOrEqual(0);
    expect(after!.y).toBeLessThan(800);
    expect(await toc.locator('a[aria-current="true"]').count()).toBe(1);
  });

  it('shows "On this page" as a plain list above the text on a phone', async () => {
    const { page } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/guides/kms/`);
    const toc = await page.locator('nav.toc').boundingBox();
    const body = await page.locator('[data-article-body]').boundingBox();
    expect(toc!.y + toc!.height).toBeLessThanOrEqual(body!.y);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('nav.toc')!).position)).toBe('static');
  });

  it('puts a link to each section after its heading, named after the section', async () => {
    const { page } = await openPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}/guides/kms/`);
    const heading = page.locator('[data-article-body] h2').first();
    const id = await heading.getAttribute('id');
    const anchor = page.locator(`[data-article-body] a.heading-anchor[href="#${id}"]`);
    expect(await anchor.count()).toBe(1);
    expect(await anchor.evaluate((a) => a.textContent)).toContain(await heading.textContent());
    // The heading's own name stays its text.
    expect(await heading.evaluate((h) => h.querySelector('a'))).toBeNull();
    await anchor.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#${id}$`));
  });

  it('copies a command block with its copy button', async () => {
    const { page } = await openPage(browser(), DESKTOP);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`${baseUrl}/guides/adba/`);
    const block = page.locator('[data-article-body] pre').first();
    const expected = (await block.locator('code').textContent())!.trimEnd();
    const button = page.locator('[data-article-body] button.copy-code').first();
    expect(await button.textContent()).toBe('Copy');
    await button.click();
    await page.waitForFunction(() => document.querySelector('button.copy-code')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(expected).toMatch(/slmgr|nslookup/);
  });

  it('links each guide to the previous and next guide', async () => {
    const { page } = await openPage(browser(), DESKTOP);
    await page.goto(`${baseUrl}/guides/`);
    const guides = await page.locator('main .cards a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.goto(`${baseUrl}${guides[1]}`);
    expect(await page.locator('nav.pager a[rel="prev"]').getAttribute('href')).toBe(guides[0]);
    expect(await page.locator('nav.pager a[rel="next"]').getAttribute('href')).toBe(guides[2]);
  });
});

describe('the theme switch', () => {
  it.each(['light', 'dark'] as const)('overrides a %s system and remembers the choice on the next page, from the first paint', async (system) => {
    const { page } = await openPage(browser(), { ...DESKTOP, colorScheme: system });
    await page.goto(`${baseUrl}/guides/kms/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const systemBackground = await background();
    const other = system === 'light' ? 'dark' : 'light';
    await page.locator('[data-theme-switch] select').selectOption(other);
    const chosen = await background();
    expect(chosen).not.toBe(systemBackground);
    // On the next page the chosen theme is there before any script of the page runs after the head.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${baseUrl}/guides/mak/`);
    expect(await background()).toBe(chosen);
    await page.unroute('**/_astro/*.js');
    await page.goto(`${baseUrl}/guides/mak/`);
    expect(await page.locator('[data-theme-switch] select').inputValue()).toBe(other);
    await page.locator('[data-theme-switch] select').selectOption('auto');
    expect(await background()).toBe(systemBackground);
  });

  it('is hidden without JavaScript, where it could not work', async () => {
    const { page } = await openPage(browser(), { ...DESKTOP, javaScriptEnabled: false });
    await page.goto(`${baseUrl}/guides/kms/`);
    expect(await page.locator('[data-theme-switch]').isVisible()).toBe(false);
  });
});

describe('line length', () => {
  it.each(['/guides/kms/', '/decide/outcomes/kms/'])('keeps the text of %s to about 70 characters a line on a wide screen', async (path) => {
    const { page } = await openPage(browser(), { viewport: { width: 1600, height: 900 } });
    await page.goto(`${baseUrl}${path}`);
    // Characters per line of each long paragraph: its length over the lines it takes.
    const perLine = await page.evaluate(() =>
      [...document.querySelectorAll('main p')]
        .filter((p) => (p.textContent ?? '').length > 300)
        .map((p) => (p.textContent ?? '').length / Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))),
    );
    expect(perLine.length).toBeGreaterThan(0);
    expect(Math.max(...perLine)).toBeLessThanOrEqual(80);
  });
});
