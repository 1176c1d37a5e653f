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

describe('/compare/ on a phone', () => {
  it('keeps the topic column in place and the header visible, says that the table scrolls, and marks pros and cons in text', async () => {
    const { page } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(`${baseUrl}/compare/`);
    expect(await page.locator('.scroll-hint').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const caption = await page.locator('.matrix caption').textContent();
    expect(caption).not.toMatch(/frontmatter/i);
    const before = await page.locator('.matrix tbody th').first().boundingBox();
    await page.locator('.matrix-scroll').evaluate((box) => box.scrollBy(300, 400));
    const after = await page.locator('.matrix tbody th').nth(6).boundingBox();
    const header = await page.locator('.matrix thead th').nth(1).boundingBox();
    const frame = await page.locator('.matrix-scroll').boundingBox();
    expect(Math.abs(after!.x - before!.x)).toBeLessThanOrEqual(1.5);
    expect(Math.round(header!.y)).toBeLessThanOrEqual(Math.round(frame!.y) + 40);
    // "+" on screen, "Pro:" for a screen reader.
    const stance = page.locator('.matrix .stance.pro').first();
    expect(await stance.locator('[aria-hidden="true"]').textContent()).toBe('+');
    expect(await stance.locator('.visually-hidden').textContent()).toBe('Pro:');
    expect(await page.locator('.matrix span[aria-label]').count()).toBe(0);
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

  it("lists every path of answers that leads to a recommendation on the recommendation's page", async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/outcomes/adba-plus-mak/`);
    const hrefs = await page.locator('section[aria-labelledby="paths-here"] li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/^\/decide\/\?path=.*#adba-plus-mak$/);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
