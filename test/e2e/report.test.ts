import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** An air-gapped lab: the KMS outcome with its phone-activation note. */
const PATH = 'windows/own-hardware/volume/isolated-network/no-core-kms/not-in-forest/token-no/isolated-meets-threshold';

/** Pages of a PDF that Chromium printed: one page object each. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Text of the elements a printout shows, as print media lays out the page. */
async function printedText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Controls and navigation that must not print: any that is visible under print media. */
async function printedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, nav:not(.trail), .site-search, .sidebar, [data-print-hint]')]
      .filter((element) => element.offsetParent !== null || getComputedStyle(element).position === 'fixed')
      .filter((element) => getComputedStyle(element).display !== 'none' && getComputedStyle(element).visibility !== 'hidden')
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">${element.innerText.slice(0, 40)}`),
  );
}

describe('the printable decision report', () => {
  it('offers "Print or save this decision" on an outcome where JavaScript runs', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/?path=${PATH}#kms`);
    const button = page.locator('[data-node="kms"] button[data-print]');
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(button.textContent()).resolves.toBe('Print or save this decision');
    expect(errors).toEqual([]);
  });

  it('prints the answers, the recommendation, its pros and cons, the path steps, the sources, the version and the link back', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/?path=${PATH}#kms`);
    await page.emulateMedia({ media: 'print' });
    const text = await printedText(page);
    // The answers given, the recommendation and its reasons.
    expect(text).toContain('Your answers');
    expect(text).toContain('An isolated or high-security network');
    expect(text).toContain('KMS: a host on your network activates the rest');
    expect(text).toContain('Pros that decided it');
    expect(text).toContain('Cons you accept');
    expect(text).toContain('KMS clients never need to reach Microsoft');
    // Each card prints the address of its article after its title.
    const after = await page.locator('[data-node="kms"] .card-title a').first().evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toMatch(/\/factors\/kms\/[a-z-]+\//);
    // Only this path's notes: phone activation of the host, the ESU key on top of Windows.
    expect(text).toContain('slui 4');
    expect(text).toContain('ESU key');
    expect(text).not.toContain('slmgr /cdns');
    // Sources, date and version, and the link that reopens the decision.
    expect(text).toContain('Sources behind this recommendation');
    expect(text).toContain('https://learn.microsoft.com/');
    expect(text).toMatch(/built \d{1,2} \w+ \d{4}/);
    expect(text).toContain(`/decide/?path=${PATH}#kms`);
    // No control or navigation on paper, and not the rest of the page.
    expect(await printedControls(page)).toEqual([]);
    expect(text).not.toContain('Worked scenarios');
    expect(text).not.toContain('Which activation method fits your network?');
  });

  it('fits on two A4 pages, and on two Letter pages', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/?path=${PATH}#kms`);
    for (const format of ['A4', 'Letter'] as const) {
      const pages = pageCount(await page.pdf({ format, printBackground: false }));
      expect(pages, format).toBeGreaterThan(0);
      expect(pages, format).toBeLessThanOrEqual(2);
    }
  });

  it('prints the same report from a recommendation page without JavaScript', async () => {
    const { page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/outcomes/kms/`);
    await expect(page.locator('[data-print-hint]').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    const text = await printedText(page);
    expect(text).toContain('Pros that decided it');
    expect(text).toContain('Sources behind this recommendation');
    expect(text).toMatch(/If you answered “[^”]+”:/);
    expect(await printedControls(page)).toEqual([]);
    expect(pageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(0);
  });

  it('prints a scenario with its answers, recommendation, pros and cons, sources and the link into the tree', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/scenarios/air-gapped-lab/`);
    await expect(page.locator('button[data-print]').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    const text = await printedText(page);
    expect(text).toContain('Its answers in the decision tree');
    expect(text).toContain('Pros it relies on');
    expect(text).toContain('Cons it accepts');
    expect(text).toContain('slui 4'); // its own answers' note
    expect(text).toContain('Sources behind this recommendation');
    expect(text).toContain('/decide/?path=windows/own-hardware/volume/isolated-network/');
    expect(await printedControls(page)).toEqual([]);
    expect(pageCount(await page.pdf({ format: 'A4' }))).toBeLessThanOrEqual(2);
  });
});
