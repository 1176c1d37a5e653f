import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_COLLECTIONS, collectionOf, isArticlePath, SCENARIOS, TREE_FILE } from '../collections';
import { outcomeUrl } from '../routes';
import type { ContentIndex } from './index';
import { pageUrl, type SourceOf } from './links';

/** A route of the site's templates, as Astro resolves it: the template's file and the paths it answers. */
export interface TemplateRoute {
  /** The template, relative to the project root, e.g. `src/pages/about.astro`. */
  entrypoint: string;
  patternRegex: RegExp;
}

/** A URL path without the site's base: `/volume-activation-guide/guides/kms/` → `/guides/kms/`. */
function withoutBase(path: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}

/** What the build's page check needs to know of the content, taken from the index before the build (strings only). */
export interface ContentPages {
  /** The content folder, absolute, and as problems name it. */
  contentDir: string;
  shownDir: string;
  /** Article files, relative to the content folder. */
  articles: readonly string[];
  scenarioSlugs: readonly string[];
  outcomeIds: readonly string[];
}

/** The pages the content makes, from an index. */
export function contentPages(index: ContentIndex): ContentPages {
  return {
    contentDir: index.contentDir,
    shownDir: index.shownDir,
    articles: index.names.map((name) => name.path).filter(isArticlePath),
    scenarioSlugs: index.scenarios.map((scenario) => scenario.slug),
    outcomeIds: (index.tree.parsed?.nodes ?? []).filter((node) => node.type === 'outcome').map((node) => node.id),
  };
}

/**
 * Where each built page comes from, for the build's check of the pages: an article's page from its file, a
 * scenario's from its YAML, the tree's pages (/decide/, its map, each outcome) from the tree file, found through
 * the collections' url functions; any other page from the template of its route. A link found on a built page is
 * placed in that file at the first place its text holds the link (without the site's base), so the report names
 * the file a contributor edits, never the build's output folder.
 */
export function pageSources(pages: ContentPages, base: string, templates: readonly TemplateRoute[] = []): SourceOf {
  const sources = new Map<string, string>();
  for (const path of pages.articles) {
    const collection = collectionOf(path);
    if (!collection || !ARTICLE_COLLECTIONS.includes(collection)) continue;
    sources.set(withoutBase(collection.url(path.slice(collection.folder.length + 1).replace(/\.mdx$/, '')), base), path);
  }
  for (const slug of pages.scenarioSlugs) sources.set(withoutBase(SCENARIOS.url(slug), base), `${SCENARIOS.folder}/${slug}.yaml`);
  for (const path of ['/decide/', '/decide/map/']) sources.set(path, TREE_FILE);
  for (const id of pages.outcomeIds) sources.set(withoutBase(outcomeUrl(id), base), TREE_FILE);
  return (page, link) => {
    const path = pageUrl(page);
    const entry = sources.get(path);
    if (entry === undefined) {
      const route = templates.find((candidate) => candidate.patternRegex.test(path) || candidate.patternRegex.test(path.replace(/\/$/, '')));
      return route ? { file: route.entrypoint } : undefined;
    }
    const file = `${pages.shownDir}/${entry}`;
    let text: string;
    try {
      text = readFileSync(join(pages.contentDir, entry), 'utf8');
    } catch {
      return { file };
    }
    const written = withoutBase(link, base);
    const offset = written ? text.indexOf(written) : -1;
    if (offset < 0) return { file };
    const before = text.slice(0, offset).split('\n');
    return { file, line: before.length, column: before.at(-1)!.length + 1 };
  };
}
