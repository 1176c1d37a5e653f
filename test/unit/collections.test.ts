import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../../src/lib/checks/index';
import { siteRoutes } from '../../src/lib/checks/routes';
import { checkDuplicateSlugs } from '../../src/lib/checks/rules/duplicate-slug';
import { COLLECTIONS, FACTORS, GUIDES, SCENARIOS, globPattern, slugKey, type ArticleCollection } from '../../src/lib/collections';
import { readArticle } from '../../src/lib/content/read';
import { walkCollection } from '../../src/lib/content/walk';
import { formatProblem } from '../../src/lib/problem';
import { clashingFile } from '../../src/lib/scaffold';
import { guideSchema } from '../../src/lib/schema/guide';
import { searchWordsFromPath } from '../../src/lib/search';
import { LAYOUT_IDS } from '../../src/lib/template-ids';

/*
 * Adding a collection is adding one definition (and the page that shows an entry): the walk, the slug check and
 * the routes the link checks know take everything from the definition.
 */

/** A third collection of articles, defined here only: how-tos, one file each, at /how-to/<slug>/. */
const HOWTOS: ArticleCollection = {
  name: 'howtos',
  folder: 'howtos',
  depth: 1,
  extension: '.mdx',
  kind: 'how-to',
  schema: guideSchema,
  url: (id) => `/how-to/${id}/`,
  pageIds: ['steps', ...LAYOUT_IDS],
  linkableIds: () => ['steps'],
};

const article = (title: string) => `---\ntitle: ${title}\n---\n\n## Before you start\n\nText.\n`;

describe('a collection added to the definitions', () => {
  const root = mkdtempSync(join(tmpdir(), 'collections-'));
  const content = join(root, 'content');
  mkdirSync(join(content, 'howtos'), { recursive: true });
  writeFileSync(join(content, 'howtos/renew-a-host.mdx'), article('Renew a host'));
  writeFileSync(join(content, 'howtos/Renew_A_Host.mdx'), article('Renew a host again'));
  writeFileSync(join(content, 'howtos/nested.txt'), 'not an article');
  const walk = walkCollection(content, 'content', HOWTOS);

  it('is walked from its folder, at its depth, with its extension', () => {
    expect(walk.files.map((file) => file.entry)).toEqual(['howtos/renew-a-host.mdx']);
    expect(walk.problems.map(formatProblem)).toEqual([
      'content/howtos/Renew_A_Host.mdx  content/name  file name "Renew_A_Host.mdx" is not a name the site can route (hint: name it in lower-case letters, digits and hyphens, e.g. "branch-offices.mdx")',
      'content/howtos/nested.txt  content/extension  articles must be .mdx files; this file would be ignored (hint: rename it to end in .mdx)',
    ]);
  });

  it('has its slugs checked, its entries called what the definition calls them', () => {
    expect(checkDuplicateSlugs(walk.names).map(formatProblem)).toEqual([
      'content/howtos/Renew_A_Host.mdx  safety/duplicate-slug  how-to "Renew_A_Host" has the same slug as content/howtos/renew-a-host.mdx once case and punctuation are ignored (hint: rename or merge one of them; name files in lowercase words joined by "-")',
    ]);
  });

  it('has a page at its URL, with its headings\' and its template\'s ids, among the routes the link checks know', () => {
    const read = readArticle(HOWTOS, 'howtos/renew-a-host.mdx', 'content/howtos/renew-a-host.mdx', article('Renew a host'));
    const index = { ...indexContent(root, content), names: walk.names, articles: read.article ? [read.article] : [] };
    const pages = siteRoutes(index).pages;
    expect([...(pages.get('/how-to/renew-a-host/') ?? [])].sort()).toEqual(['before-you-start', 'main', 'search-dialog', 'site-menu', 'steps']);
    expect(pages.has('/how-to/Renew_A_Host/')).toBe(false);
  });

  it('is loaded by Astro with the glob pattern of its depth and extension', () => {
    expect([HOWTOS, FACTORS, GUIDES, SCENARIOS].map(globPattern)).toEqual(['*.mdx', '*/*.mdx', '*.mdx', '*.yaml']);
  });
});

describe('the one slug rule', () => {
  it('folds case, Unicode form and separators, segment by segment, without the extension', () => {
    expect(slugKey('factors/KMS/Branch_Offices .mdx')).toBe('factors/kms/branch-offices');
    expect(slugKey('guides/ＫＭＳ--host.md')).toBe('guides/kms-host');
  });

  it('is the rule npm run new uses: it will not write a file the content check would refuse as a duplicate', () => {
    expect(clashingFile('branch-offices', ['Branch_Offices.mdx', 'notes.txt'])).toBe('Branch_Offices.mdx');
    expect(clashingFile('branch-office', ['Branch_Offices.mdx'])).toBeUndefined();
  });
});

describe('the search on a missing page', () => {
  it.each(COLLECTIONS.map((collection) => [collection.name, collection] as const))('searches for the words of a %s address without the folder of the route', (_, collection) => {
    expect(searchWordsFromPath(collection.url(collection.depth === 2 ? 'kms/renew-host' : 'renew-host'))).toBe(collection.depth === 2 ? 'kms renew host' : 'renew host');
  });
});
