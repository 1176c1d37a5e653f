import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { splitFrontmatter } from '../content/frontmatter';
import { closest } from '../suggest';
import type { Problem } from './problem';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Ids that every factor page has besides its article's own headings. */
export const FACTOR_PAGE_IDS = ['correction', 'applies-to', 'sources', 'where-it-decides', 'related', 'main'] as const;
/** Ids that every guide page has besides its article's own headings. */
export const GUIDE_PAGE_IDS = ['on-this-page', 'sources', 'main'] as const;

/** The pages a build will have, and the ids on the pages whose headings come from content. */
export interface SiteRoutes {
  /** URL path → ids on that page; `null` where the ids are not known before the build. */
  pages: Map<string, Set<string> | null>;
}

/** An article body parsed for the heading and link checks; adding `lineOffset` to a node's line gives its line in the file. */
export interface ParsedBody {
  tree: Root;
  lineOffset: number;
}

/** Parse a Markdown body as the heading and link checks read it (MDX with GFM). */
export function parseBody(body: string): Root {
  return parser.parse(body) as Root;
}

/** Split an article and parse its body, for a caller that has not parsed it already. */
export function parseArticleBody(text: string): ParsedBody {
  const { body, bodyLine } = splitFrontmatter(text);
  return { tree: parseBody(body), lineOffset: bodyLine - 1 };
}

/**
 * The ids Astro gives the headings of a Markdown body (github-slugger, as
 * rehype-heading-ids does); `body` is its text or its tree from {@link parseBody}.
 */
export function headingIds(body: string | Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(typeof body === 'string' ? parseBody(body) : body, 'heading', (heading) => {
    ids.add(slugger.slug(toString(heading)));
  });
  return ids;
}

/** A root-relative link or link definition of an article, with its place in the file. */
export interface ContentLink {
  url: string;
  line: number;
  column: number;
}

/** The root-relative links and link definitions of a parsed body, in document order. */
export function contentLinks(parsedBody: ParsedBody): ContentLink[] {
  const links: ContentLink[] = [];
  visit(parsedBody.tree, ['link', 'definition'], (node) => {
    const url = (node as { url?: string }).url ?? '';
    if (!url.startsWith('/') || url.startsWith('//')) return;
    links.push({ url, line: (node.position?.start.line ?? 1) + parsedBody.lineOffset, column: node.position?.start.column ?? 1 });
  });
  return links;
}

/**
 * Every root-relative link in an article must name a page the build will
 * produce and, where the target's ids are known, an id on it. Reported with the
 * line of the link, before anything is built. `parsedBody` is the body already
 * parsed, when the caller has it.
 */
export function checkContentLinks(file: string, text: string, routes: SiteRoutes, parsedBody: ParsedBody = parseArticleBody(text)): Problem[] {
  return checkLinksToRoutes(file, contentLinks(parsedBody), routes);
}

/** {@link checkContentLinks} for links already collected with {@link contentLinks}. */
export function checkLinksToRoutes(file: string, links: readonly ContentLink[], routes: SiteRoutes): Problem[] {
  const problems: Problem[] = [];
  const known = () => [...routes.pages.keys()];
  for (const { url, line, column } of links) {
    const parsed = new URL(url, 'http://site.invalid');
    const path = parsed.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(parsed.pathname) ? parsed.pathname : `${parsed.pathname}/`;
    if (!routes.pages.has(path)) {
      const guess = closest(path, known());
      problems.push({
        file,
        line,
        column,
        rule: 'links/unknown-page',
        message: `link "${url}" points to ${path}, which is not a page of the site${guess ? ` — did you mean "${guess}"?` : ''}`,
        hint: 'factor pages are /factors/<method>/<slug>/, guides /guides/<slug>/',
      });
      continue;
    }
    const fragment = decodeURIComponent(parsed.hash.slice(1));
    const ids = routes.pages.get(path);
    if (fragment && ids && !ids.has(fragment)) {
      const guess = closest(fragment, [...ids]);
      problems.push({
        file,
        line,
        column,
        rule: 'links/unknown-fragment',
        message: `link "${url}" points to "#${fragment}", which is not a heading on ${path}${guess ? ` — did you mean "#${guess}"?` : ''}`,
      });
    }
  }
  return problems;
}
