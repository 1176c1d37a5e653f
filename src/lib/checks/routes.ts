import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { LISTING_PAGES, SCENARIOS, entryId } from '../collections';
import type { Article } from '../content/read';
import { METHOD_IDS } from '../taxonomy';
import { methodUrl, outcomeUrl, STATIC_PAGES, tagUrl } from '../routes';
import { factorRefs, type ContentIndex } from './index';
import { DECIDE_PAGE_IDS } from '../template-ids';
import { layoutIds, templatePageIds } from './page-ids';

/** The pages a build will have, and the ids a link may name on each (see page-ids.ts). */
export interface SiteRoutes {
  /** URL path → ids on that page; `null` for a file that is not a page (`/decision-tree.json`) or an article that cannot be read. */
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
  const nodes = index.tree.parsed?.nodes ?? [];
  const pages: SiteRoutes['pages'] = new Map(
    STATIC_PAGES.map((page) => [
      page,
      // /decide/ shows every question and outcome, each under its own id.
      templatePageIds(page) ?? (page === '/decide/' ? layoutIds(...DECIDE_PAGE_IDS, ...nodes.map((node) => node.id)) : page.endsWith('/') ? layoutIds() : null),
    ]),
  );
  for (const page of LISTING_PAGES) pages.set(page, layoutIds());
  const readable = new Map(index.articles.filter((article) => article.tree).map((article) => [article.entry, article]));
  for (const { path, collection } of index.names) {
    const id = entryId(collection, path);
    if (id === undefined) continue;
    const article = readable.get(path);
    pages.set(collection.url(id), article ? articleIds(article) : null);
  }
  for (const method of METHOD_IDS) pages.set(methodUrl(method), layoutIds());
  for (const { slug } of index.scenarios) pages.set(SCENARIOS.url(slug), layoutIds());
  for (const tag of new Set(factorRefs(index).flatMap((factor) => factor.tags))) pages.set(tagUrl(tag), layoutIds());
  // Without a tree file there are no outcome pages (the tree rule reports it).
  for (const node of nodes) if (node.type === 'outcome') pages.set(outcomeUrl(node.id), layoutIds(node.id));
  return { pages };
}

/** The ids on an article's page that a link may name: its headings', and those its collection's template always gives it. */
function articleIds(article: Article): Set<string> {
  return layoutIds(...article.collection.linkableIds(article.split.data), ...headingIds(article.tree!));
}
