import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The id of the one node the reader sees. */
async function current(page: Page): Promise<string> {
  const visible = page.locator('[data-node]:visible');
  expect(await visible.count()).toBe(1);
  return (await visible.getAttribute('data-node'))!;
}

/** Click the answers with these ids, in order, each on the question showing. */
async function answer(page: Page, ...ids: string[]): Promise<void> {
  for (const id of ids) await page.locator(`[data-node="${await current(page)}"] button[data-answer="${id}"]`).click();
}

/** Type numbers into the count question showing, and go on. */
async function count(page: Page, numbers: Record<string, number>): Promise<void> {
  const node = page.locator(`[data-node="${await current(page)}"]`);
  for (const [kind, value] of Object.entries(numbers)) await node.locator(`input[data-count="${kind}"]`).fill(String(value));
  await node.locator('[data-count-go]').click();
}

/** The plan's line for each walk, as the reader reads it. */
const planLines = (page: Page) => page.locator('[data-plan-walk]').allInnerTexts();

describe('advice for a whole estate in Chromium', () => {
  it('answers Windows and Office in one walk, each with its own count and recommendation', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    await page.locator('button[data-both]').click();
    // Windows first: OEM licences, nothing to volume-activate.
    await answer(page, 'own-hardware', 'retail-oem');
    expect(await current(page)).toBe('retail-oem');
    await page.locator('[data-walk-next] button').click();
    // Then Office: 8 installations reach Office's own threshold of 5, whatever Windows is.
    expect(await current(page)).toBe('office-licensing');
    await answer(page, 'office-volume', 'office-no-domain');
    await count(page, { office: 8 });
    expect(await current(page)).toBe('office-kms');
    const lines = await planLines(page);
    expect(lines[0]).toMatch(/^Windows: Nothing to volume-activate/);
    expect(lines[1]).toMatch(/^Office: KMS for Office.*\(8 Office installations, over the Office threshold of 5\)/);

    // The URL keeps both walks: the same plan opens from it.
    const { page: other } = await openPage(browser());
    await other.goto(page.url());
    expect(await current(other)).toBe('office-kms');
    expect(await planLines(other)).toEqual(lines);
    expect(errors).toEqual([]);
  });

  it('warns when a typed count is only just over the threshold, and names the error it leads to', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    await answer(page, 'windows', 'own-hardware', 'volume', 'main-site', 'no-domain');
    await count(page, { clients: 28, servers: 2 });
    expect(await current(page)).toBe('kms-upkeep');
    await answer(page, 'dynamic-dns', 'back-within-180-days');
    expect(await current(page)).toBe('kms');
    const line = (await planLines(page))[0]!;
    expect(line).toContain('30 Windows machines, over the client threshold of 25');
    expect(line).toMatch(/if 6 machines stay away from the host for 30 days, the count falls below 25 and clients report 0xC004F038/);
    // The recommendation is brought into view after the last answer.
    const top = await page.locator('[data-node="kms"] .node-title').evaluate((title) => title.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => innerHeight));
    expect(errors).toEqual([]);
  });

  it('chooses the range that fits typed numbers, counting only Office installations for Office', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    await answer(page, 'office', 'office-volume', 'office-no-domain');
    await count(page, { office: 4 });
    expect(await current(page)).toBe('client-internet');
    expect(await page.locator('[data-trail-list] li').last().innerText()).toContain('Fewer than 5');
  });

  it('adds up the parts that share a KMS host: a head office and branches cross the threshold none reaches alone', async () => {
    const { page, errors } = await openPage(browser());
    const branch = 'windows/own-hardware/volume/branch-office/branch-no-domain/branch-fewer/branch-vpn';
    const plan = [`Head office~~18.0.0~windows/own-hardware/volume/main-site/no-domain`, ...['Leeds', 'York', 'Hull'].map((name) => `${name}~0~4.0.0~${branch}`)].join(';');
    await page.goto(`${baseUrl}/decide/?plan=${encodeURIComponent(plan)}&at=0.0`);
    expect(await current(page)).toBe('machine-count');
    await expect(page.locator('[data-node="machine-count"] [data-count-host]').innerText()).resolves.toBe(
      "This part's KMS host also serves Leeds, York, Hull, with 12 more: they are added to your numbers.",
    );
    await expect(page.locator('[data-node="machine-count"] input[data-count="clients"]').inputValue()).resolves.toBe('18');
    await count(page, { clients: 18 });
    // 18 + 3 × 4 = 30: the head-office host reaches 25.
    expect(await current(page)).toBe('kms-upkeep');
    await answer(page, 'dynamic-dns', 'back-within-180-days');
    const lines = await planLines(page);
    expect(lines[0]).toMatch(/^Windows: KMS.*30 Windows machines, over the client threshold of 25/);
    expect(lines.slice(1).every((line) => /^Windows: Branch clients use the head-office KMS host/.test(line))).toBe(true);
    expect(await page.locator('.plan-part').first().innerText()).toContain('Its KMS host also serves Leeds, York, Hull');
    expect(errors).toEqual([]);
  });

  it('says when a change of counts makes an answered walk out of date', async () => {
    const { page } = await openPage(browser());
    const plan = 'Head office~~18.0.0~windows/own-hardware/volume/main-site/no-domain/twenty-five-or-more/dynamic-dns/back-within-180-days';
    await page.goto(`${baseUrl}/decide/?plan=${encodeURIComponent(plan)}&at=0.0`);
    const line = (await planLines(page))[0]!;
    expect(line).toContain('18 Windows machines, under the client threshold of 25');
    expect(line).toContain('The counts have changed since this walk was answered: they now give “Fewer than 25 with some clients, or fewer than 5 servers”');
  });

  it('builds a plan of several parts by hand, names them, and shares a host', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    await answer(page, 'windows', 'own-hardware', 'volume', 'main-site', 'domain-all-modern', 'back-within-180-days');
    await page.locator('[data-add-part]').click();
    expect(await current(page)).toBe('product');
    await page.locator('input[data-part-name="1"]').fill('Warehouse');
    await page.locator('input[data-part-name="1"]').dispatchEvent('change');
    await page.locator('select[data-part-host="1"]').selectOption('0');
    await answer(page, 'windows', 'own-hardware', 'volume', 'branch-office', 'branch-all-modern');
    const url = new URL(page.url());
    expect(url.searchParams.get('plan')).toMatch(/^Part 1~~0\.0\.0~windows\/[^;]*;Warehouse~0~0\.0\.0~windows\//);
    const lines = await planLines(page);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.startsWith('Windows: Active Directory-based activation'))).toBe(true);
    // Removing a part leaves the other, and the plan is one walk again.
    await page.locator('button[data-remove-part="1"]').click();
    expect(await planLines(page)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('prints the plan without its buttons', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/?plan=${encodeURIComponent('HQ~~40.0.9~windows/own-hardware/volume/main-site/domain-all-modern/back-within-180-days~office/office-volume/office-domain-all')}&at=0.1`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-plan]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-plan] button:visible').count()).resolves.toBe(0);
    const text = await page.locator('[data-plan]').innerText();
    expect(text).toContain('Windows: Active Directory-based activation');
    expect(text).toContain('Office: ADBA for Office');
  });

  it('refuses a crafted plan without an error, keeping what can be read', async () => {
    const { page, errors } = await openPage(browser());
    for (const bad of ['~~~', ';;;;', 'x~99~a.b.c~constructor/__proto__', `${'a'.repeat(5000)}~0~1.1.1~windows`]) {
      await page.goto(`${baseUrl}/decide/?plan=${encodeURIComponent(bad)}&at=7.7`);
      expect(['product', 'platform']).toContain(await current(page));
    }
    expect(errors).toEqual([]);
  });
});

describe('count questions without JavaScript', () => {
  it('keep their ranges as plain links, and no number inputs show', async () => {
    const { page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/?path=office/office-volume/office-no-domain#office-count`);
    expect(await current(page)).toBe('office-count');
    await expect(page.locator('[data-node="office-count"] input:visible').count()).resolves.toBe(0);
    await page.locator('[data-node="office-count"] a.answer').first().click();
    await page.waitForLoadState('load');
    expect(await current(page)).toBe('office-kms');
  });
});
