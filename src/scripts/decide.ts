import { answerKey } from '../lib/tree/conditional';
import { decideUrl, evaluate, parsePath, type TreeIndex } from '../lib/tree/evaluate';

/**
 * The /decide/ island: shows one node of the server-rendered tree at a time,
 * keeps the path in the URL, lists the answers so far, and moves focus and
 * announcements as the reader goes. Without it, the same page works through
 * plain links and :target.
 */
export function startDecide(): void {
  const root = document.querySelector<HTMLElement>('[data-decide]');
  // By element and id: a tree node's section can never stand in for the data.
  const data = document.querySelector<HTMLScriptElement>('script#tree-index');
  if (!root || !data) return;
  const index = JSON.parse(data.textContent ?? '{}') as TreeIndex;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const trail = $<HTMLElement>('[data-trail]');
  const list = $<HTMLOListElement>('[data-trail-list]');
  const live = $<HTMLElement>('[data-live]');
  const notice = $<HTMLElement>('[data-notice]');
  const node = (id: string) => root.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`);
  const titleOf = (id: string) => node(id)?.querySelector('.node-title')?.textContent?.trim() ?? id;
  const labelOf = (question: string, answer: string) =>
    node(question)?.querySelector(`[data-answer="${CSS.escape(answer)}"]`)?.textContent?.trim() ?? answer;

  // Answers become buttons: they change the page, they do not navigate.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.answer')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'answer';
    button.dataset.answer = link.dataset.answer;
    button.textContent = link.textContent;
    link.replaceWith(button);
  }
  root.classList.add('js');

  let answers: string[] = [];
  // The tab names the recommendation once there is one, as its own page does.
  const pageTitle = document.title;

  const show = (push: boolean, moveFocus: boolean) => {
    const result = evaluate(index, answers);
    if (result.error) answers = [];
    notice.hidden = !result.error;
    notice.textContent = result.error ? 'That link does not match the current questions, so you are back at the start.' : '';
    for (const element of root.querySelectorAll<HTMLElement>('[data-node]')) element.classList.toggle('current', element.dataset.node === result.node);
    // Notes and next steps that other paths add to this outcome are not for this reader.
    const given = new Set(result.steps.map(answerKey));
    for (const item of root.querySelectorAll<HTMLElement>('[data-when]')) item.hidden = !given.has(item.dataset.when!);
    for (const section of root.querySelectorAll<HTMLElement>('[data-path-notes]')) section.hidden = !section.querySelector('li:not([hidden])');
    list.replaceChildren(
      ...result.steps.map((step, position) => {
        const item = document.createElement('li');
        const change = document.createElement('button');
        change.type = 'button';
        change.dataset.goto = String(position);
        change.textContent = 'Change';
        change.setAttribute('aria-label', `Change your answer to: ${titleOf(step.question)}`);
        item.append(`${titleOf(step.question)} `, Object.assign(document.createElement('strong'), { textContent: labelOf(step.question, step.answer) }), ' ', change);
        return item;
      }),
    );
    trail.hidden = result.steps.length === 0;
    // Only the query and the fragment change; the page keeps its own path, so the same code works from a
    // copy opened as a file (the portable edition), where a history entry may not change the path.
    const link = decideUrl(answers, result.node);
    const state = link.slice(link.search(/[?#]/));
    const url = `${location.pathname}${state}`;
    // The printed report's link reopens exactly this path, on the live site (the build wrote its address there), so
    // a report printed from the portable edition does not point into someone's downloads folder. The path of that
    // address is kept, with the site's base if it is served under one.
    for (const reopen of root.querySelectorAll<HTMLElement>('[data-reopen]')) {
      const live = new URL(reopen.textContent || location.href);
      reopen.textContent = new URL(`${live.pathname}${state}`, live).href;
    }
    if (push) history.pushState(null, '', url);
    else if (result.error) history.replaceState(null, '', url);
    live.textContent = `${result.done ? 'Recommendation' : `Question ${result.steps.length + 1}`}: ${titleOf(result.node)}`;
    document.title = result.done ? `Recommendation: ${titleOf(result.node)} · ${pageTitle}` : pageTitle;
    if (moveFocus) node(result.node)?.querySelector<HTMLElement>('.node-title')?.focus();
  };

  const load = () => {
    answers = parsePath(new URLSearchParams(location.search).get('path'));
    show(false, false);
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.answer) answers = [...answers, button.dataset.answer];
    else if (button.dataset.goto) answers = answers.slice(0, Number(button.dataset.goto));
    else if (button.hasAttribute('data-back')) answers = answers.slice(0, -1);
    else if (button.hasAttribute('data-restart')) answers = [];
    else return;
    show(true, true);
  });
  addEventListener('popstate', load);
  load();
}
