import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem';
import { evaluate, type TreeIndex } from '../../src/lib/tree/evaluate';
import { renderInline } from '../../src/lib/tree/inline';
import { readTreeFile } from '../../src/lib/tree/load';

const TREE = 'content/decision-tree.yaml';
const INDEX: TreeIndex = { start: 'main-site', next: { 'main-site': { small: 'use-mak', large: 'use-kms' } } };

describe('evaluate() with names every object has', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('falls back to the start for the answer "%s"', (answer) => {
    const result = evaluate(INDEX, [answer]);
    expect(result).toMatchObject({ node: 'main-site', steps: [], done: false });
    expect(result.error).toMatch(/not an answer/);
  });

  it('falls back to the start for such a name after a real answer', () => {
    const result = evaluate(INDEX, ['large', 'hasOwnProperty']);
    expect(result).toMatchObject({ node: 'main-site', steps: [], done: false, error: 'the path goes on past an outcome' });
  });

  it('never calls an outcome reached when a question id is an object key', () => {
    expect(evaluate({ start: 'constructor', next: {} }, []).done).toBe(true);
    expect(evaluate(INDEX, ['small'])).toMatchObject({ node: 'use-mak', done: true });
  });
});

/** A one-question tree; each test changes one line. */
const VALID = `
- id: size
  type: question
  question: "How many?"
  help: "See [the KMS guide](/guides/kms/)."
  answers:
    - id: many
      label: "Many"
      next: use-kms
    - id: few
      label: "Few"
      next: use-kms
- id: use-kms
  type: outcome
  title: "KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host]
`;
const problems = (text: string) => readTreeFile(TREE, text).problems.map(formatProblem);
const edit = (search: string, replacement: string) => {
  if (!VALID.includes(search)) throw new Error(`fixture edit did not apply: ${search}`);
  return VALID.replace(search, replacement);
};

describe('tree ids and links that would leave the site or break the page', () => {
  it('accepts the valid tree', () => {
    expect(problems(VALID)).toEqual([]);
  });

  it.each([
    ['//evil.example/kms/'],
    ['/\\\\evil.example/kms/'],
    ['/guides\\\\kms/'],
  ])('refuses the next step href %s', (href) => {
    expect(problems(edit('href: /guides/kms/', `href: "${href}"`))).toEqual([
      `${TREE}:18:37  tree/schema-invalid-format  node "use-kms": field "nextSteps[0].href" must be a site path starting with a single "/" and without "\\", e.g. "/guides/kms/", received "${href.replace(/\\\\/g, '\\')}"`,
    ]);
  });

  it('refuses a help link that leaves the site', () => {
    expect(problems(edit('(/guides/kms/)', '(/\\\\evil.example/guides/kms/)'))).toEqual([
      `${TREE}:5:9  tree/schema-invalid-link  node "size": field "help" has a link that is neither a site path starting with a single "/" nor an https address`,
    ]);
  });

  it('reads help links as the page renders them: a link in angle brackets is one, code that looks like a link is not', () => {
    expect(problems(edit('(/guides/kms/)', '(<//evil.example/>)'))).toEqual([
      `${TREE}:5:9  tree/schema-invalid-link  node "size": field "help" has a link that is neither a site path starting with a single "/" nor an https address`,
    ]);
    expect(problems(edit('[the KMS guide](/guides/kms/)', '`[x](//evil.example/)`'))).toEqual([]);
  });

  it.each([
    ['tree-index', 'a node id the page uses for its data'],
    ['main', 'the id of the page\'s main element'],
    ['kms-title', 'an id the page derives for a heading'],
  ])('refuses the node id "%s" (%s)', (id) => {
    const [problem] = problems(edit('- id: use-kms', `- id: ${id}`));
    expect(problem).toMatch(new RegExp(`^${TREE}:13:7  tree/schema-reserved-id  node "${id}": field "id" is used by the page itself`));
  });

  it('refuses the answer id "constructor"', () => {
    expect(problems(edit('id: many', 'id: constructor'))).toEqual([
      `${TREE}:7:11  tree/schema-reserved-id  node "size": field "answers[0].id" is a reserved name; choose another id`,
    ]);
  });
});

describe('the inline renderer of help texts and notes', () => {
  it('keeps site paths and https links', () => {
    expect(renderInline('[KMS](/guides/kms/) and [Learn](https://learn.microsoft.com/)')).toBe(
      '<a href="/guides/kms/">KMS</a> and <a href="https://learn.microsoft.com/">Learn</a>',
    );
  });

  it.each(['//evil.example/', '/\\evil.example/', 'javascript:alert(1)'])('leaves %s as text, not a link', (target) => {
    expect(renderInline(`[x](${target})`)).not.toContain('<a ');
  });
});
