import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { SCENARIOS, collectionOf, isArticlePath } from '../collections';
import { METHOD_IDS } from '../taxonomy';
import { methodUrl, outcomeUrl, STATIC_PAGES, tagUrl } from '../routes';
import { factorRefs, type ContentIndex } from './index';

/** The pages a build will have, and the ids on the pages whose headings come from content. */
export interface SiteRoutes {
  /** URL path → ids on that page; `null` where the ids are not known before the build. */
  pages: Map<string, Set<string> | null>;
}

/** A heading of an article, with the id Astro will give it and its place in the file. */
export interface HeadingId {
  id: string;
  text: string;
  line?: number;
  column?: number;
}

/** The headings of a Markdown tree with the ids Astro gives them (github-slugger, as rehype-heading-ids does), in order. */
export function headingsWithIds(tree: Root): HeadingId[] {
  const slugger = new GithubSlugger();
  const headings: HeadingId[] = [];
  visit(tree, 'heading', (heading) => {
    const text = toString(heading);
    headings.push({ id: slugger.slug(text), text, line: heading.position?.start.line, column: heading.position?.start.column });
  });
  return headings;
}

/** The ids Astro gives the headings of a Markdown tree. */
export function headingIds(tree: Root): Set<string> {
  return new Set(headingsWithIds(tree).map((heading) => heading.id));
}

/** The pages the build will produce, from the content alone, with the heading ids of the articles still in the running. */
export function siteRoutes(index: ContentIndex): SiteRoutes {
  let routes = computed.get(index);
  if (!routes) computed.set(index, (routes = predictRoutes(index)));
  return routes;
}

/** Routes of each index, worked out once for the article links and the tree links. */
const computed = new WeakMap<ContentIndex, SiteRoutes>();

function predictRoutes(index: ContentIndex): SiteRoutes {
  const pages: SiteRoutes['pages'] = new Map(STATIC_PAGES.map((page) => [page, null]));
  const readable = new Map(index.articles.filter((article) => article.tree).map((article) => [article.entry, article]));
  for (const { path } of index.names) {
    const collection = collectionOf(path);
    if (!collection || !isArticlePath(path)) continue;
    const article = readable.get(path);
    const id = path.slice(collection.folder.length + 1).replace(/\.mdx$/, '');
    pages.set(collection.url(id), article ? new Set([...collection.pageIds, ...headingIds(article.tree!)]) : null);
  }
  for (const method of METHOD_IDS) pages.set(methodUrl(method), null);
  for (const slug of index.scenarioSlugs) pages.set(SCENARIOS.url(slug), null);
  for (const tag of new Set(factorRefs(index).flatMap((factor) => factor.tags))) pages.set(tagUrl(tag), null);
  // Without a tree file there are no outcome pages (the tree rule reports it).
  for (const node of index.tree.parsed?.nodes ?? []) if (node.type === 'outcome') pages.set(outcomeUrl(node.id), null);
  return { pages };
}
