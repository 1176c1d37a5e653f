import { describe, expect, it } from 'vitest';
import { METHOD_IDS } from '../../src/lib/taxonomy';
import { checkArticle } from '../../src/lib/checks/run';
import { formatProblem } from '../../src/lib/problem';

const FILE = 'content/factors/kms/example.mdx';

/** A valid factor file; each test breaks one line of it. */
const VALID_FACTOR = `---
title: "Clients find the host through DNS"
summary: "KMS clients look up an SRV record, so nothing has to be set on each machine."
method: kms
stance: pro
tags: [dns, deployment]
appliesTo:
  - "Windows 11"
sources:
  - title: "Plan for volume activation"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client"
reviewed: 2026-01-15
---

Body text.
`;

const VALID_GUIDE = `---
title: "Glossary"
summary: "The words of volume activation, explained."
order: 6
sources:
  - title: "Plan for volume activation"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client"
reviewed: 2026-01-15
---

### GVLK
`;

function factorLines(text: string, file = FILE): string[] {
  return checkArticle(file, text).map(formatProblem);
}

function edit(search: string | RegExp, replacement: string, text = VALID_FACTOR): string {
  const edited = text.replace(search, replacement);
  if (edited === text) throw new Error(`fixture edit did not apply: ${String(search)}`);
  return edited;
}

describe('factor frontmatter rules', () => {
  it('accepts a valid factor', () => {
    expect(factorLines(VALID_FACTOR)).toEqual([]);
  });

  it('names a missing field', () => {
    expect(factorLines(edit(/^stance: pro\n/m, ''))).toEqual([
      `${FILE}:2:1  schema/missing-field  field "stance" is required but missing`,
    ]);
  });

  it('names a field of the wrong type and what it received', () => {
    expect(factorLines(edit('tags: [dns, deployment]', 'tags: dns'))).toEqual([
      `${FILE}:6:7  schema/wrong-type  field "tags": expected a list, received "dns"`,
    ]);
  });

  it('suggests the closest tag for an unknown tag and lists the known ones', () => {
    const [line, ...rest] = factorLines(edit('tags: [dns, deployment]', 'tags: [dns, deploymnt]'));
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^content\/factors\/kms\/example\.mdx:6:13 {2}schema\/unknown-tag {2}field "tags\[1\]": unknown tag "deploymnt" — did you mean "deployment"\? Known tags: dns, internet-access, .*, service-providers$/,
    );
  });

  it('rejects an unknown method with the known methods', () => {
    expect(factorLines(edit('method: kms', 'method: kmss'))).toContainEqual(
      `${FILE}:4:9  schema/unknown-method  field "method": unknown method "kmss" — did you mean "kms"? Known methods: ${METHOD_IDS.join(', ')}`,
    );
  });

  it('rejects an unknown stance', () => {
    expect(factorLines(edit('stance: pro', 'stance: neutral'))).toEqual([
      `${FILE}:5:9  schema/unknown-stance  field "stance": unknown stance "neutral". Known stances: pro, con, myth`,
    ]);
  });

  it('rejects a field the schema does not know, suggesting the near miss', () => {
    expect(factorLines(edit('appliesTo:', 'appliesto:'))).toEqual([
      `${FILE}:2:1  schema/missing-field  field "appliesTo" is required but missing`,
      expect.stringMatching(/^content\/factors\/kms\/example\.mdx:7:1 {2}schema\/unknown-field {2}field "appliesto" is not a known field — did you mean "appliesTo"\? Known fields: title, summary, /),
    ]);
  });

  it('names each unknown field on its own line, with its own near miss, in a nested object too', () => {
    const text = edit('stance: pro', 'stance: myth\ncorrection:\n  claim: "KMS needs 25 clients."\n  nwo: "It needs 25."\n  source:\n    title: "Plan"\n    url: "https://learn.microsoft.com/x"\n  sorce: "x"');
    expect(factorLines(text)).toEqual([
      `${FILE}:6:1  schema/missing-field  field "correction.now" is required but missing`,
      `${FILE}:8:3  schema/unknown-field  field "correction.nwo" is not a known field — did you mean "now"? Known fields: claim, now, source`,
      `${FILE}:12:3  schema/unknown-field  field "correction.sorce" is not a known field — did you mean "source"? Known fields: claim, now, source`,
    ]);
  });

  it('rejects a summary over 200 characters, saying how long it is', () => {
    const long = `${'word '.repeat(45)}end.`;
    expect(factorLines(edit(/^summary: .*$/m, `summary: "${long}"`))).toEqual([
      `${FILE}:3:10  schema/too-long  field "summary" must be at most 200 characters (it has ${long.length} characters)`,
    ]);
  });

  it('rejects a summary of two sentences', () => {
    expect(factorLines(edit(/^summary: .*$/m, 'summary: "One sentence. Another one."'))).toEqual([
      `${FILE}:3:10  schema/invalid-value  field "summary" must be a single sentence (found a second sentence)`,
    ]);
  });

  it('rejects a summary without a full stop', () => {
    expect(factorLines(edit(/^summary: .*$/m, 'summary: "No full stop"'))).toEqual([
      `${FILE}:3:10  schema/invalid-value  field "summary" must be one sentence ending with a full stop`,
    ]);
  });

  it('rejects a source whose url is not a URL', () => {
    expect(factorLines(edit(/url: ".*"/, 'url: "learn.microsoft.com/page"'))).toEqual([
      `${FILE}:11:10  schema/invalid-url  field "sources[0].url" must be an absolute http(s) URL, received "learn.microsoft.com/page"`,
    ]);
  });

  it('rejects a non-http URL scheme', () => {
    expect(factorLines(edit(/url: ".*"/, 'url: "javascript:alert(1)"'))).toEqual([
      expect.stringContaining('field "sources[0].url" must be an absolute http(s) URL, received "javascript:alert(1)"'),
    ]);
  });

  it('requires Microsoft documentation as the first source', () => {
    expect(factorLines(edit(/url: ".*"/, 'url: "https://4sysops.com/archives/kms-vs-mak-volume-activation/"'))).toEqual([
      `${FILE}:11:10  schema/invalid-value  field "sources[0].url" the first source must be Microsoft documentation (a microsoft.com address), received "https://4sysops.com/archives/kms-vs-mak-volume-activation/"`,
    ]);
  });

  it('requires at least one source', () => {
    expect(factorLines(edit(/sources:\n(  .*\n)+/, 'sources: []\n'))).toEqual([
      `${FILE}:9:10  schema/too-short  field "sources" at least one source is required`,
    ]);
  });

  it('requires at least one tag and no tag twice', () => {
    expect(factorLines(edit('tags: [dns, deployment]', 'tags: []'))).toEqual([
      `${FILE}:6:7  schema/too-short  field "tags" at least one tag is required`,
    ]);
    expect(factorLines(edit('tags: [dns, deployment]', 'tags: [dns, dns]'))).toEqual([
      `${FILE}:6:7  schema/invalid-value  field "tags" must list each tag once; "dns" is listed twice`,
    ]);
  });

  it('requires the review date as YYYY-MM-DD and not in the future', () => {
    expect(factorLines(edit('reviewed: 2026-01-15', 'reviewed: "15 January 2026"'))).toEqual([
      `${FILE}:12:11  schema/invalid-format  field "reviewed" must be a date written as YYYY-MM-DD, received "15 January 2026"`,
    ]);
    expect(factorLines(edit('reviewed: 2026-01-15', 'reviewed: 2999-01-01'))).toEqual([
      `${FILE}:12:11  schema/invalid-value  field "reviewed" must not be in the future`,
    ]);
  });

  it('checks a correction for its claim, its present truth and its source', () => {
    const withCorrection = edit(
      'reviewed: 2026-01-15',
      'reviewed: 2026-01-15\ncorrection:\n  claim: "VMs do not count."\n  source:\n    title: "x"\n    url: "not a url"',
    );
    expect(factorLines(withCorrection)).toEqual([
      `${FILE}:13:1  schema/missing-field  field "correction.now" is required but missing`,
      `${FILE}:17:10  schema/invalid-url  field "correction.source.url" must be an absolute http(s) URL, received "not a url"`,
    ]);
  });

  it('requires the method to match the folder the file is in', () => {
    expect(factorLines(VALID_FACTOR, 'content/factors/mak/example.mdx')).toEqual([
      'content/factors/mak/example.mdx:4:9  schema/method-folder  field "method" is "kms" but the file is in content/factors/mak/ (hint: move the file to content/factors/kms/ or set method: mak)',
    ]);
  });

  it('reports every problem of a file at once', () => {
    const broken = edit('method: kms', 'method: kmz', edit('tags: [dns, deployment]', 'tags: [dsn]'));
    const rules = factorLines(broken.replace(/^title: .*\n/m, '')).map((line) => line.split('  ')[1]);
    expect(rules).toEqual(['schema/missing-field', 'schema/unknown-method', 'schema/unknown-tag', 'schema/method-folder']);
  });

  it('reports invalid YAML with its line', () => {
    expect(factorLines(edit('tags: [dns, deployment]', 'tags: [dns, deployment'))).toEqual([
      expect.stringMatching(/^content\/factors\/kms\/example\.mdx:\d+:\d+ {2}frontmatter\/yaml {2}frontmatter is not valid YAML: /),
    ]);
  });

  it('reports a file without frontmatter', () => {
    expect(factorLines('Just text.\n')).toEqual([
      `${FILE}:1:1  frontmatter/yaml  frontmatter is not valid YAML: the file must start with YAML frontmatter between two "---" lines`,
    ]);
  });
});

describe('guide frontmatter rules', () => {
  const guideLines = (text: string) => checkArticle('content/guides/glossary.mdx', text).map(formatProblem);

  it('accepts a valid guide', () => {
    expect(guideLines(VALID_GUIDE)).toEqual([]);
  });

  it('requires a whole-number order', () => {
    expect(guideLines(edit('order: 6', 'order: 1.5', VALID_GUIDE))).toEqual([
      'content/guides/glossary.mdx:4:8  schema/wrong-type  field "order": expected a whole number, received number 1.5',
    ]);
  });

  it('rejects factor-only fields on a guide', () => {
    expect(guideLines(edit('order: 6', 'order: 6\nstance: pro', VALID_GUIDE))).toEqual([
      expect.stringContaining('schema/unknown-field  field "stance" is not a known field.'),
    ]);
  });
});

describe('MDX syntax', () => {
  it('accepts Markdown with GFM tables and code', () => {
    expect(checkArticle(FILE, `${VALID_FACTOR}\n| a | b |\n| - | - |\n| \`<x>\` | 1 |\n`)).toEqual([]);
  });

  it('reports an unclosed JSX tag or brace with the line in the file', () => {
    const [problem] = checkArticle(FILE, `${VALID_FACTOR}\nA port is < 1024 or {oops\n`);
    expect(problem).toMatchObject({ file: FILE, line: 17, rule: 'mdx/syntax' });
    expect(problem!.message).toMatch(/^MDX cannot parse this: /);
  });
});
