import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PAGE_IDS } from '../../src/lib/checks/page-ids';
import { ARTICLE_COLLECTIONS, LISTING_PAGES } from '../../src/lib/collections';
import { DECIDE_PAGE_IDS, LAYOUT_IDS } from '../../src/lib/template-ids';
import { ROOT } from '../helpers/build';

/*
 * The ids the checks know before the build, against the templates that give them: the layout's ids are reserved
 * on every collection's pages (no heading may take one), and the pages of TEMPLATE_PAGE_IDS have exactly the ids
 * listed there (a link's #fragment on them is checked before the build). test/build/corpus.test.ts compares the
 * same lists with a built site.
 */

/** The literal ids of a template and of the .astro components it imports, and whether any of them computes an id. */
function templateIds(file: string, seen = new Set<string>()): { ids: string[]; computed: string[] } {
  if (seen.has(file)) return { ids: [], computed: [] };
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const ids = [...source.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const computed = /\sid=\{/.test(source) ? [relative(ROOT, file)] : [];
  for (const [, path] of source.matchAll(/^import \w+ from '([^']+\.astro)';$/gm)) {
    const inner = templateIds(resolve(dirname(file), path!), seen);
    ids.push(...inner.ids);
    computed.push(...inner.computed);
  }
  return { ids, computed };
}

const BASE = join(ROOT, 'src/layouts/Base.astro');

/** The template of a page of the site's own: `/about/` → src/pages/about.astro, or an index or a rest route in its folder. */
function templateOf(path: string): string {
  const folder = join(ROOT, 'src/pages', path);
  const candidates = [join(folder, 'index.astro'), `${folder.replace(/\/$/, '')}.astro`];
  if (existsSync(folder)) candidates.push(...readdirSync(folder).filter((name) => /^\[\.\.\.\w+\]\.astro$/.test(name)).map((name) => join(folder, name)));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`no template for ${path}`);
  return found;
}

describe('the ids of the shared layout', () => {
  const layout = templateIds(BASE);

  it('are the layout ids the checks know, each given by a literal id', () => {
    expect(layout.computed).toEqual([]);
    expect([...new Set(layout.ids)].sort()).toEqual([...LAYOUT_IDS].sort());
  });

  it.each(ARTICLE_COLLECTIONS.map((collection) => [collection.name, collection] as const))('are reserved on every %s page, with search-dialog and site-menu', (_, collection) => {
    for (const id of [...layout.ids, 'search-dialog', 'site-menu']) expect(collection.pageIds).toContain(id);
  });
});

describe('the ids of a collection\'s pages', () => {
  it.each(ARTICLE_COLLECTIONS.map((collection) => [collection.name, collection] as const))('that a link to a %s page may name are among those reserved on it', (_, collection) => {
    for (const id of collection.linkableIds({ correction: { date: '2025-01-01' } })) expect(collection.pageIds).toContain(id);
  });

  it.each(LISTING_PAGES.map((path) => [path]))('%s, which lists a collection, has only the layout\'s ids', (path) => {
    const page = templateIds(templateOf(path), new Set([BASE]));
    expect(page.computed).toEqual([]);
    expect(page.ids).toEqual([]);
  });
});

describe('the ids of the decision tree\'s page', () => {
  it('are the ids the checks know besides the layout\'s, which no node of the tree may take', () => {
    const page = templateIds(templateOf('/decide/'), new Set([BASE]));
    expect([...new Set(page.ids)].sort()).toEqual([...DECIDE_PAGE_IDS].sort());
  });
});

describe('the ids of the pages of the templates', () => {
  it.each(Object.entries(TEMPLATE_PAGE_IDS))('%s has exactly the ids listed, none computed', (path, listed) => {
    const seen = new Set([BASE]);
    const page = templateIds(templateOf(path), seen);
    expect(page.computed).toEqual([]);
    expect([...new Set(page.ids)].sort()).toEqual([...listed].sort());
  });
});
