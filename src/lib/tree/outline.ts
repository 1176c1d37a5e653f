import { outcomeUrl, withBase } from '../routes';
import { decideUrl } from './evaluate';
import type { LinkedTree } from './link';

/** A recommendation where a path of answers ends. */
export interface OutlineOutcome {
  kind: 'outcome';
  id: string;
  title: string;
  /** The interactive tree at this point, with the answers that lead here. */
  href: string;
  /** The recommendation's own page. */
  page: string;
}

/** A question with each of its answers and where that answer leads. */
export interface OutlineQuestion {
  kind: 'question';
  id: string;
  text: string;
  href: string;
  answers: { label: string; next: OutlineNode }[];
}

export type OutlineNode = OutlineQuestion | OutlineOutcome;

/**
 * The whole tree as nested questions and answers, from the first question:
 * what /decide/map/ shows as nested lists. A recommendation reached by several
 * paths appears once per path, so each entry links to exactly that point of the
 * interactive tree. The content check has ruled out cycles and dangling answers.
 */
export function treeOutline(linked: LinkedTree): OutlineNode {
  const nodes = new Map(linked.nodes.map((node) => [node.id, node]));
  const grow = (id: string, path: string[]): OutlineNode => {
    const node = nodes.get(id);
    if (!node) throw new Error(`decision tree: no node "${id}"`);
    if (node.type === 'outcome') return { kind: 'outcome', id, title: node.title, href: withBase(decideUrl(path, id)), page: outcomeUrl(id) };
    return {
      kind: 'question',
      id,
      text: node.question,
      href: withBase(decideUrl(path, id)),
      answers: node.answers.map((answer) => ({ label: answer.label, next: grow(answer.next, [...path, answer.id]) })),
    };
  };
  return grow(linked.start, []);
}

/** One way through the tree to a recommendation: the answers given, in order, and the tree at that point. */
export interface OutcomePath {
  answers: string[];
  href: string;
}

/** Every path of answers that ends at the recommendation `id`, in the order the outline shows them. */
export function outcomePaths(outline: OutlineNode, id: string): OutcomePath[] {
  const found: OutcomePath[] = [];
  const walk = (node: OutlineNode, answers: string[]) => {
    if (node.kind === 'outcome') {
      if (node.id === id) found.push({ answers, href: node.href });
      return;
    }
    for (const answer of node.answers) walk(answer.next, [...answers, answer.label]);
  };
  walk(outline, []);
  return found;
}
