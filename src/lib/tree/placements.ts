/**
 * How a factor page lists the places where the factor decides ("Where this
 * decides"): a recommendation, or a question with the answer that weighs it.
 * Two questions in different branches can ask the same thing; those entries
 * name the answers that lead to each, so the reader can tell them apart.
 */
import { withBase } from '../routes';
import { decideUrl, evaluate, type TreeIndex } from './evaluate';
import type { LinkedNode, Placement } from './link';

export interface PlacementView {
  kind: 'Question' | 'Recommendation';
  /** The question asked, or the recommendation's title. */
  text: string;
  /** For a question: the label of the answer that cites the factor. */
  answer: string;
  /** For an entry whose text another entry shares: the labels of the answers that lead to it. */
  reachedBy: string[];
  href: string;
}

export function describePlacements(placements: readonly Placement[], nodes: ReadonlyMap<string, LinkedNode>, index: TreeIndex): PlacementView[] {
  const views = placements.map((placement): PlacementView => {
    const node = nodes.get(placement.node);
    if (!node) throw new Error(`no node "${placement.node}" in the tree`);
    const href = withBase(decideUrl(placement.path, node.id));
    if (node.type === 'outcome') return { kind: 'Recommendation', text: node.title, answer: '', reachedBy: [], href };
    const answer = node.answers.find((candidate) => candidate.id === placement.answer)?.label ?? '';
    return { kind: 'Question', text: node.question, answer, reachedBy: [], href };
  });
  const count = new Map<string, number>();
  for (const view of views) count.set(view.text, (count.get(view.text) ?? 0) + 1);
  return views.map((view, position) => {
    if ((count.get(view.text) ?? 0) < 2) return view;
    const steps = evaluate(index, placements[position]!.path).steps;
    const reachedBy = steps.map((step) => {
      const question = nodes.get(step.question);
      return question?.type === 'question' ? (question.answers.find((answer) => answer.id === step.answer)?.label ?? step.answer) : step.answer;
    });
    return { ...view, reachedBy };
  });
}
