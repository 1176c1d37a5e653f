import { answerKey, type PathAddition } from './conditional';

/** One next step of a recommendation, listed once however many paths add it. */
export interface OutcomeStep {
  label: string;
  href: string;
  /** The answers that add it (`answerKey` and label); empty for a step of the recommendation itself. */
  when: { key: string; label: string }[];
}

/**
 * A recommendation's next steps, each page once: its own first, then those that answers on the way add, in the
 * tree's order, with every answer that adds the same page. KMS reached with "our DNS takes no SRV records" for
 * clients or for servers then lists "How clients find a KMS host" once, not once per answer; a step the
 * recommendation lists itself is never repeated as an answer's.
 */
export function outcomeNextSteps(outcome: { nextSteps: readonly { label: string; href: string }[]; additions: readonly PathAddition[] }): OutcomeStep[] {
  const steps = new Map<string, OutcomeStep>();
  for (const step of outcome.nextSteps) if (!steps.has(step.href)) steps.set(step.href, { label: step.label, href: step.href, when: [] });
  for (const addition of outcome.additions) {
    for (const step of addition.nextSteps) {
      const known = steps.get(step.href);
      if (!known) steps.set(step.href, { label: step.label, href: step.href, when: [{ key: answerKey(addition), label: addition.label }] });
      else if (known.when.length > 0 && !known.when.some((when) => when.key === answerKey(addition))) known.when.push({ key: answerKey(addition), label: addition.label });
    }
  }
  return [...steps.values()];
}

/** Quoted labels joined for a sentence: `“A”`, `“A” or “B”`, `“A”, “B” or “C”`. */
export function eitherOf(labels: readonly string[]): string {
  const quoted = labels.map((label) => `“${label}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}
