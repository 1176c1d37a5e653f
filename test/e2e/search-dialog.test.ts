import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };

/** An article page with the search dialog open, `words` typed and their results shown. */
async function dialogOn(options: typeof DESKTOP | typeof PHONE, words = ''): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser(), options);
  await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
  await page.locator('header button.site-search').click();
  await page.locator('dialog.pf-modal[open] pagefind-input input').waitFor();
  if (words) {
    await page.locator('dialog[open] pagefind-input input').fill(words);
    await page.locator('dialog[open] pagefind-results a.pf-result-link').nth(3).waitFor();
  }
  return { page, errors };
}

/** What the dialog footer's hint says Escape does, as the reader sees it. */
async function escapeHint(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = [...document.querySelectorAll('dialog[open] pagefind-modal-footer kbd')].find((kbd) => kbd.textContent === 'esc');
    return key?.parentElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });
}

describe('clicking a result in the search dialog (1280 px)', () => {
  it('opens a result that sits at the bottom edge of the list, where the press used to close the dialog', async () => {
    const { page, errors } = await dialogOn(DESKTOP, 'activation');
    // Scroll the list so that a result's title shows only its top few pixels above the dialog's footer.
    const target = await page.evaluate(() => {
      const body = document.querySelector('dialog[open] pagefind-modal-body')!;
      const link = body.querySelectorAll<HTMLAnchorElement>('pagefind-results a.pf-result-link')[2]!;
      body.scrollTop += link.getBoundingClientRect().top - (body.getBoundingClientRect().bottom - 8);
      return link.getAttribute('href')!;
    });
    await page.waitForTimeout(300);
    const point = await page.evaluate((href) => {
      const link = document.querySelector<HTMLAnchorElement>(`dialog[open] a.pf-result-link[href="${href}"]`)!;
      const box = link.getBoundingClientRect();
      return { x: box.left + 12, y: box.top + 3 };
    }, target);
    await page.mouse.move(point.x, point.y);
    await Promise.all([page.waitForURL((url) => `${url.pathname}${url.search}` === target), page.mouse.down().then(() => page.mouse.up())]);
    expect(errors).toEqual([]);
  });

  it('stays open when a press inside the dialog is released outside it', async () => {
    const { page } = await dialogOn(DESKTOP, 'activation');
    const start = await page.locator('dialog[open] pagefind-results a.pf-result-link').first().boundingBox();
    await page.mouse.move(start!.x + 10, start!.y + 5);
    await page.mouse.down();
    await page.mouse.move(1270, 790, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.locator('dialog.pf-modal[open]').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/factors/kms/branch-offices/');
  });

  it('still closes on a click on the backdrop', async () => {
    const { page } = await dialogOn(DESKTOP);
    await page.mouse.click(20, 790);
    await page.locator('dialog.pf-modal[open]').waitFor({ state: 'detached' });
  });
});

describe('the dialog’s filter lists on a phone (375 px)', () => {
  it('shows every filter name and checkbox within the screen, in the checkbox layout of the search page', async () => {
    const { page, errors } = await dialogOn(PHONE);
    await page.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    const options = page.locator('dialog[open] [data-filter] label');
    await options.first().waitFor();
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('dialog[open] [data-filter] legend, dialog[open] [data-filter] label:not([hidden])')].map((element) => {
        const box = element.getBoundingClientRect();
        const check = element.querySelector('input')?.getBoundingClientRect();
        return { text: element.textContent?.trim(), left: box.left, right: box.right, cut: element.scrollWidth > element.clientWidth + 1, checkLeft: check?.left ?? 0 };
      }),
    );
    expect(boxes.length).toBeGreaterThan(20);
    for (const box of boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(0);
      expect(box.right, box.text).toBeLessThanOrEqual(375);
      expect(box.checkLeft, box.text).toBeGreaterThanOrEqual(0);
      expect(box.cut, box.text).toBe(false);
    }
    // A checkbox there narrows the results like one on the search page.
    await page.locator('dialog[open] pagefind-input input').fill('activation');
    await page.locator('dialog[open]').getByRole('checkbox', { name: /^MAK\b/ }).check();
    // Folded again, the lists leave the screen to the results.
    await page.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await page.waitForFunction(() => {
      const links = [...document.querySelectorAll('dialog[open] pagefind-results a.pf-result-link[href^="/factors/"]')];
      return links.length > 0 && links.every((a) => a.getAttribute('href')!.startsWith('/factors/mak/'));
    });
    expect(errors).toEqual([]);
  });
});

describe('Escape in the search dialog (1280 px)', () => {
  it('folds the filter list, then clears the words, then closes, and the footer says which comes next', async () => {
    const { page } = await dialogOn(DESKTOP, 'activation');
    const input = page.locator('dialog[open] pagefind-input input');
    await page.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await page.locator('dialog[open]').getByRole('checkbox', { name: /^KMS\b/ }).focus();
    await expect.poll(() => escapeHint(page)).toBe('esc close the list');

    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open] details.search-dialog-filters').evaluate((folder) => (folder as HTMLDetailsElement).open)).toBe(false);
    expect(await input.inputValue()).toBe('activation');
    await expect.poll(() => escapeHint(page)).toBe('esc clear the search');

    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.pf-modal[open]').count()).toBe(1);
    expect(await input.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
    await expect.poll(() => escapeHint(page)).toBe('esc close search');

    await page.keyboard.press('Escape');
    await page.locator('dialog.pf-modal[open]').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.locator('dialog.pf-modal[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.matches('header button.site-search') ?? false)).toBe(true);
  });

  it('closes at once when nothing is open or typed', async () => {
    const { page } = await dialogOn(DESKTOP);
    await expect.poll(() => escapeHint(page)).toBe('esc close search');
    await page.keyboard.press('Escape');
    await page.locator('dialog.pf-modal[open]').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.locator('dialog.pf-modal[open]').count()).toBe(0);
  });
});

describe('search under the Content-Security-Policy', () => {
  it('opens the dialog, its filter lists and the search page with no violation: the search styles are a constructed stylesheet', async () => {
    const { page, errors } = await openPage(browser(), DESKTOP);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
      ),
    );
    await page.goto(`${baseUrl}/factors/kms/branch-offices/`);
    await page.keyboard.press('/');
    await page.locator('dialog[open] summary', { hasText: 'Filters' }).click();
    await page.locator('dialog[open]').getByRole('checkbox', { name: /^KMS\b/ }).check();
    // The site's styles for the lists apply: the options sit in columns, not in one line of text.
    const columns = await page.locator('dialog[open] [data-filter="tag"] .search-filter-options').evaluate((options) => getComputedStyle(options).display);
    expect(columns).toBe('grid');
    await page.goto(`${baseUrl}/search/?q=kms`);
    await page.locator('.search-page [data-search-filters]').getByRole('checkbox', { name: /^MAK\b/ }).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('method') === 'MAK');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
