import type { Method } from '../taxonomy';
import type { TreeNode } from './schema';

/** What one answer adds to an outcome it leads to: notes and next steps for that path. */
export interface PathAddition {
  question: string;
  answer: string;
  /** The answer's label, so the reader sees why the note is there. */
  label: string;
  /** Inline Markdown. */
  notes: string[];
  nextSteps: { label: string; href: string }[];
}

/** An answer as `<question>/<answer>`: how an addition names the answer it belongs to (`data-when`), and how a factor's `decides` names it. */
export function answerKey(step: { question: string; answer: string }): string {
  return `${step.question}/${step.answer}`;
}

/** The additions that a path's own answers make, in their order. */
export function additionsFor<A extends PathAddition>(additions: readonly A[], steps: readonly { question: string; answer: string }[]): A[] {
  const given = new Set(steps.map(answerKey));
  return additions.filter((addition) => given.has(answerKey(addition)));
}

const applies = (item: { for?: readonly Method[] }, recommends: readonly Method[]) =>
  !item.for || item.for.some((method) => recommends.includes(method));

/**
 * For each outcome, the notes and next steps of the answers that can lead to
 * it, keeping only those meant for what the outcome recommends. The same
 * outcome reached through "our DNS takes no SRV records" or with Office in
 * scope then tells each reader what their path needs, without one outcome per
 * combination. Ordered as the answers appear in the tree file.
 */
export function pathAdditions(nodes: readonly TreeNode[]): Map<string, PathAddition[]> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const reach = new Map<string, Set<string>>();
  /** Outcomes reachable from a node; a cycle (reported elsewhere) stops the walk. */
  const outcomesFrom = (id: string, trail: Set<string>): Set<string> => {
    const known = reach.get(id);
    if (known) return known;
    const node = byId.get(id);
    const found = new Set<string>();
    if (node?.type === 'outcome') found.add(id);
    if (node?.type === 'question' && !trail.has(id)) {
      trail.add(id);
      for (const answer of node.answers) for (const outcome of outcomesFrom(answer.next, trail)) found.add(outcome);
      trail.delete(id);
    }
    reach.set(id, found);
    return found;
  };
  const result = new Map<string, PathAddition[]>();
  for (const node of nodes) {
    if (node.type !== 'question') continue;
    for (const answer of node.answers) {
      if (!answer.notes.length && !answer.nextSteps.length) continue;
      for (const outcomeId of outcomesFrom(answer.next, new Set())) {
        const outcome = byId.get(outcomeId);
        if (outcome?.type !== 'outcome') continue;
        const notes = answer.notes.filter((note) => applies(note, outcome.recommends)).map((note) => note.text);
        const nextSteps = answer.nextSteps.filter((step) => applies(step, outcome.recommends)).map(({ label, href }) => ({ label, href }));
        if (!notes.length && !nextSteps.length) continue;
        const list = result.get(outcomeId) ?? [];
        list.push({ question: node.id, answer: answer.id, label: answer.label, notes, nextSteps });
        result.set(outcomeId, list);
      }
    }
  }
  return result;
}
