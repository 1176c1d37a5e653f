/**
 * Walking the tree: shared by the build (static links, tests) and the browser
 * (the /decide/ page), so both follow exactly the same paths.
 */

import type { CountQuestion } from './counts';

/** The smallest shape needed to walk the tree: each question's answers and where they lead. */
export interface TreeIndex {
  /** Id of the first question. */
  start: string;
  /** questionId → answerId → id of the next question or outcome. */
  next: Record<string, Record<string, string>>;
  /** The count questions: questionId → the kind of count and each answer's bands, so typed numbers choose an answer. */
  counts?: Record<string, CountQuestion>;
}

export interface Step {
  question: string;
  answer: string;
}

export interface Evaluation {
  /** The node reached: a question still to answer, or an outcome. */
  node: string;
  /** The answers given so far, in order. */
  steps: Step[];
  /** True when the node reached is an outcome. */
  done: boolean;
  /** Set when the path did not fit the tree; the walk then restarts at the first question. */
  error?: string;
}

/** A value of the table itself, never one every object inherits (`constructor`, `__proto__`…). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Follow a list of answer ids from the first question. An unknown answer resets
 * to the start with an error; so does an id that names a property every object
 * has, such as `constructor` from a crafted URL.
 */
export function evaluate(tree: TreeIndex, answers: readonly string[]): Evaluation {
  const steps: Step[] = [];
  let node = tree.start;
  for (const answer of answers) {
    const choices = own(tree.next, node);
    const target = choices && own(choices, answer);
    if (!choices || target === undefined) {
      return {
        node: tree.start,
        steps: [],
        done: false,
        error: choices ? `"${answer}" is not an answer to this question` : 'the path goes on past an outcome',
      };
    }
    steps.push({ question: node, answer });
    node = target;
  }
  return { node, steps, done: !Object.hasOwn(tree.next, node) };
}

/** The answers of a path as written in the URL: `?path=few/no-domain`. */
export function parsePath(value: string | null | undefined): string[] {
  return (value ?? '').split('/').filter(Boolean);
}

export function formatPath(answers: readonly string[]): string {
  return answers.join('/');
}

/** URL of the /decide/ page at a path, with the node as fragment so it also works without JavaScript. */
export function decideUrl(answers: readonly string[], node: string): string {
  return answers.length ? `/decide/?path=${formatPath(answers)}#${node}` : `/decide/#${node}`;
}
