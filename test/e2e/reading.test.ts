import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { OUTCOME, OUTCOME_PATH } from '../helpers/page-types';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** A page in print media with the system in dark mode, as a reader with a dark desktop prints it. */
async function printed(path: string): Promise<Page> {
  const { page } = await openPage(browser(), { colorScheme: 'dark' });
  await page.goto(`${baseUrl}${path}`);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  return page;
}

describe('printing', () => {
  it('prints an article black on white, the header without a dark bar, badges readable without background graphics', async () => {
    const page = await printed('/factors/kms/branch-offices/');
    const colours = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        body: style('body').backgroundColor,
        text: style('body').color,
        header: style('.site-header').backgroundColor,
        badge: style('.badge.con').color,
        badgeText: document.querySelector('.badge.con')!.textContent,
      };
    });
    expect(colours.body).toBe('rgb(255, 255, 255)');
    expect(colours.text).toBe('rgb(0, 0, 0)');
    expect(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)']).toContain(colours.header);
    // Background graphics off: the badge's text colour on white paper.
    expect(contrast(colours.badge, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
    expect(colours.badgeText).toBe('Con');
  });

  it('prints an article as the article: not "Where this decides", "Related", "On this page" or the pager', async () => {
    for (const width of [1280, 700]) {
      const { page } = await openPage(browser(), { viewport: { width, height: 1000 } });
      await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
      // On screen they are there.
      for (const id of ['where-it-decides', 'related']) expect(await page.locator(`h2#${id}`).isVisible(), id).toBe(true);
      await page.emulateMedia({ media: 'print' });
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('KMS is hard to run across decentralised branch offices');
      expect(text).toContain('Sources');
      for (const words of ['Where this decides', 'Related pros and cons', 'Next\n']) expect(text, `${words} at ${width} px`).not.toContain(words);
      await page.goto(`${baseUrl}/guides/kms/`);
      const guide = await page.evaluate(() => document.body.innerText);
      expect(guide).toContain('What KMS is and how clients find a host');
      for (const words of ['On this page', 'Back to top']) expect(guide, `${words} at ${width} px`).not.toContain(words);
    }
  });

  it('prints no controls and no stray separator where the edit link was', async () => {
    const page = await printed('/factors/kms/branch-offices/');
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('button, .site-search, .edit-link, .pager')].filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => element.outerHTML.slice(0, 60)),
    );
    expect(visible).toEqual([]);
    const footer = await page.evaluate(() => (document.querySelector('.article-footer p.small') as HTMLElement).innerText.trim());
    expect(footer).not.toMatch(/·\s*$/);
  });

  it('prints the decision tree without its Change, Back and Start over buttons', async () => {
    const { page } = await openPage(browser(), { colorScheme: 'dark' });
    await page.goto(`${baseUrl}/decide/`);
    await page.locator('.node.current button.answer').first().click();
    await page.locator('[data-trail] button').first().waitFor();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const buttons = await page.evaluate(() => [...document.querySelectorAll('[data-decide] button')].filter((button) => (button as HTMLElement).offsetParent !== null && !button.classList.contains('answer')).length);
    expect(buttons).toBe(0);
  });
});

describe('/compare/', () => {
  it('is a card per topic on a phone, nothing to scroll sideways, pros and cons marked in text', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(`${baseUrl}/compare/`);
    expect(await page.locator('.matrix').isVisible()).toBe(false);
    const cards = page.locator('.topic-cards > li');
    const topics = await page.locator('.matrix tbody th').allTextContents();
    expect(await cards.count()).toBe(topics.length);
    expect((await cards.locator('.card-title').allTextContents()).map((title) => title.trim())).toEqual(topics.map((topic) => topic.trim()));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // No box scrolls inside the page, and every card fits the screen.
    const scrollers = await page.evaluate(() =>
      [...document.querySelectorAll('main *')].filter((element) => (element as HTMLElement).offsetParent !== null && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible').length,
    );
    expect(scrollers).toBe(0);
    for (const box of await cards.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect))) expect(box.right).toBeLessThanOrEqual(375);
    // The same links as the table: every pro and con of every topic, each saying in words whether it is a pro or a con.
    const inTable = await page.locator('.matrix td a').evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
    const inCards = await cards.locator('dd a').evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
    expect(inCards).toEqual(inTable);
    const first = cards.first().locator('dd li').first();
    expect(await first.innerText()).toMatch(/^(Pro|Con): /);
  });

  it('keeps the topic column and the header row in place on a wide screen, and marks pros and cons in text', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/compare/`);
    expect(await page.locator('.topic-cards').isVisible()).toBe(false);
    const caption = await page.locator('.matrix caption').textContent();
    expect(caption).not.toMatch(/frontmatter/i);
    // Every method's column is on the screen: nothing to scroll sideways at 1280 px.
    expect(await page.locator('.matrix-scroll').evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(1);
    const frame = await page.locator('.matrix-scroll').boundingBox();
    await page.locator('.matrix-scroll').evaluate((box) => box.scrollBy(0, 400));
    // Scrolled down inside its box, the header row stays at the top of the box.
    expect(await page.locator('.matrix-scroll').evaluate((box) => box.scrollTop)).toBeGreaterThan(300);
    const header = await page.locator('.matrix thead th').nth(1).boundingBox();
    expect(Math.abs(header!.y - frame!.y)).toBeLessThanOrEqual(1.5);
    // "+" on screen, "Pro:" for a screen reader.
    const stance = page.locator('.matrix .stance.pro').first();
    expect(await stance.locator('[aria-hidden="true"]').textContent()).toBe('+');
    expect(await stance.locator('.visually-hidden').textContent()).toBe('Pro:');
    expect(await page.locator('.matrix span[aria-label]').count()).toBe(0);
  });

  it('prints the table with every column on the paper, nothing cut', async () => {
    // About the width of an A4 page's printable area.
    const { page } = await openPage(browser(), { viewport: { width: 700, height: 1000 }, colorScheme: 'dark' });
    await page.goto(`${baseUrl}/compare/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.locator('.matrix').isVisible()).toBe(true);
    expect(await page.locator('.topic-cards').isVisible()).toBe(false);
    const layout = await page.evaluate(() => {
      const table = document.querySelector('.matrix')!;
      let clipped = 0;
      for (let element: Element | null = table; element; element = element.parentElement) {
        const style = getComputedStyle(element);
        if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) clipped++;
      }
      const cells = [...table.querySelectorAll('th, td')].map((cell) => ({ right: cell.getBoundingClientRect().right, cut: cell.scrollWidth > cell.clientWidth + 1 }));
      return { clipped, width: document.documentElement.clientWidth, right: Math.max(...cells.map((cell) => cell.right)), cut: cells.filter((cell) => cell.cut).length, columns: table.querySelectorAll('thead th').length };
    });
    expect(layout.columns).toBeGreaterThanOrEqual(7);
    expect(layout.clipped).toBe(0);
    expect(layout.cut).toBe(0);
    expect(layout.right).toBeLessThanOrEqual(layout.width);
  });
});

describe('small things', () => {
  it('puts a space between the review date and "Edit this page"', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/guides/kms/`);
    const line = await page.locator('.article-footer p.small').last().innerText();
    expect(line).toMatch(/\d{4} · Edit this page$/);
  });

  it('hides the "/" hint on a touch screen and shows it with a mouse', async () => {
    const { page: touch } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await touch.goto(`${baseUrl}/guides/kms/`);
    expect(await touch.locator('header button.site-search kbd').isVisible()).toBe(false);
    const { page: mouse } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await mouse.goto(`${baseUrl}/guides/kms/`);
    expect(await mouse.locator('header button.site-search kbd').isVisible()).toBe(true);
  });

  it('names the recommendation in the tab title of /decide/ and links to its own page', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/?path=${OUTCOME_PATH}#${OUTCOME}`);
    await page.waitForFunction(() => document.title.startsWith('Recommendation: '));
    const link = page.locator(`.node.current a[href="/decide/outcomes/${OUTCOME}/"]`);
    expect(await link.isVisible()).toBe(true);
  });

  it("lists every path of answers that leads to a recommendation on the recommendation's page, folded", async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/outcomes/adba-plus-mak/`);
    const paths = page.locator('details.paths-here');
    const links = paths.locator('li a');
    const hrefs = await links.evaluateAll((elements) => elements.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/^\/decide\/\?path=.*#adba-plus-mak$/);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(await links.first().isVisible()).toBe(false);
    expect(await paths.locator('summary').textContent()).toContain(String(hrefs.length));
    await paths.locator('summary').click();
    expect(await links.first().isVisible()).toBe(true);
  });
});
