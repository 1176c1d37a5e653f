import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface TreeJson {
  start: string;
  questions: { id: string; question: string; answers: { label: string }[] }[];
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
    const question = page.locator('.outline a', { hasText: first.question }).first();
    expect(await question.isVisible()).toBe(true);
    const box = await question.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    const shown = await page.locator('.outline-answer').allTextContents();
    for (const answer of questions.flatMap((q) => q.answers)) expect(shown).toContain(answer.label);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // Any text box cut by its own box (a label spilling out or clipped).
      spilled: [...document.querySelectorAll('.outline a, .outline p')].filter((element) => element.scrollWidth > element.clientWidth + 1).length,
    }));
    expect(overflow).toEqual({ page: 0, spilled: 0 });
    expect(errors).toEqual([]);
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
});
