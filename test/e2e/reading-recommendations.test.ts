import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };

interface TreeJson {
  outcomes: { id: string; title: string }[];
}

async function outcomes(): Promise<TreeJson['outcomes']> {
  return ((await (await fetch(`${baseUrl}/decision-tree.json`)).json()) as TreeJson).outcomes;
}

/** The text of `main` as the reader sees it (only what is laid out). */
function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

describe("a recommendation's own page", () => {
  it('is short: the recommendation, its pros and cons and its next steps, each once, the rest folded away', async () => {
    const { page, errors } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/decide/outcomes/kms/`);
    const text = await mainText(page);
    expect(text).toContain('KMS: a host on your network activates the rest');
    expect(text).toContain('Pros that decided it');
    expect(text).toContain('Cons you accept');
    expect(text).toContain('Next steps');
    // Nobody answered anything here: no "For the answers you gave", and the notes of particular answers are folded.
    expect(text).not.toMatch(/for the answers you gave/i);
    const notes = page.locator('details.path-notes');
    expect(await notes.locator('summary').innerText()).toBe('Notes for particular answers');
    expect(await notes.locator('li').first().isVisible()).toBe(false);
    expect(text).not.toContain('Workgroup machines get no domain policy');
    // The paths that lead here are folded too.
    const paths = page.locator('details.paths-here');
    expect(await paths.getAttribute('open')).toBeNull();
    expect(text).not.toContain(' → ');
    // Next steps: every page once, whatever number of answers add it.
    const steps = page.locator('.node.outcome h2', { hasText: 'Next steps' }).locator('xpath=following-sibling::ul[1]/li');
    const hrefs = await steps.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(2);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const srv = steps.filter({ hasText: 'How clients find a KMS host' });
    expect(await srv.count()).toBe(1);
    expect(await srv.innerText()).toMatch(/if you answered “[^”]+” or “[^”]+”/);
    // Opened, the notes say which answer each is for.
    await notes.locator('summary').click();
    expect(await notes.locator('li', { hasText: 'Workgroup machines get no domain policy' }).isVisible()).toBe(true);
    for (const note of await notes.locator('li').allInnerTexts()) expect(note).toMatch(/^If you answered “[^”]+”:/);
    expect(errors).toEqual([]);
  });

  it('prints its notes, unfolded, and not the paths that lead to it', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/outcomes/kms/`);
    await page.emulateMedia({ media: 'print' });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Workgroup machines get no domain policy');
    expect(text).not.toContain('ways through the tree that lead here');
  });

  it('says "For the answers you gave" in the tree once answers are given, and shows those answers\' notes only', async () => {
    const { page } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/decide/?path=windows/own-hardware/volume/main-site/no-domain/twenty-five-or-more/dynamic-dns/back-within-180-days#kms`);
    const notes = page.locator('[data-node="kms"] [data-path-notes]');
    await page.locator('[data-decide].js').waitFor();
    expect(await notes.locator('h3').innerText()).toBe('For the answers you gave');
    const shown = (await notes.locator('li:visible').allInnerTexts()).join(' ');
    expect(shown).toContain('Workgroup machines');
    expect(shown).not.toContain('central KMS host');
  });

  it('does not claim answers were given where the tree runs without JavaScript', async () => {
    const { page } = await openPage(browser(), { ...PHONE, javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/?path=windows/own-hardware/volume/main-site/no-domain/twenty-five-or-more/dynamic-dns/back-within-180-days#kms`);
    const heading = await page.locator('[data-node="kms"] [data-path-notes] h3').innerText();
    expect(heading).toBe('Notes for particular answers');
  });
});

describe('inline Markdown in the tree and the scenarios', () => {
  it('renders code spans and links in every recommendation, never a raw backtick or bracket', async () => {
    const { page } = await openPage(browser(), PHONE);
    const all = await outcomes();
    for (const outcome of all) {
      await page.goto(`${baseUrl}/decide/outcomes/${outcome.id}/`);
      // The notes unfolded, so that their text is judged too.
      for (const summary of await page.locator('main details > summary').all()) await summary.click();
      const text = await mainText(page);
      expect(text, outcome.id).not.toContain('`');
      expect(text, outcome.id).not.toMatch(/\]\(\//);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description, outcome.id).not.toContain('`');
    }
    // A rationale with a code span shows it as code.
    await page.goto(`${baseUrl}/decide/outcomes/azure-kms/`);
    expect(await page.locator('.rationale code', { hasText: 'azkms.core.windows.net' }).isVisible()).toBe(true);
  });

  it('renders them in every scenario, its recommendation included', async () => {
    const { page } = await openPage(browser(), PHONE);
    await page.goto(`${baseUrl}/scenarios/`);
    const scenarios = await page.locator('main .cards a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(scenarios.length).toBeGreaterThan(5);
    for (const scenario of scenarios) {
      await page.goto(`${baseUrl}${scenario}`);
      const text = await mainText(page);
      expect(text, scenario).not.toContain('`');
      expect(text, scenario).not.toMatch(/\]\(\//);
    }
    await page.goto(`${baseUrl}/scenarios/azure-hosted-desktops/`);
    expect(await page.locator('main p code', { hasText: 'azkms.core.windows.net' }).count()).toBeGreaterThan(0);
  });
});
