import { describe, expect, it } from 'vitest';
import { headingIds, type SiteRoutes } from '../../src/lib/checks/routes';
import { checkLinksToRoutes, contentLinks } from '../../src/lib/checks/rules/links-to-routes';
import { treeLinks } from '../../src/lib/checks/rules/tree-links';
import { GUIDES } from '../../src/lib/collections';
import { readArticle } from '../../src/lib/content/read';
import { readTreeFile } from '../../src/lib/tree/load';
import { formatProblem } from '../../src/lib/problem';

const routes: SiteRoutes = {
  pages: new Map<string, Set<string> | null>([
    ['/', null],
    ['/factors/kms/branch-offices/', new Set(['sources'])],
    ['/guides/glossary/', new Set(['gvlk', 'srv-record'])],
    ['/tags/dns/', null],
  ]),
};
const FILE = 'content/factors/mak/x.mdx';
const text = (body: string) => `---\ntitle: "x"\n---\n\n${body}\n`;
/** The MDX tree of an article, parsed as the checks parse it. */
const parse = (source: string) => readArticle(GUIDES, 'guides/x.mdx', FILE, source).article!.tree!;
const lines = (body: string) => checkLinksToRoutes(FILE, contentLinks(parse(text(body))), routes).map(formatProblem);

describe('checkLinksToRoutes', () => {
  it('accepts links to pages and headings that will exist, and ignores external links', () => {
    expect(lines('See [a](/factors/kms/branch-offices/), [b](/guides/glossary/#srv-record), [c](/tags/dns/#anything) and [d](https://learn.microsoft.com/).')).toEqual([]);
  });

  it('reports a link to a page that will not exist, with the line in the file and a suggestion', () => {
    expect(lines('Text.\n\nSee [x](/factors/kms/branch-office/).')).toEqual([
      `${FILE}:7:5  links/unknown-page  link "/factors/kms/branch-office/" points to /factors/kms/branch-office/, which is not a page of the site — did you mean "/factors/kms/branch-offices/"? (hint: factor pages are /factors/<method>/<slug>/, guides /guides/<slug>/)`,
    ]);
  });

  it('reports a fragment that is not a heading of the target article', () => {
    expect(lines('See [x](/guides/glossary/#gvlks).')).toEqual([
      `${FILE}:5:5  links/unknown-fragment  link "/guides/glossary/#gvlks" points to "#gvlks", which is not a heading on /guides/glossary/ — did you mean "#gvlk"?`,
    ]);
  });

  it('checks reference-style links too, and a path without its trailing slash', () => {
    expect(lines('See [x][ref].\n\n[ref]: /guides/glossar')).toHaveLength(1);
    expect(lines('See [x](/guides/glossary#gvlk).')).toEqual([]);
  });
});

describe('headingIds', () => {
  it('gives headings the ids Astro gives them', () => {
    expect([...headingIds(parse('### 0xC004F074\n\n### IID and CID\n\n## What `slmgr /dlv` shows\n\n### GVLK\n\n### GVLK'))]).toEqual([
      '0xc004f074',
      'iid-and-cid',
      'what-slmgr-dlv-shows',
      'gvlk',
      'gvlk-1',
    ]);
  });
});

describe('treeLinks', () => {
  it('collects site links from help texts and next steps, at the line of their node', async () => {
    const yaml = [
      '- id: q',
      '  type: question',
      '  question: "Q?"',
      '  help: "See the [glossary](/guides/glossary/#gvlk) and [Microsoft](https://learn.microsoft.com/)."',
      '  answers:',
      '    - { id: a, label: "A", next: o }',
      '    - { id: b, label: "B", next: o }',
      '- id: o',
      '  type: outcome',
      '  title: "O"',
      '  recommends: [mak]',
      '  rationale: "R."',
      '  nextSteps: [{ label: "MAK", href: /guides/mak/ }]',
      '  cites: [mak/x]',
    ].join('\n');
    const { nodes, lines } = readTreeFile('tree.yaml', yaml);
    expect(treeLinks(nodes, lines)).toEqual([
      { url: '/guides/glossary/#gvlk', line: 1, column: 1 },
      { url: '/guides/mak/', line: 8, column: 1 },
    ]);
  });
});
