import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The node the reader sees: exactly one must be visible. */
async function visibleNode(page: Page): Promise<{ id: string; kind: string; title: string }> {
  const visible = page.locator('[data-node]:visible');
  expect(await visible.count()).toBe(1);
  return {
    id: (await visible.getAttribute('data-node'))!,
    kind: (await visible.getAttribute('class'))!.includes('outcome') ? 'outcome' : 'question',
    title: (await visible.locator('.node-title').textContent())!.trim(),
  };
}

/** Answer with the answer at `choice` (by position) until an outcome shows. */
async function clickThrough(page: Page, choice = 0): Promise<string[]> {
  const visited: string[] = [];
  for (let step = 0; step < 15; step++) {
    const node = await visibleNode(page);
    visited.push(node.id);
    if (node.kind === 'outcome') return visited;
    const answers = page.locator(`[data-node="${node.id}"] .answer`);
    await answers.nth(Math.min(choice, (await answers.count()) - 1)).click();
  }
  throw new Error(`no outcome after 15 answers: ${visited.join(' → ')}`);
}

describe('the decision tree in Chromium', () => {
  it('clicks through to an outcome that shows its reasons, announces it and puts the path in the URL', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    const visited = await clickThrough(page);
    const outcome = visited.at(-1)!;
    const section = page.locator(`[data-node="${outcome}"]`);
    expect(await section.locator('.card.pro').count()).toBeGreaterThan(0);
    expect(await section.locator('.card.con').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('node-title'))).toBe(true);
    await expect(page.locator('[data-live]').textContent()).resolves.toMatch(/^Recommendation: /);
    expect(new URL(page.url()).searchParams.get('path')?.split('/')).toHaveLength(visited.length - 1);
    expect(await page.locator('[data-trail-list] li').count()).toBe(visited.length - 1);
    expect(errors).toEqual([]);
  });

  it('goes back, and changes an earlier answer to reach another place', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    const first = await clickThrough(page, 0);
    await page.locator('[data-back]').click();
    expect((await visibleNode(page)).id).toBe(first.at(-2));
    await page.locator('[data-trail-list] button[data-goto="0"]').click();
    expect((await visibleNode(page)).id).toBe(first[0]);
    expect(await page.locator('[data-trail]').isVisible()).toBe(false);
    const second = await clickThrough(page, 1);
    expect(second[1]).not.toBe(first[1]);
    await page.goBack();
    expect((await visibleNode(page)).id).toBe(second.at(-2));
  });

  it('gives the same outcome when a shared URL is opened again', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    await clickThrough(page, 1);
    const shared = page.url();
    const before = await visibleNode(page);
    const { page: other } = await openPage(browser());
    await other.goto(shared);
    expect(await visibleNode(other)).toEqual(before);
    await other.reload();
    expect(await visibleNode(other)).toEqual(before);
  });

  it('reaches an outcome with the keyboard alone, focus following each question', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    const start = await visibleNode(page);
    // Tab from the top of the page to the first answer of the first question.
    let onAnswer = false;
    for (let presses = 0; presses < 40 && !onAnswer; presses++) {
      await page.keyboard.press('Tab');
      onAnswer = await page.evaluate(() => document.activeElement?.classList.contains('answer') ?? false);
    }
    expect(onAnswer).toBe(true);
    for (let step = 0; step < 15; step++) {
      await page.keyboard.press('Enter');
      const node = await visibleNode(page);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(node.title);
      if (node.kind === 'outcome') {
        expect(node.id).not.toBe(start.id);
        return;
      }
      // From the question's heading, Tab passes any links in the help text, then reaches the first answer.
      let next = false;
      for (let presses = 0; presses < 6 && !next; presses++) {
        await page.keyboard.press('Tab');
        next = await page.evaluate(() => document.activeElement?.classList.contains('answer') ?? false);
      }
      expect(next).toBe(true);
    }
    throw new Error('no outcome reached by keyboard');
  });

  it('falls back to the start with a notice when the URL path is malformed', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/`);
    const start = await visibleNode(page);
    const objectKeys = ['__proto__', 'constructor', 'toString', 'windows/hasOwnProperty'].map((key) => `?path=${key}`);
    for (const bad of ['?path=not-an-answer', '?path=%E0%A4%A', '?path=//x/y/z#nowhere', ...objectKeys]) {
      await page.goto(`${baseUrl}/decide/${bad}`);
      expect((await visibleNode(page)).id, bad).toBe(start.id);
      await expect(page.locator('[data-notice]').isVisible(), bad).resolves.toBe(true);
      await expect(page.locator('[data-live]').textContent(), bad).resolves.not.toMatch(/function|object Object/);
    }
    expect(errors).toEqual([]);
  });

  it('shows the notes and next steps of the answers given on the way, and only those', async () => {
    const { page, errors } = await openPage(browser());
    const kms = 'twenty-five-or-more/dynamic-dns/back-within-180-days#kms';
    await page.goto(`${baseUrl}/decide/?path=windows/own-hardware/volume/main-site/no-domain/${kms}`);
    const notes = page.locator('[data-node="kms"] [data-path-notes]');
    await expect(notes.isVisible()).resolves.toBe(true);
    const text = (await notes.locator('li:visible').allTextContents()).join(' ');
    expect(text).toContain('ESU key');
    expect(text).toContain('Workgroup machines get no domain policy');
    expect(text).not.toContain('ospp.vbs /inpkey'); // an Office MAK note is not for a Windows KMS outcome
    await expect(page.locator('[data-node="kms"] li[data-when]:visible', { hasText: 'Windows 10 ESU keys, online and by phone' }).count()).resolves.toBe(1);

    // The same outcome for a domain that chose a central host: no workgroup note.
    await page.goto(`${baseUrl}/decide/?path=windows/own-hardware/volume/main-site/central-kms/${kms}`);
    const domainText = (await notes.locator('li:visible').allTextContents()).join(' ');
    expect(domainText).not.toContain('Workgroup machines');
    expect(domainText).toContain('central KMS host');

    // Office's own walk carries the Office notes and the ospp.vbs next step.
    await page.goto(`${baseUrl}/decide/?path=office/office-volume/office-no-domain/office-five-or-more#office-kms`);
    const office = page.locator('[data-node="office-kms"]');
    expect((await office.locator('[data-path-notes] li:visible').allTextContents()).join(' ')).toContain('ospprearm.exe');
    await expect(office.locator('li[data-when]:visible a[href="/guides/command-reference/#office-osppvbs"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows every path note, each saying which answer it is for, without JavaScript', async () => {
    const { page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/outcomes/kms/`);
    const notes = page.locator('[data-path-notes] li');
    expect(await notes.count()).toBeGreaterThan(3);
    for (const note of await notes.allTextContents()) expect(note).toMatch(/^If you answered “[^”]+”:/);
  });

  it('reaches an outcome through plain links with JavaScript disabled', async () => {
    const { page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/`);
    for (let step = 0; step < 15; step++) {
      const node = await visibleNode(page);
      if (node.kind === 'outcome') {
        expect(await page.locator(`[data-node="${node.id}"] .card`).count()).toBeGreaterThan(0);
        return;
      }
      await page.locator(`[data-node="${node.id}"] a.answer`).first().click();
      // A real navigation: wait for the new page's stylesheet before judging what is visible.
      await page.waitForLoadState('load');
    }
    throw new Error('no outcome reached without JavaScript');
  });

  it('starts the tree from the home page', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    const firstAnswer = page.locator('.start-tree a.answer').first();
    await firstAnswer.click();
    await page.waitForURL(/\/decide\//);
    const node = await visibleNode(page);
    expect(new URL(page.url()).hash).toBe(`#${node.id}`);
    expect(await page.locator('[data-trail-list] li').count()).toBe(1);
  });
});
