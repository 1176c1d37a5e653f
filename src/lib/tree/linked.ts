import type { Stance } from '../taxonomy';
import { resolveCitation, type TreeContext } from './context';
import { answerKey, pathAdditions, type PathAddition } from './conditional';
import type { Answer, Outcome, Question } from './schema';

export interface LinkedAnswer extends Pick<Answer, 'notes' | 'nextSteps' | 'band'> {
  id: string;
  label: string;
  next: string;
  /** Factor ids this answer cites, directly, by query, or through a factor's `decides`. */
  factors: string[];
}

export interface LinkedQuestion extends Omit<Question, 'answers'> {
  answers: LinkedAnswer[];
  /** Shortest list of answers that reaches this question from the start. */
  path: string[];
}

export interface LinkedOutcome extends Omit<Outcome, 'cites'> {
  pros: string[];
  cons: string[];
  path: string[];
  /** Notes and next steps that the answers on the way add, for the paths that lead here. */
  additions: PathAddition[];
}

export type LinkedNode = LinkedQuestion | LinkedOutcome;

/** One place in the tree where a factor decides: an answer of a question, or an outcome. */
export interface Placement {
  node: string;
  answer?: string;
  /** Answers that reach `node` from the start. */
  path: string[];
}

export interface LinkedTree {
  start: string;
  nodes: LinkedNode[];
  /** factor id → the places in the tree that cite it. */
  decidesAt: Record<string, Placement[]>;
}

/** Link the tree both ways: answers and outcomes to the factors they cite, factors to the places where they decide. */
export function linkNodes(context: TreeContext): LinkedTree {
  const ids = new Set(context.factorById.keys());
  const decidesAt: Record<string, Placement[]> = {};
  const place = (factor: string, placement: Placement) => {
    const list = (decidesAt[factor] ??= []);
    if (!list.some((existing) => existing.node === placement.node && existing.answer === placement.answer)) list.push(placement);
  };
  const additions = pathAdditions([...context.byId.values()]);
  const nodes: LinkedNode[] = [...context.byId.values()].map((node) => {
    const path = context.paths.get(node.id) ?? [];
    if (node.type === 'question') {
      const answers = node.answers.map((answer) => {
        const cited = [...answer.cites.flatMap((citation) => resolveCitation(citation, context.factors, ids)), ...(context.declared.get(answerKey({ question: node.id, answer: answer.id })) ?? [])];
        const unique = [...new Set(cited)];
        for (const factor of unique) place(factor, { node: node.id, answer: answer.id, path });
        return { id: answer.id, label: answer.label, next: answer.next, factors: unique, notes: answer.notes, nextSteps: answer.nextSteps, ...(answer.band ? { band: answer.band } : {}) };
      });
      return { ...node, answers, path };
    }
    const { cites, ...rest } = node;
    const cited = [...new Set(cites.flatMap((citation) => resolveCitation(citation, context.factors, ids)))];
    for (const factor of cited) place(factor, { node: node.id, path });
    const stanceOf = (stance: Stance) => cited.filter((id) => context.factorById.get(id)?.stance === stance);
    return { ...rest, pros: stanceOf('pro'), cons: stanceOf('con'), path, additions: additions.get(node.id) ?? [] };
  });
  return { start: context.nodes[0]?.id ?? '', nodes, decidesAt };
}
