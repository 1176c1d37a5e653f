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

/** The ids Astro gives the headings of a Markdown body (github-slugger, as rehype-heading-ids does). */
export function headingIds(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(parser.parse(body) as Root, 'heading', (heading) => {
    ids.add(slugger.slug(toString(heading)));
  });
  return ids;
}

/**
 * Every root-relative link in an article must name a page the build will
 * produce and, where the target's ids are known, an id on it. Reported with the
 * line of the link, before anything is built.
 */
export function checkContentLinks(file: string, text: string, routes: SiteRoutes): Problem[] {
  const { body, bodyLine } = splitFrontmatter(text);
  const problems: Problem[] = [];
  const known = [...routes.pages.keys()];
  visit(parser.parse(body) as Root, ['link', 'definition'], (node) => {
    const url = (node as { url?: string }).url ?? '';
    if (!url.startsWith('/') || url.startsWith('//')) return;
    const parsed = new URL(url, 'http://site.invalid');
    const path = parsed.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(parsed.pathname) ? parsed.pathname : `${parsed.pathname}/`;
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    const column = node.position?.start.column ?? 1;
    if (!routes.pages.has(path)) {
      const guess = closest(path, known);
      problems.push({
        file,
        line,
        column,
        rule: 'links/unknown-page',
        message: `link "${url}" points to ${path}, which is not a page of the site${guess ? ` — did you mean "${guess}"?` : ''}`,
        hint: 'factor pages are /factors/<method>/<slug>/, guides /guides/<slug>/',
      });
      return;
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
  });
  return problems;
}
