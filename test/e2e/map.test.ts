import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface TreeJson {
  start: string;
  questions: { id: string; question: string; answers: { label: string; next: string }[] }[];
  outcomes: { id: string; title: string }[];
}

async function tree(): Promise<TreeJson> {
  return (await (await fetch(`${baseUrl}/decision-tree.json`)).json()) as TreeJson;
}

describe('the decision tree on one page (/decide/map/)', () => {
  it.each([
    ['phone', 375, 800],
    ['desktop', 1280, 800],
  ])('opens on a %s showing the first question, every answer in full, and nothing wider than the screen', async (_, width, height) => {
    const { page, errors } = await openPage(browser(), { viewport: { width, height } });
    await page.goto(`${baseUrl}/decide/map/`);
    const { start, questions } = await tree();
    const first = questions.find((question) => question.id === start)!;
    const question = page.locator('.outline summary', { hasText: first.question }).first();
    expect(await question.isVisible()).toBe(true);
    const box = await question.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    const shown = await page.locator('.outline-answer').allTextContents();
    for (const answer of questions.flatMap((q) => q.answers)) expect(shown).toContain(answer.label);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // Any text box cut by its own box (a label spilling out or clipped).
      spilled: [...document.querySelectorAll('.outline a, .outline p, .outline summary')].filter((element) => element.scrollWidth > element.clientWidth + 1).length,
    }));
    expect(overflow).toEqual({ page: 0, spilled: 0 });
    expect(errors).toEqual([]);
  });

  it.each([
    ['phone', 375],
    ['desktop', 1280],
  ])('folds by branch on a %s, and folds or unfolds every branch, all without JavaScript', async (_, width) => {
    const { page } = await openPage(browser(), { viewport: { width, height: 800 }, javaScriptEnabled: false });
    await page.goto(`${baseUrl}/decide/map/`);
    const { start, questions } = await tree();
    const first = questions.find((question) => question.id === start)!;
    const second = questions.find((question) => question.id === first.answers[0]!.next)!;
    // A branch: the second question, with its answers, folds under its summary and unfolds again.
    const branch = page.locator('.outline details', { has: page.locator(':scope > summary', { hasText: second.question }) }).first();
    const answer = branch.locator(':scope > ul > li > .outline-answer').first();
    expect(await answer.isVisible()).toBe(true);
    await branch.locator(':scope > summary').click();
    expect(await answer.isVisible()).toBe(false);
    expect(await page.locator('.outline-answer', { hasText: first.answers[1]!.label }).first().isVisible()).toBe(true);
    await branch.locator(':scope > summary').click();
    expect(await answer.isVisible()).toBe(true);
    // Fold every branch: the first question's answers and the questions they lead to, nothing deeper.
    await page.locator('a', { hasText: 'Fold every branch' }).click();
    await page.waitForURL(/\/decide\/map\/folded\/$/);
    const shown = async () => (await page.locator('.outline-answer:visible').allTextContents()).map((label) => label.trim());
    expect(await shown()).toEqual(first.answers.map((answer) => answer.label));
    expect(await page.locator('.outline summary:visible').count()).toBe(1 + first.answers.filter((answer) => questions.some((question) => question.id === answer.next)).length);
    // One branch unfolds on its own; then every branch.
    await page.locator('.outline summary', { hasText: second.question }).first().click();
    expect(await shown()).toEqual(expect.arrayContaining(second.answers.map((answer) => answer.label)));
    await page.locator('a', { hasText: 'Unfold every branch' }).click();
    await page.waitForURL(/\/decide\/map\/$/);
    expect((await shown()).length).toBe(await page.locator('.outline-answer').count());
  });

  it('prints every question and recommendation, in black on white', async () => {
    const { page } = await openPage(browser(), { colorScheme: 'dark' });
    await page.goto(`${baseUrl}/decide/map/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => {
      const outline = document.querySelector('.outline')!;
      let clipped = 0;
      for (let element: Element | null = outline; element; element = element.parentElement) {
        const style = getComputedStyle(element);
        if (style.overflow !== 'visible' && element.scrollHeight > element.clientHeight + 1) clipped++;
      }
      return { clipped, body: getComputedStyle(document.body).backgroundColor, text: outline.textContent ?? '' };
    });
    expect(printed.clipped).toBe(0);
    expect(printed.body).toBe('rgb(255, 255, 255)');
    const { outcomes } = await tree();
    for (const outcome of outcomes) expect(printed.text).toContain(outcome.title);
  });

  it('prints every branch from the folded page too', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/decide/map/folded/`);
    await page.emulateMedia({ media: 'print' });
    // innerText holds only what is laid out: a folded branch that did not print would be missing.
    const text = await page.locator('.outline').innerText();
    const { outcomes, questions } = await tree();
    for (const outcome of outcomes) expect(text).toContain(outcome.title);
    for (const question of questions) expect(text).toContain(question.question);
    expect(await page.locator('a', { hasText: 'Unfold every branch' }).isVisible()).toBe(false);
  });
});
