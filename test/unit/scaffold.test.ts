import { describe, expect, it } from 'vitest';
import { METHOD_IDS } from '../../src/lib/taxonomy';
import { checkArticle } from '../../src/lib/checks/run';
import { formatProblem } from '../../src/lib/problem';
import { splitFrontmatter } from '../../src/lib/content/frontmatter';
import {
  articlePath,
  articleText,
  checkDecides,
  checkTags,
  clashingFile,
  frontmatterText,
  missingFields,
  nextSteps,
  parseFlags,
  slugify,
  treeAnswerChoices,
  validateAnswers,
  type ScaffoldAnswers,
} from '../../src/lib/scaffold';
import { factorSchema } from '../../src/lib/schema/factor';
import { readTreeFile } from '../../src/lib/tree/load';

const TODAY = new Date('2026-01-15T22:30:00Z');
const FILE = 'content/factors/kms/renewal-crosses-the-wan.mdx';

const ANSWERS: ScaffoldAnswers = {
  method: 'kms',
  stance: 'con',
  title: 'Renewal crosses the WAN',
  tags: ['dns', 'renewal'],
  decides: ['size/many'],
  slug: 'renewal-crosses-the-wan',
};

describe('slugify', () => {
  it('makes lower-case words joined by hyphens', () => {
    expect(slugify('Clients find the KMS host on their own through DNS')).toBe('clients-find-the-kms-host-on-their-own-through-dns');
    expect(slugify('  KMS: 25 clients -- or 5 servers!  ')).toBe('kms-25-clients-or-5-servers');
  });

  it('drops accents and apostrophes', () => {
    expect(slugify('Don’t rely on the café’s Wi-Fi')).toBe('dont-rely-on-the-cafes-wi-fi');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('A very long title that goes on and on about activation, renewal and the DNS records behind them');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('a-very-long-title-that-goes-on-and-on-about-activation');
  });

  it('gives nothing for a title without letters or digits', () => {
    expect(slugify('—?!')).toBe('');
  });
});

describe('validating answers against the vocabulary', () => {
  it('accepts known values and derives the slug from the title', () => {
    const { answers, problems } = validateAnswers({ method: 'kms', stance: 'con', title: 'Renewal crosses the WAN', tags: ['dns', 'renewal'] });
    expect(problems).toEqual([]);
    expect(answers).toEqual({ ...ANSWERS, decides: [] });
  });

  it('refuses an unknown tag with a did-you-mean and the known tags', () => {
    const [problem] = checkTags(['dsn']);
    expect(problem).toMatch(/^--tags: unknown tag "dsn" — did you mean "dns"\? Known tags: dns, internet-access, /);
    expect(checkTags(['printers'])[0]).toMatch(/^--tags: unknown tag "printers"\. Known tags: dns, /);
  });

  it('refuses tags by the frontmatter rule: an unknown one and a repeat at once, and none at all', () => {
    expect(checkTags(['renewl', 'dns', 'dns'])).toEqual([
      expect.stringMatching(/^--tags: unknown tag "renewl" — did you mean "renewal"\? Known tags: dns, /),
      '--tags: must list each tag once; "dns" is listed twice',
    ]);
    expect(checkTags([])).toEqual(['--tags: at least one tag is required']);
  });

  it('refuses unknown methods and stances, repeated tags and missing fields, all at once', () => {
    const { answers, problems } = validateAnswers({ method: 'kmss', stance: 'cons', tags: ['dns', 'dns'] });
    expect(answers).toBeUndefined();
    expect(problems).toEqual([
      '--title is required but missing',
      `--method: unknown method "kmss" — did you mean "kms"? Known methods: ${METHOD_IDS.join(', ')}`,
      '--stance: unknown stance "cons" — did you mean "con"? Known stances: pro, con',
      '--tags: must list each tag once; "dns" is listed twice',
    ]);
  });

  it('refuses a title over 100 characters', () => {
    const { problems } = validateAnswers({ ...ANSWERS, slug: undefined, title: 'x'.repeat(101) });
    expect(problems).toEqual(['--title: must be at most 100 characters (it has 101 characters)']);
  });

  it('checks decides against the answers of the tree', () => {
    const known = ['size/many', 'size/few'];
    expect(checkDecides(['size/many'], known)).toEqual([]);
    expect(checkDecides(['size/mani'], known)).toEqual([
      '--decides: "size/mani" is not an answer in the decision tree — did you mean "size/many"? Known answers: size/many, size/few',
    ]);
    expect(checkDecides(['many'])).toEqual([
      '--decides: "many" must name an answer as question-id/answer-id, e.g. "machine-count/below-threshold"',
    ]);
  });

  it('lists the missing required fields', () => {
    expect(missingFields({ method: 'kms', tags: [] })).toEqual(['stance', 'title', 'tags']);
  });

  it('sees a clash with an existing file that differs only in case or punctuation', () => {
    expect(clashingFile('branch-offices', ['Branch_Offices.mdx', 'other.mdx'])).toBe('Branch_Offices.mdx');
    expect(clashingFile('branch-offices', ['branch-office.mdx'])).toBeUndefined();
  });
});

describe('parsing flags', () => {
  it('reads every flag, with comma-separated and repeated lists', () => {
    const flags = parseFlags(['--method', 'kms', '--stance', 'con', '--title', 'A title', '--tags', 'dns,renewal', '--tags', 'office', '--decides', 'size/many', '--yes']);
    expect(flags).toEqual({
      input: { method: 'kms', stance: 'con', title: 'A title', tags: ['dns', 'renewal', 'office'], decides: ['size/many'] },
      yes: true,
      help: false,
      problems: [],
    });
  });

  it('refuses an unknown flag with a did-you-mean', () => {
    expect(parseFlags(['--tag', 'dns']).problems[0]).toMatch(/^unknown option "--tag" — did you mean "--tags"\? Known options: --method, /);
  });
});

describe('the scaffolded article', () => {
  const text = articleText(ANSWERS, TODAY);

  it('has complete frontmatter with placeholders and today (UTC) as reviewed', () => {
    expect(frontmatterText(ANSWERS, TODAY)).toBe(`title: "Renewal crosses the WAN"
summary: "REPLACE: one sentence of at most 200 characters that says what this means for an administrator."
method: kms
stance: con
tags: [dns, renewal]
appliesTo:
  - "REPLACE: the products and versions this holds for, e.g. Windows 10 and 11"
sources:
  - title: "REPLACE: Microsoft documentation page title"
    url: "https://learn.microsoft.com/REPLACE-ME"
reviewed: 2026-01-15
decides: [size/many]
`);
    expect(articlePath('content', ANSWERS)).toBe(FILE);
  });

  it('quotes titles that YAML would otherwise misread', () => {
    const tricky = { ...ANSWERS, title: 'KMS: "the host" # not a comment' };
    expect(splitFrontmatter(articleText(tricky, TODAY)).data).toMatchObject({ title: tricky.title });
  });

  it('suggests decides in a comment when none was chosen', () => {
    const data = splitFrontmatter(articleText({ ...ANSWERS, decides: [] }, TODAY)).data as Record<string, unknown>;
    expect(data).not.toHaveProperty('decides');
    expect(frontmatterText({ ...ANSWERS, decides: [] }, TODAY)).toContain('# decides: [question-id/answer-id]');
  });

  it('has the house headings and parses as MDX', () => {
    const { body } = splitFrontmatter(text);
    expect(body.match(/^## .+$/gm)).toEqual(['## What it means in practice', '## What to do']);
    expect(body.trimStart()).not.toMatch(/^#/);
    expect(checkArticle(FILE, text).filter((problem) => problem.rule === 'mdx/syntax')).toEqual([]);
  });

  it('passes every schema rule; only the placeholder rule fires, once per placeholder', () => {
    const problems = checkArticle(FILE, text);
    expect(problems.every((problem) => problem.rule === 'content/placeholder')).toBe(true);
    expect(factorSchema.safeParse(splitFrontmatter(text).data).success).toBe(true);
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}:3:10  content/placeholder  field "summary" still holds the placeholder "REPLACE: one sentence of at most 200 characters that says what this means for an administrator." (hint: write one sentence of at most 200 characters that says what this means for the reader)`,
      `${FILE}:8:5  content/placeholder  field "appliesTo[0]" still holds the placeholder "REPLACE: the products and versions this holds for, e.g. Windows 10 and 11" (hint: name the products and versions it holds for, e.g. "Windows 10 and 11")`,
      `${FILE}:10:12  content/placeholder  field "sources[0].title" still holds the placeholder "REPLACE: Microsoft documentation page title" (hint: copy the title of that page as it is published)`,
      `${FILE}:11:10  content/placeholder  field "sources[0].url" still holds the placeholder "https://learn.microsoft.com/REPLACE-ME" (hint: give the address of the Microsoft documentation page you checked)`,
    ]);
  });

  it('passes every check once the placeholders are replaced', () => {
    const filled = text
      .replace(/"REPLACE: one sentence[^"]*"/, '"Clients renew every 7 days, so the WAN link carries KMS traffic."')
      .replace(/"REPLACE: the products[^"]*"/, '"Windows 10 and 11"')
      .replace('REPLACE: Microsoft documentation page title', 'Plan for volume activation')
      .replace('https://learn.microsoft.com/REPLACE-ME', 'https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client');
    expect(checkArticle(FILE, filled)).toEqual([]);
  });

  it('does not mistake the word "replace" in prose for a placeholder', () => {
    const prose = text.replace(/"REPLACE: one sentence[^"]*"/, '"You replace the key on every client by hand."');
    expect(checkArticle(FILE, prose).map((problem) => problem.message)).not.toContainEqual(
      expect.stringContaining('field "summary"'),
    );
  });

  it('prints next steps that name the file, the placeholders, the tree and the checks', () => {
    const steps = nextSteps(FILE, { ...ANSWERS, decides: [] }).join('\n');
    expect(steps).toContain(`Edit ${FILE}`);
    expect(steps).toContain('REPLACE placeholder');
    expect(steps).toContain('content/decision-tree.yaml');
    expect(steps).toContain('decides: [question-id/answer-id]');
    expect(steps).toContain('npm run build');
    expect(steps).toContain('npm test');
  });
});

describe('tree answers for the decides question', () => {
  it('lists every answer of every question as question-id/answer-id', () => {
    const { nodes } = readTreeFile('tree.yaml', `
- id: size
  type: question
  question: "How many?"
  answers:
    - { id: many, label: "Many", next: done }
    - { id: few, label: "Few", next: done }
- id: done
  type: outcome
  title: "Done"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "Home", href: / }]
  cites: [kms/a]
`);
    expect(treeAnswerChoices(nodes)).toEqual([
      { ref: 'size/many', question: 'How many?', label: 'Many' },
      { ref: 'size/few', question: 'How many?', label: 'Few' },
    ]);
  });
});
