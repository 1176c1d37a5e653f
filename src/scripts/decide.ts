import { answerKey } from '../lib/tree/conditional';
import { countPhrase, judgeCount, nearWarning, type Counts } from '../lib/tree/counts';
import { evaluate, parsePath, type TreeIndex } from '../lib/tree/evaluate';
import {
  answerForCounts,
  countQuestion,
  countsFor,
  decodePlan,
  decodePosition,
  hostOf,
  PRODUCTS,
  planQuery,
  productName,
  sharersOf,
  type Plan,
  type PlanPosition,
  type Product,
} from '../lib/tree/plan';

/**
 * The /decide/ island: shows one node of the server-rendered tree at a time,
 * keeps the reader's plan (each part of the estate, with a walk for Windows and
 * one for Office) in the URL, lists the answers so far, takes typed counts on
 * count questions, and moves focus and announcements as the reader goes.
 * Without it, the same page works through plain links and :target.
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
  const planView = $<HTMLElement>('[data-plan]');
  const partsView = $<HTMLOListElement>('[data-plan-parts]');
  const walkTitle = $<HTMLElement>('[data-walk-title]');
  const next = $<HTMLElement>('[data-walk-next]');
  const node = (id: string) => root.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`);
  const titleOf = (id: string) => node(id)?.querySelector('.node-title')?.textContent?.trim() ?? id;
  const labelOf = (question: string, answer: string) =>
    node(question)?.querySelector(`[data-answer="${CSS.escape(answer)}"]`)?.textContent?.trim() ?? answer;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const element = document.createElement(tag);
    Object.assign(element, props);
    element.append(...children);
    return element;
  };
  const button = (text: string, data: Record<string, string>, label?: string) => {
    const element = make('button', { type: 'button', textContent: text });
    Object.assign(element.dataset, data);
    if (label) element.setAttribute('aria-label', label);
    return element;
  };

  // Answers become buttons: they change the page, they do not navigate.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a.answer')) {
    const answer = make('button', { type: 'button', className: 'answer', textContent: link.textContent });
    answer.dataset.answer = link.dataset.answer;
    link.replaceWith(answer);
  }
  // The first question can start both walks of a part at once: Windows, then Office.
  const both = make('button', { type: 'button', className: 'answer', textContent: 'Windows and Office: both, one after the other' });
  both.dataset.both = '';
  node(index.start)?.querySelector('.answers')?.append(make('li', {}, both));
  for (const form of root.querySelectorAll<HTMLElement>('[data-count-form]')) form.hidden = false;
  root.classList.add('js');
  planView.hidden = false;

  let plan: Plan = { parts: [] };
  let at: PlanPosition = { part: 0, walk: 0 };
  // The tab names the recommendation once there is one, as its own page does.
  const pageTitle = document.title;

  const part = () => plan.parts[at.part]!;
  const answers = () => part().walks[at.walk] ?? [];
  const setAnswers = (walk: string[]) => {
    part().walks[at.walk] = walk;
  };
  const partName = (position: number) => plan.parts[position]?.name || `Part ${position + 1}`;
  const products = (position: number) => new Set(plan.parts[position]!.walks.map((walk) => walk[0]));

  /** What a walk's count question judged, with the counts of the parts sharing its host: a phrase and a warning. */
  const countOf = (position: number, walk: readonly string[]) => {
    const steps = evaluate(index, walk).steps;
    for (const step of steps) {
      const question = countQuestion(index, step.question);
      if (!question) continue;
      const counts = countsFor(plan, position);
      const verdict = judgeCount(question.kind, counts);
      // A count of zero means the reader chose a range instead of typing numbers.
      if (verdict.count === 0) return undefined;
      const expected = answerForCounts(question, counts);
      return {
        phrase: countPhrase(question.kind, verdict),
        warning: nearWarning(question.kind, verdict),
        stale: expected !== undefined && expected !== step.answer ? `The counts have changed since this walk was answered: they now give “${labelOf(step.question, expected)}”. Open it to answer again.` : undefined,
      };
    }
    return undefined;
  };

  const renderPlan = () => {
    partsView.replaceChildren(
      ...plan.parts.map((_, position) => {
        const item = make('li', { className: position === at.part ? 'plan-part current' : 'plan-part' });
        const name = make('input', { type: 'text', value: plan.parts[position]!.name, placeholder: partName(position), maxLength: 60 });
        name.dataset.partName = String(position);
        name.setAttribute('aria-label', `Name of part ${position + 1}`);
        const host = make('select');
        host.dataset.partHost = String(position);
        host.append(make('option', { value: '', textContent: 'its own, if it needs one' }));
        plan.parts.forEach((other, candidate) => {
          if (candidate === position || other.uses !== undefined) return;
          host.append(make('option', { value: String(candidate), textContent: `the one at ${partName(candidate)}`, selected: hostOf(plan, position) === candidate }));
        });
        const sharers = sharersOf(plan, position).map(partName);
        const walks = make(
          'ul',
          { className: 'plan-walks' },
          ...plan.parts[position]!.walks.map((walk, number) => {
            const result = evaluate(index, walk);
            const count = result.done ? countOf(position, walk) : undefined;
            const line = make('li', { className: position === at.part && number === at.walk ? 'current' : '' }, make('strong', { textContent: `${productName(walk) || 'Not chosen yet'}: ` }));
            line.dataset.planWalk = `${position}.${number}`;
            line.append(result.done ? titleOf(result.node) : 'not answered yet');
            if (count) line.append(` (${count.phrase})`);
            line.append(' ', button(position === at.part && number === at.walk ? 'Showing' : 'Open', { open: `${position}.${number}` }, `${position === at.part && number === at.walk ? 'Showing' : 'Open'}: the ${productName(walk) || 'new'} walk of ${partName(position)}`));
            for (const text of [count?.warning, count?.stale]) if (text) line.append(make('p', { className: 'plan-warning small', textContent: text }));
            return line;
          }),
        );
        const actions = make('p', { className: 'plan-part-actions' });
        for (const product of Object.keys(PRODUCTS) as Product[]) {
          if (!products(position).has(product)) actions.append(button(`Plan ${PRODUCTS[product]} here`, { addWalk: `${position}.${product}` }, `Plan ${PRODUCTS[product]} here: ${partName(position)}`));
        }
        if (plan.parts.length > 1) actions.append(button('Remove this part', { removePart: String(position) }, `Remove this part: ${partName(position)}`));
        item.append(
          make('p', { className: 'plan-part-head' }, name, ' ', make('label', { className: 'small' }, 'KMS host: ', host)),
          ...(sharers.length ? [make('p', { className: 'small', textContent: `Its KMS host also serves ${sharers.join(', ')}: their counts are added to this part's.` })] : []),
          walks,
          actions,
        );
        return item;
      }),
    );
  };

  /** The line under a count question: the counts it will be judged on, with the parts sharing the host. */
  const showCountForm = (question: string) => {
    const form = node(question)?.querySelector<HTMLElement>('[data-count-form]');
    if (!form) return;
    const own: Counts = part().counts;
    for (const input of form.querySelectorAll<HTMLInputElement>('[data-count]')) input.value = String(own[input.dataset.count as keyof Counts]);
    const sharers = sharersOf(plan, at.part);
    const host = form.querySelector<HTMLElement>('[data-count-host]')!;
    const kind = countQuestion(index, question)?.kind ?? 'windows';
    const extra = judgeCount(kind, countsFor(plan, at.part)).count - judgeCount(kind, own).count;
    host.textContent = sharers.length ? `This part's KMS host also serves ${sharers.map(partName).join(', ')}, with ${extra.toLocaleString('en')} more: they are added to your numbers.` : '';
  };

  const show = (push: boolean, moveFocus: boolean) => {
    const result = evaluate(index, answers());
    if (result.error) setAnswers([]);
    notice.hidden = !result.error;
    notice.textContent = result.error ? 'That link does not match the current questions, so you are back at the start.' : '';
    for (const element of root.querySelectorAll<HTMLElement>('[data-node]')) element.classList.toggle('current', element.dataset.node === result.node);
    // Notes and next steps that other paths add to this outcome are not for this reader.
    const given = new Set(result.steps.map(answerKey));
    for (const item of root.querySelectorAll<HTMLElement>('[data-when]')) item.hidden = !given.has(item.dataset.when!);
    for (const section of root.querySelectorAll<HTMLElement>('[data-path-notes]')) section.hidden = !section.querySelector('li:not([hidden])');
    list.replaceChildren(
      ...result.steps.map((step, position) => {
        const change = button('Change', { goto: String(position) }, `Change your answer to: ${titleOf(step.question)}`);
        return make('li', {}, `${titleOf(step.question)} `, make('strong', { textContent: labelOf(step.question, step.answer) }), ' ', change);
      }),
    );
    trail.hidden = result.steps.length === 0;
    const several = plan.parts.length > 1 || part().walks.length > 1;
    walkTitle.hidden = !several;
    walkTitle.textContent = several ? `${partName(at.part)}: ${productName(answers()) || 'choose a product'}` : '';
    if (countQuestion(index, result.node)) showCountForm(result.node);
    // After an outcome: the next walk of the plan that is not finished, if any.
    const pending = result.done
      ? plan.parts.flatMap((candidate, position) => candidate.walks.map((walk, number) => ({ position, number, walk }))).find(({ walk }) => !evaluate(index, walk).done)
      : undefined;
    next.replaceChildren(
      ...(pending
        ? [button(`Continue with ${productName(pending.walk) || 'the next walk'} for ${partName(pending.position)}`, { open: `${pending.position}.${pending.number}` })]
        : result.done
          ? [make('span', { className: 'small', textContent: 'Plan another product or part of your estate below.' })]
          : []),
    );
    next.hidden = !result.done;
    renderPlan();
    // A plan of one walk is the recommendation itself: its printout is the decision report alone.
    planView.toggleAttribute('data-single', plan.parts.length === 1 && part().walks.length === 1);
    // Only the query and the fragment change; the page keeps its own path, so the same code works from a
    // copy opened as a file (the portable edition), where a history entry may not change the path.
    const state = planQuery(plan, at, result.node);
    const url = `${location.pathname}${state}`;
    // The printed report's link reopens exactly this plan, on the live site (the build wrote its address there), so
    // a report printed from the portable edition does not point into someone's downloads folder. The path of that
    // address is kept, with the site's base if it is served under one.
    for (const reopen of root.querySelectorAll<HTMLElement>('[data-reopen]')) {
      const address = new URL(reopen.textContent || location.href);
      reopen.textContent = new URL(`${address.pathname}${state}`, address).href;
    }
    if (push) history.pushState(null, '', url);
    else if (result.error) history.replaceState(null, '', url);
    live.textContent = `${result.done ? 'Recommendation' : `Question ${result.steps.length + 1}`}: ${titleOf(result.node)}`;
    document.title = result.done ? `Recommendation: ${titleOf(result.node)} · ${pageTitle}` : pageTitle;
    if (moveFocus) {
      const title = node(result.node)?.querySelector<HTMLElement>('.node-title');
      title?.focus();
      // The recommendation is what the reader came for: bring it into view after the last answer.
      if (result.done) title?.scrollIntoView({ block: 'start' });
    }
  };

  const load = () => {
    const params = new URLSearchParams(location.search);
    plan = decodePlan(params.get('plan')) ?? { parts: [{ name: '', counts: { clients: 0, servers: 0, office: 0 }, walks: [parsePath(params.get('path'))] }] };
    for (const candidate of plan.parts) if (!candidate.walks.length) candidate.walks.push([]);
    at = decodePosition(plan, params.get('at'));
    show(false, false);
  };

  const answer = (id: string) => setAnswers([...answers(), id]);

  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!target) return;
    const { dataset } = target;
    if (target.hasAttribute('data-both')) {
      part().walks = [['windows'], ['office']];
      at = { part: at.part, walk: 0 };
    } else if (dataset.answer) answer(dataset.answer);
    else if (target.hasAttribute('data-count-go')) {
      const result = evaluate(index, answers());
      const question = countQuestion(index, result.node);
      if (!question) return;
      for (const input of node(result.node)!.querySelectorAll<HTMLInputElement>('[data-count]')) {
        const value = Math.floor(Number(input.value));
        part().counts[input.dataset.count as keyof Counts] = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1_000_000) : 0;
      }
      const chosen = answerForCounts(question, countsFor(plan, at.part));
      if (!chosen) return;
      answer(chosen);
    } else if (dataset.goto) setAnswers(answers().slice(0, Number(dataset.goto)));
    else if (target.hasAttribute('data-back')) setAnswers(answers().slice(0, -1));
    else if (target.hasAttribute('data-restart')) {
      plan = { parts: [{ name: '', counts: { clients: 0, servers: 0, office: 0 }, walks: [[]] }] };
      at = { part: 0, walk: 0 };
    } else if (dataset.open) at = decodePosition(plan, dataset.open);
    else if (dataset.addWalk) {
      const [position = '0', product = 'windows'] = dataset.addWalk.split('.');
      const walks = plan.parts[Number(position)]!.walks;
      // A part's first walk may still be empty: the product goes there.
      const empty = walks.findIndex((walk) => walk.length === 0);
      if (empty >= 0) walks[empty] = [product];
      else walks.push([product]);
      at = { part: Number(position), walk: empty >= 0 ? empty : walks.length - 1 };
    } else if (target.hasAttribute('data-add-part')) {
      plan.parts.push({ name: `Part ${plan.parts.length + 1}`, counts: { clients: 0, servers: 0, office: 0 }, walks: [[]] });
      if (plan.parts.length === 2 && !plan.parts[0]!.name) plan.parts[0]!.name = 'Part 1';
      at = { part: plan.parts.length - 1, walk: 0 };
    } else if (dataset.removePart) {
      const removed = Number(dataset.removePart);
      plan.parts.splice(removed, 1);
      for (const candidate of plan.parts) {
        if (candidate.uses === removed) delete candidate.uses;
        else if (candidate.uses !== undefined && candidate.uses > removed) candidate.uses--;
      }
      at = { part: Math.min(at.part, plan.parts.length - 1), walk: 0 };
    } else if (target.hasAttribute('data-print-plan')) {
      print();
      return;
    } else return;
    show(true, true);
  });

  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.dataset.partName !== undefined) plan.parts[Number(target.dataset.partName)]!.name = target.value.replace(/[~;]/g, ' ').trim().slice(0, 60);
    else if (target.dataset.partHost !== undefined) {
      const position = Number(target.dataset.partHost);
      if (target.value === '') delete plan.parts[position]!.uses;
      else {
        plan.parts[position]!.uses = Number(target.value);
        // A part whose host others used now uses another's: they fall back to their own.
        for (const candidate of plan.parts) if (candidate.uses === position) delete candidate.uses;
      }
    } else return;
    show(true, false);
  });

  addEventListener('popstate', load);
  load();
}
