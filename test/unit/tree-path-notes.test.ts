import { describe, expect, it } from 'vitest';
import { additionsFor, pathAdditions } from '../../src/lib/tree/conditional';
import { readTreeFile } from '../../src/lib/tree/load';

/**
 * Answers add notes and next steps to the outcomes they lead to, only to those
 * that recommend what the note is for: the Office note about the KMS host
 * reaches a KMS outcome, not a MAK one.
 */
const TREE = `
- id: products
  type: question
  question: "What needs activating?"
  answers:
    - id: windows
      label: "Windows"
      next: size
    - id: office
      label: "Windows and Office"
      next: size
      notes:
        - text: "Install the Office host key on the KMS host."
          for: [kms]
        - text: "Rearm Office with \`ospprearm.exe\` before capture."
      nextSteps:
        - label: "Office commands"
          href: /guides/command-reference/
          for: [mak]
- id: size
  type: question
  question: "How many?"
  answers:
    - id: many
      label: "Many"
      next: use-kms
    - id: few
      label: "Few"
      next: use-mak
- id: use-kms
  type: outcome
  title: "KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host]
- id: use-mak
  type: outcome
  title: "MAK"
  recommends: [mak]
  rationale: "Because."
  nextSteps: [{ label: "MAK", href: /guides/mak/ }]
  cites: [mak/forever]
`;

describe('notes and next steps that answers add to outcomes', () => {
  const { nodes, problems } = readTreeFile('tree.yaml', TREE);
  const additions = pathAdditions(nodes);

  it('parses', () => expect(problems).toEqual([]));

  it('gives a KMS outcome the notes meant for KMS and for every method, naming the answer', () => {
    expect(additions.get('use-kms')).toEqual([
      {
        question: 'products',
        answer: 'office',
        label: 'Windows and Office',
        notes: ['Install the Office host key on the KMS host.', 'Rearm Office with `ospprearm.exe` before capture.'],
        nextSteps: [],
      },
    ]);
  });

  it('gives a MAK outcome the note for every method and the step meant for MAK, not the KMS note', () => {
    expect(additions.get('use-mak')).toEqual([
      {
        question: 'products',
        answer: 'office',
        label: 'Windows and Office',
        notes: ['Rearm Office with `ospprearm.exe` before capture.'],
        nextSteps: [{ label: 'Office commands', href: '/guides/command-reference/' }],
      },
    ]);
  });

  it("keeps, for one reader's path, only the additions of the answers given on it", () => {
    const kms = additions.get('use-kms')!;
    expect(additionsFor(kms, [{ question: 'products', answer: 'office' }, { question: 'size', answer: 'many' }]).map((addition) => addition.answer)).toEqual(['office']);
    expect(additionsFor(kms, [{ question: 'products', answer: 'windows' }, { question: 'size', answer: 'many' }])).toEqual([]);
  });
});
