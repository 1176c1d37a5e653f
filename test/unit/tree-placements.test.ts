import { describe, expect, it } from 'vitest';
import { indexTree, linkTree, type FactorRef } from '../../src/lib/tree/link';
import { readTreeFile } from '../../src/lib/tree/load';
import { describePlacements } from '../../src/lib/tree/placements';

const FACTORS: FactorRef[] = [
  { id: 'mak/limited', file: 'content/factors/mak/limited.mdx', title: 'Limited', summary: 'Limited.', method: 'mak', stance: 'con', tags: ['activation-limits'] },
  { id: 'kms/finds-host', file: 'content/factors/kms/finds-host.mdx', title: 'Finds host', summary: 'Finds host.', method: 'kms', stance: 'pro', tags: ['dns'] },
  { id: 'mak/forever', file: 'content/factors/mak/forever.mdx', title: 'Forever', summary: 'Forever.', method: 'mak', stance: 'pro', tags: ['renewal'] },
  { id: 'kms/renews', file: 'content/factors/kms/renews.mdx', title: 'Renews', summary: 'Renews.', method: 'kms', stance: 'con', tags: ['renewal'] },
];

/** The same question in two branches (as in content/decision-tree.yaml), both citing mak/limited. */
const TREE = `
- id: size
  type: question
  question: "How many machines?"
  answers:
    - { id: many, label: "Hundreds", next: reimage-large, cites: [kms/renews] }
    - { id: few, label: "A handful", next: reimage-small, cites: [kms/renews] }
- id: reimage-large
  type: question
  question: "Do you reimage often?"
  answers:
    - { id: often, label: "Yes", next: use-kms, cites: [mak/limited] }
    - { id: rarely, label: "No", next: use-mak, cites: [kms/renews] }
- id: reimage-small
  type: question
  question: "Do you reimage often?"
  answers:
    - { id: often, label: "Yes", next: use-mak, cites: [mak/limited] }
    - { id: rarely, label: "No", next: use-mak, cites: [kms/renews] }
- id: use-kms
  type: outcome
  title: "Use KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host, kms/renews, mak/limited]
- id: use-mak
  type: outcome
  title: "Use MAK"
  recommends: [mak]
  rationale: "Because."
  nextSteps: [{ label: "MAK", href: /guides/mak/ }]
  cites: [mak/forever, mak/limited]
`;

function placementsOf(factorId: string) {
  const read = readTreeFile('tree.yaml', TREE);
  expect(read.problems).toEqual([]);
  const nodes = read.nodes;
  const { tree, problems } = linkTree(nodes, FACTORS, 'tree.yaml');
  expect(problems).toEqual([]);
  return describePlacements(tree.decidesAt[factorId] ?? [], new Map(tree.nodes.map((node) => [node.id, node])), indexTree(nodes));
}

describe('where a factor decides', () => {
  it('tells two questions with the same text apart by the answers that lead to each', () => {
    const questions = placementsOf('mak/limited').filter((view) => view.kind === 'Question');
    expect(questions.map((view) => [view.text, view.answer, view.reachedBy])).toEqual([
      ['Do you reimage often?', 'Yes', ['Hundreds']],
      ['Do you reimage often?', 'Yes', ['A handful']],
    ]);
    expect(questions.map((view) => view.href)).toEqual(['/decide/?path=many#reimage-large', '/decide/?path=few#reimage-small']);
  });

  it('adds nothing to an entry whose text is its own', () => {
    const outcomes = placementsOf('mak/limited').filter((view) => view.kind === 'Recommendation');
    expect(outcomes.map((view) => [view.text, view.reachedBy])).toEqual([
      ['Use KMS', []],
      ['Use MAK', []],
    ]);
  });
});
