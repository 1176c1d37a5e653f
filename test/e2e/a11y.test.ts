import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AxeResults, Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';
import { OUTCOME, PAGE_TYPES, openPageType } from '../helpers/page-types';

const baseUrl = inject('baseUrl');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * WCAG 2.2 AA: every level A and AA rule axe has, from WCAG 2.0 to 2.2; and axe's best practices
 * (heading order, landmarks), which the site passes too and should keep passing.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [320, 1280] as const;

const browser = useBrowser();

/**
 * Run axe in the page. The source goes in through the DevTools protocol
 * (page.evaluate), which the site's Content-Security-Policy does not block,
 * as it would block an inline <script> tag.
 */
async function audit(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    }),
    WCAG_TAGS,
  )) as AxeResults;
  return results.violations;
}

/** One line per failing element: rule, impact, where, and axe's summary of what to fix. */
function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${violation.help}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

describe.each(SCHEMES)('WCAG 2.2 AA in the %s colour scheme', (colorScheme) => {
  describe.each(WIDTHS)('at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser().newContext({ colorScheme, viewport: { width, height: 800 } });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it.each(PAGE_TYPES)('$name ($path) has no axe violation', async (type) => {
      await openPageType(page, baseUrl, type);
      const violations = await audit(page);
      expect(violations.map((violation) => violation.id), describeViolations(violations)).toEqual([]);
      if (width === 320) {
        // Reflow (WCAG 1.4.10), which axe does not test: no sideways scrolling at 320 CSS px.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
      }
    });
  });
});

describe('a keyboard-only journey', () => {
  /** The focused element, looking into shadow roots, and whether it shows a focus indicator. */
  async function focused(page: Page): Promise<{ tag: string; text: string; href: string; classes: string; visible: boolean; url: string }> {
    const state = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || element === document.body) return { tag: 'body', text: '', href: '', classes: '', visible: false };
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      return {
        tag: element.tagName.toLowerCase(),
        text: (element.textContent ?? '').trim().slice(0, 60),
        href: element.getAttribute('href') ?? '',
        classes: element.getAttribute('class') ?? '',
        visible: outline || shadow,
      };
    });
    return { ...state, url: page.url() };
  }

  /** Press Tab until `wanted` holds, checking that every element passed on the way shows its focus. */
  async function tabTo(page: Page, wanted: string, test: (state: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      const state = await focused(page);
      expect(state.visible, `no visible focus on <${state.tag} class="${state.classes}"> "${state.text}" at ${state.url}`).toBe(true);
      if (test(state)) return state;
    }
    throw new Error(`Tab did not reach ${wanted} within ${limit} presses on ${page.url()}`);
  }

  async function expectFocusVisible(page: Page, step: string) {
    const state = await focused(page);
    expect(state.visible, `${step}: no visible focus on <${state.tag}> "${state.text}"`).toBe(true);
    return state;
  }

  it('answers the first question on the home page, reaches an outcome, opens a cited factor, searches and goes back', async () => {
    const { page, errors } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/`);

    // 1. The question embedded on the home page: its first answer is a link into /decide/.
    await tabTo(page, 'the first answer on the home page', (state) => state.classes.includes('answer'));
    await Promise.all([page.waitForURL(/\/decide\/\?path=/), page.keyboard.press('Enter')]);
    await page.locator('[data-decide].js').waitFor();

    // 2. Answer each question with its first answer until a recommendation shows; focus follows each question.
    let outcome = '';
    for (let step = 0; step < 15 && !outcome; step++) {
      await tabTo(page, 'an answer', (state) => state.classes.includes('answer') && state.tag === 'button');
      await page.keyboard.press('Enter');
      const title = await expectFocusVisible(page, `after answer ${step + 1}`);
      expect(title.classes).toContain('node-title');
      // count() does not wait: getAttribute() on a question would wait out its whole timeout for an outcome.
      const current = page.locator('[data-node].current.outcome');
      outcome = (await current.count()) ? ((await current.getAttribute('data-node')) ?? '') : '';
    }
    expect(outcome).toBe(OUTCOME);

    // 3. Open a factor card the recommendation cites.
    const card = await tabTo(page, 'a cited factor', (state) => state.href.startsWith('/factors/'));
    await Promise.all([page.waitForURL(`${baseUrl}${card.href}`), page.keyboard.press('Enter')]);
    const factorUrl = page.url();
    await expect(page.locator('article h1').count()).resolves.toBe(1);

    // 4. Search from the header: its button opens the search dialog with the focus in the search box.
    const button = await tabTo(page, 'the header search button', (state) => state.tag === 'button' && state.text.startsWith('Search'));
    expect(button.classes).toContain('site-search');
    await page.keyboard.press('Enter');
    await page.locator('dialog.pf-modal[open]').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('pagefind-input') !== null);
    await expectFocusVisible(page, 'the search box in the dialog');
    await page.keyboard.type('laptops');
    await page.locator('dialog[open] pagefind-results a[href^="/"]').first().waitFor();
    const result = await tabTo(page, 'a search result', (state) => state.tag === 'a' && state.href.startsWith('/factors/'));
    await Promise.all([page.waitForURL((url) => url.pathname === result.href.replace(/[?#].*$/, '')), page.keyboard.press('Enter')]);
    await expect(page.locator('article h1').count()).resolves.toBe(1);

    // 5. Back to the article the search started from: Alt+Left, or the history if the browser shell does not handle it.
    await page.keyboard.press('Alt+ArrowLeft');
    if (!(await page.waitForURL(factorUrl, { timeout: 2_000 }).then(() => true, () => false))) await page.goBack();
    expect(page.url()).toBe(factorUrl);
    await tabTo(page, 'a link on the article', (state) => state.tag === 'a');
    expect(errors).toEqual([]);
    // Licensing, products and platform come first now: seven questions by keyboard take longer than the default minute.
  }, 150_000);
});
