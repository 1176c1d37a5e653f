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
  it('is one compact row on a phone, whose menu holds the whole sidebar: folding groups, the current page marked and in view', async () => {
    const { page, errors } = await openPage(browser(), PHONE);
    // The last pro or con of KMS: far down its group, below the fold of the menu unless the menu opens at it.
    await page.goto(`${baseUrl}/kms/`);
    const last = await page.locator('#site-menu a[href^="/factors/kms/"]').last().getAttribute('href');
    await page.goto(`${baseUrl}${last}`);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const menu = page.locator('#site-menu');
    expect(await menu.isVisible()).toBe(false);
    await page.locator('button.menu-toggle').click();
    expect(await menu.isVisible()).toBe(true);
    // Every section of the sidebar, every method among them, and the theme switch.
    const groups = (await menu.locator('.sidebar-heading').allTextContents()).map((label) => label.trim());
    expect(groups).toEqual(expect.arrayContaining(['Decide', 'Scenarios', 'Guides', 'Compare and topics', 'About']));
    for (const method of ['KMS', 'MAK', 'ADBA', 'Token', 'Subscription', 'AVMA']) expect(groups.some((label) => label.startsWith(`${method}:`)), method).toBe(true);
    expect(await menu.locator('[data-theme-switch] select').isVisible()).toBe(true);
    // The reader's own group is open at the current page, which is in view; a closed group opens with a tap.
    const current = menu.locator('a[aria-current="page"]');
    expect(await current.getAttribute('href')).toBe(last);
    await page.waitForFunction(() => {
      const link = document.querySelector('#site-menu a[aria-current="page"]')!.getBoundingClientRect();
      const box = document.querySelector('#site-menu')!.getBoundingClientRect();
      return link.top >= box.top && link.bottom <= box.bottom;
    });
    const guides = menu.locator('details', { has: page.locator('summary', { hasText: 'Guides' }) });
    expect(await guides.locator('a[href="/guides/kms/"]').isVisible()).toBe(false);
    await guides.locator('summary').click();
    expect(await guides.locator('a[href="/guides/kms/"]').isVisible()).toBe(true);
    expect(await smallTargets(page, '.site-header a, .site-header button, #site-menu a, #site-menu summary, #site-menu select')).toEqual([]);
    // The menu stays on the screen, and Escape closes it.
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('opens the phone menu without JavaScript too', async () => {
    const { page } = await openPage(browser(), { ...PHONE, javaScriptEnabled: false });
    await page.goto(`${baseUrl}/guides/kms/`);
    await page.locator('button.menu-toggle').click();
    const menu = page.locator('#site-menu');
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.locator('a[aria-current="page"]').getAttribute('href')).toBe('/guides/kms/');
  });

  it('shows the main menu in the header on a wide screen, and a sidebar that marks the current page', async () => {
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
    expect(await sidebar.locator('a[href^="/factors/kms/"]:visible').count()).toBeGreaterThan(3);
    expect(await sidebar.locator('a[href^="/factors/mak/"]').count()).toBe(0);
    // About is in the header here, not repeated in the sidebar.
    expect(await sidebar.locator('a[href="/about/"]').isVisible()).toBe(false);
    const main = await page.locator('main').boundingBox();
    const side = await sidebar.boundingBox();
    expect(side!.x + side!.width).toBeLessThanOrEqual(main!.x);
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

  it('keeps "On this page" in reach on a phone: a bar at the top of the window that drops the list down', async () => {
    const { page, errors } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/guides/kms/`);
    const toggle = page.locator('nav.toc button.toc-toggle');
    const list = page.locator('nav.toc ul');
    expect(await toggle.isVisible()).toBe(true);
    expect(await list.isVisible()).toBe(false);
    // Far down the guide, the bar is still at the top of the window.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    const bar = await toggle.boundingBox();
    expect(bar!.y).toBeGreaterThanOrEqual(0);
    expect(bar!.y).toBeLessThan(50);
    await toggle.click();
    expect(await list.isVisible()).toBe(true);
    const box = await list.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    // A section chosen from the list: the list closes, and the section's heading shows below the bar.
    const link = list.locator('a').nth(3);
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await page.waitForURL(new RegExp(`#${id}$`));
    await list.waitFor({ state: 'hidden' });
    const heading = await page.locator(`[id="${id}"]`).boundingBox();
    const after = await toggle.boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(after!.y + after!.height - 1);
    expect(heading!.y).toBeLessThan(200);
    expect(errors).toEqual([]);
  });

  it('ends a long guide with a link back to its top', async () => {
    const { page } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/guides/kms/`);
    const back = page.locator('.back-to-top a');
    await back.scrollIntoViewIfNeeded();
    await back.click();
    await page.waitForFunction(() => window.scrollY < 200);
    expect(await page.locator('h1').isVisible()).toBe(true);
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

describe('the folders of the pros and cons', () => {
  it('answers /factors/ with every pro and con, by method', async () => {
    const { page } = await openPage(browser(), PHONE);
    const response = await page.goto(`${baseUrl}/factors/`);
    expect(response!.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toMatch(/pro and con/i);
    for (const method of ['kms', 'mak', 'adba']) expect(await page.locator(`main h2 a[href="/${method}/"]`).count(), method).toBe(1);
    expect(await page.locator('main a[href="/factors/kms/branch-offices/"]').isVisible()).toBe(true);
  });

  it.each([true, false])('sends /factors/<method>/ on to the method page (JavaScript: %s)', async (javaScriptEnabled) => {
    const { page } = await openPage(browser(), { ...DESKTOP, javaScriptEnabled });
    const response = await page.goto(`${baseUrl}/factors/mak/`);
    expect(response!.status()).toBe(200);
    await page.waitForURL(`${baseUrl}/mak/`);
    expect(await page.locator('h1').textContent()).toContain('MAK');
  });
});
