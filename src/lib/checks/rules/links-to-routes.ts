import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../../problem';
import { closest } from '../../suggest';
import type { SiteRoutes } from '../routes';
import { safeDecode } from '../../safe-decode';

/** A root-relative link or link definition, with its place in the file. */
export interface ContentLink {
  url: string;
  line: number;
  column: number;
}

/**
 * A link target as a browser reads it: without the spaces and control characters it strips from the ends
 * and the tabs and line breaks it drops inside, with every "\" read as "/" (as browsers do for http and https).
 */
export function asBrowserReads(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
}

/**
 * Whether a link target is one the site's link rules must see: a root-relative path, or anything a browser
 * would read as one or as another host's address while it looks like a path (`//host/…`, `/\host/…`,
 * `\\host/…`, a backslash anywhere).
 */
export function isSiteOrDisguised(url: string): boolean {
  return url.includes('\\') || asBrowserReads(url).startsWith('/');
}

/**
 * The links of a parsed article a browser would resolve on this site or, disguised as a path, on another:
 * inline links and link definitions (reference links use those), in document order.
 */
export function contentLinks(tree: Root): ContentLink[] {
  const links: ContentLink[] = [];
  visit(tree, ['link', 'definition'], (node) => {
    const url = (node as { url?: string }).url ?? '';
    if (!isSiteOrDisguised(url)) return;
    links.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return links;
}


/**
 * `links/unknown-page`, `links/unknown-fragment`, `links/malformed`: every
 * root-relative link names a page the build will produce and, where the
 * target's ids are known, an id on it; reported at the link's line.
 */
export function checkLinksToRoutes(file: string, links: readonly ContentLink[], routes: SiteRoutes): Problem[] {
  const problems: Problem[] = [];
  const known = () => [...routes.pages.keys()];
  for (const { url, line, column } of links) {
    const at = { file, line, column };
    if (url.includes('\\') || asBrowserReads(url).startsWith('//') || url !== url.trim() || !URL.canParse(url, 'http://site.invalid')) {
      problems.push({
        ...at,
        rule: 'links/malformed',
        message: `link "${url}" is not a plain path on this site: it starts with "//" or holds a "\\", which browsers read as the way to another site`,
        hint: 'a page of this site starts with exactly one "/" and holds no "\\" (/guides/kms/); another site is linked by its full https:// address',
      });
      continue;
    }
    const parsed = new URL(url, 'http://site.invalid');
    const path = parsed.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(parsed.pathname) ? parsed.pathname : `${parsed.pathname}/`;
    if (!routes.pages.has(path)) {
      const guess = closest(path, known());
      problems.push({
        ...at,
        rule: 'links/unknown-page',
        message: `link "${url}" points to ${path}, which is not a page of the site${guess ? ` — did you mean "${guess}"?` : ''}`,
        hint: 'factor pages are /factors/<method>/<slug>/, guides /guides/<slug>/',
      });
      continue;
    }
    const fragment = safeDecode(parsed.hash.slice(1));
    if (fragment === undefined) {
      problems.push({ ...at, rule: 'links/malformed', message: `link "${url}" has a "#" part that is not valid percent-encoding` });
      continue;
    }
    const ids = routes.pages.get(path);
    if (fragment && ids && !ids.has(fragment)) {
      const guess = closest(fragment, [...ids]);
      problems.push({ ...at, rule: 'links/unknown-fragment', message: `link "${url}" points to "#${fragment}", which is not a heading on ${path}${guess ? ` — did you mean "#${guess}"?` : ''}` });
    }
  }
  return problems;
}
