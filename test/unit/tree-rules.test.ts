import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem';
import { evaluate } from '../../src/lib/tree/evaluate';
import { indexTree, linkTree, type FactorRef } from '../../src/lib/tree/link';
import { readTreeFile } from '../../src/lib/tree/load';

const TREE = 'content/decision-tree.yaml';

function factor(id: string, stance: 'pro' | 'con', tags: FactorRef['tags'] = ['dns'], decides?: string[]): FactorRef {
  const method = id.split('/')[0] as FactorRef['method'];
  return { id, file: `content/factors/${id}.mdx`, title: id, summary: `${id}.`, method, stance, tags, decides };
}

const FACTORS = [
  factor('kms/finds-host', 'pro', ['dns']),
  factor('kms/renews', 'con', ['renewal']),
  factor('mak/forever', 'pro', ['renewal']),
  factor('mak/limited', 'con', ['activation-limits']),
];

/** A valid tree; each test changes one thing. */
const VALID = `
- id: size
  type: question
  question: "How many machines?"
  answers:
    - id: many
      label: "Many"
      next: reach
      cites: [kms/finds-host]
    - id: few
      label: "Few"
      next: use-mak
      cites:
        - { method: mak, stance: pro }
- id: reach
  type: question
  question: "Do clients reach the host?"
  answers:
    - id: reachable
      label: "Yes"
      next: use-kms
    - id: cut-off
      label: "No"
      next: use-mak
- id: use-kms
  type: outcome
  title: "KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host, kms/renews]
- id: use-mak
  type: outcome
  title: "MAK"
  recommends: [mak]
  rationale: "Because."
  nextSteps: [{ label: "MAK", href: /guides/mak/ }]
  cites: [mak/forever, mak/limited]
`;

function check(text: string, factors = FACTORS): string[] {
  const read = readTreeFile(TREE, text);
  if (read.problems.length) return read.problems.map(formatProblem);
  return linkTree(read.nodes, factors, TREE, read.lines).problems.map(formatProblem);
}

function edit(search: string | RegExp, replacement: string, text = VALID): string {
  const edited = text.replace(search, replacement);
  if (edited === text) throw new Error(`fixture edit did not apply: ${String(search)}`);
  return edited;
}

describe('tree validation', () => {
  it('accepts a valid tree', () => {
    expect(check(VALID)).toEqual([]);
  });

  it('rejects a citation of a factor that does not exist, suggesting the near miss', () => {
    expect(check(edit('cites: [kms/finds-host]', 'cites: [kms/find-host]'))).toEqual([
      `${TREE}:2  tree/unknown-factor  node "size": answer "many" cites "kms/find-host", which is not a factor article — did you mean "kms/finds-host"? (hint: factor ids are content/factors/<method>/<slug>.mdx without .mdx)`,
    ]);
  });

  it('leaves citations of an article that failed its own checks to that article\'s report', () => {
    const read = readTreeFile(TREE, VALID);
    const withoutRenews = FACTORS.filter((item) => item.id !== 'kms/renews');
    const problems = linkTree(read.nodes, withoutRenews, TREE, read.lines, new Set(['kms/renews'])).problems.map(formatProblem);
    expect(problems).toEqual([]);
  });

  it('rejects a tag query that matches no factor', () => {
    expect(check(edit('{ method: mak, stance: pro }', '{ method: mak, tag: dns }'))).toEqual([
      `${TREE}:2  tree/empty-query  node "size": answer "few" cites { method: mak, tag: dns }, which matches no factor article`,
    ]);
  });

  it('rejects an answer that leads nowhere', () => {
    expect(check(edit('next: use-kms', 'next: use-kmz'))).toEqual([
      `${TREE}:15  tree/dangling-next  node "reach": answer "reachable" leads to "use-kmz", which is not a node — did you mean "use-kms"?`,
      `${TREE}:25  tree/unreachable  node "use-kms": no answer leads here from the first question`,
    ]);
  });

  it('rejects a node that cannot be reached from the start', () => {
    const orphan = `${VALID}- id: lonely\n  type: outcome\n  title: "Alone"\n  recommends: [kms]\n  rationale: "x"\n  nextSteps: [{ label: "x", href: /x/ }]\n  cites: [kms/finds-host, kms/renews]\n`;
    expect(check(orphan)).toEqual([`${TREE}:39  tree/unreachable  node "lonely": no answer leads here from the first question`]);
  });

  it('rejects a cycle', () => {
    expect(check(edit('next: use-mak\n- id: use-kms', 'next: size\n- id: use-kms'))).toEqual([
      `${TREE}:2  tree/cycle  node "size": the answers loop back: size → reach → size`,
    ]);
  });

  it('rejects a node id used twice and an answer id used twice', () => {
    const twice = edit('- id: reach\n', '- id: use-kms\n');
    expect(check(twice)).toContainEqual(`${TREE}:25  tree/duplicate-id  node "use-kms": this id is used by more than one node`);
    expect(check(edit('- id: cut-off', '- id: reachable'))).toContainEqual(
      `${TREE}:15  tree/duplicate-id  node "reach": answer id "reachable" appears twice in this question`,
    );
  });

  it('requires an outcome to cite a pro and a con of what it recommends', () => {
    expect(check(edit('cites: [kms/finds-host, kms/renews]', 'cites: [kms/renews, mak/forever]'))).toEqual([
      `${TREE}:25  tree/outcome-needs-pro  node "use-kms": the outcome recommends kms but cites no pro of it`,
    ]);
    expect(check(edit('cites: [mak/forever, mak/limited]', 'cites: [mak/forever, kms/renews]'))).toEqual([
      `${TREE}:32  tree/outcome-needs-con  node "use-mak": the outcome recommends mak but cites no con of it that the reader accepts`,
      expect.stringContaining('tree/orphan-factor  factor "mak/limited" is not cited'),
    ]);
  });

  it('rejects a factor that the tree cites nowhere, naming the factor file', () => {
    expect(check(VALID, [...FACTORS, factor('adba/orphan', 'pro')])).toEqual([
      'content/factors/adba/orphan.mdx  tree/orphan-factor  factor "adba/orphan" is not cited by any answer or outcome in content/decision-tree.yaml (hint: cite it from the tree, or add decides: [question-id/answer-id] to its frontmatter)',
    ]);
  });

  it('lets a factor cite itself into the tree through decides, and rejects an unknown answer there', () => {
    expect(check(VALID, [...FACTORS, factor('adba/declared', 'pro', ['dns'], ['reach/cut-off'])])).toEqual([]);
    expect(check(VALID, [...FACTORS, factor('adba/declared', 'pro', ['dns'], ['reach/maybe'])])).toContainEqual(
      'content/factors/adba/declared.mdx  tree/unknown-decides  field "decides": "reach/maybe" is not an answer in content/decision-tree.yaml (hint: write question-id/answer-id)',
    );
  });

  it('requires the first node to be a question', () => {
    const outcomeFirst = `- id: only\n  type: outcome\n  title: "x"\n  recommends: [kms]\n  rationale: "x"\n  nextSteps: [{ label: "x", href: /x/ }]\n  cites: [kms/finds-host, kms/renews]\n`;
    expect(check(outcomeFirst, FACTORS.slice(0, 2))).toEqual([
      `${TREE}:1  tree/start-not-question  node "only": the first node is where the tree starts and must be a question`,
    ]);
  });

  it('reports every problem at once', () => {
    const many = edit('next: use-kms', 'next: nowhere', edit('cites: [kms/finds-host]', 'cites: [kms/nope]'));
    expect(check(many).map((line) => line.split('  ')[1]).sort()).toEqual(['tree/dangling-next', 'tree/unknown-factor', 'tree/unreachable']);
  });
});

describe('tree file schema', () => {
  it('rejects a question with one answer, naming the node and line', () => {
    const oneAnswer = edit(/    - id: cut-off\n.*\n.*\n/, '');
    expect(check(oneAnswer)).toEqual([`${TREE}:19:5  tree/schema-too-short  node "reach": field "answers" a question needs at least two answers`]);
  });

  it('rejects an unknown field and an unknown node type', () => {
    expect(check(edit('  rationale: "Because."\n  nextSteps: [{ label: "KMS"', '  reason: "Because."\n  nextSteps: [{ label: "KMS"'))).toEqual([
      `${TREE}:25:3  tree/schema-missing-field  node "use-kms": field "rationale" is required but missing`,
      expect.stringMatching(/^content\/decision-tree\.yaml:29:\d+ {2}tree\/schema-unknown-field {2}node "use-kms": field "reason" is not a known field/),
    ]);
    expect(check(edit('type: question\n  question: "Do', 'type: quiz\n  question: "Do'))).toEqual([
      expect.stringContaining('node "reach": field "type"'),
    ]);
  });

  it('rejects an unknown method in recommends', () => {
    expect(check(edit('recommends: [kms]', 'recommends: [kms, vamt]'))).toEqual([
      expect.stringContaining('node "use-kms": field "recommends[1]": unknown method "vamt"'),
    ]);
  });

  it('rejects YAML that does not parse, and a file that is not a list', () => {
    expect(check('- id: [unclosed\n')[0]).toMatch(/^content\/decision-tree\.yaml:\d+:\d+ {2}tree\/yaml {2}not valid YAML: /);
    expect(check('size: {}\n')).toEqual([`${TREE}:1:1  tree/shape  the tree file must be a YAML list of question and outcome nodes`]);
  });
});

describe('linking both ways', () => {
  const read = readTreeFile(TREE, VALID);
  const { tree } = linkTree(read.nodes, FACTORS, TREE, read.lines);

  it('resolves ids and tag queries on answers and splits outcome citations into pros and cons', () => {
    const size = tree.nodes.find((node) => node.id === 'size');
    expect(size?.type === 'question' && size.answers.map((answer) => answer.factors)).toEqual([['kms/finds-host'], ['mak/forever']]);
    const mak = tree.nodes.find((node) => node.id === 'use-mak');
    expect(mak?.type === 'outcome' && [mak.pros, mak.cons]).toEqual([['mak/forever'], ['mak/limited']]);
  });

  it('tells each factor where it decides, with the path that reaches that place', () => {
    expect(tree.decidesAt['kms/finds-host']).toEqual([
      { node: 'size', answer: 'many', path: [] },
      { node: 'use-kms', path: ['many', 'reachable'] },
    ]);
  });
});

describe('evaluate', () => {
  const index = indexTree(readTreeFile(TREE, VALID).nodes);

  it('follows answers to an outcome', () => {
    expect(evaluate(index, ['many', 'cut-off'])).toEqual({
      node: 'use-mak',
      done: true,
      steps: [
        { question: 'size', answer: 'many' },
        { question: 'reach', answer: 'cut-off' },
      ],
    });
  });

  it('stops at the next question when the path is partial', () => {
    expect(evaluate(index, ['many'])).toMatchObject({ node: 'reach', done: false });
  });

  it('falls back to the start with a notice for an unknown answer or a path past an outcome', () => {
    expect(evaluate(index, ['many', 'maybe'])).toMatchObject({ node: 'size', steps: [], error: '"maybe" is not an answer to this question' });
    expect(evaluate(index, ['few', 'more'])).toMatchObject({ node: 'size', error: 'the path goes on past an outcome' });
  });
});
