import { safeDecode } from '../safe-decode';
import type { Problem } from '../problem';

/** What the link check needs to know of one built HTML page. */
export interface BuiltPage {
  /** Path of the file inside the output folder, e.g. `factors/kms/x/index.html`. */
  file: string;
  /** Values of every `id` attribute on the page. */
  ids: Set<string>;
  /** Every `href` and `src` on the page, as written. */
  links: string[];
}

function decode(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Ids and links of an HTML page, read with patterns that fit the HTML Astro writes. */
export function readPage(file: string, html: string): BuiltPage {
  const ids = new Set<string>();
  const links: string[] = [];
  for (const match of html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)')/g)) ids.add(decode(match[1] ?? match[2] ?? ''));
  for (const match of html.matchAll(/\s(?:href|src)=(?:"([^"]*)"|'([^']*)')/g)) links.push(decode(match[1] ?? match[2] ?? ''));
  return { file, ids, links };
}

/** The URL path a page answers at: `factors/kms/x/index.html` → `/factors/kms/x/`. */
export function pageUrl(file: string): string {
  return `/${file}`.replace(/index\.html$/, '');
}

/** The output file a root-relative path resolves to, or undefined for a path that names a folder with no index or does not decode. */
export function targetFile(path: string, files: ReadonlySet<string>): string | undefined {
  const clean = safeDecode(path)?.replace(/^\//, '');
  if (clean === undefined) return undefined;
  if (clean === '' ) return files.has('index.html') ? 'index.html' : undefined;
  if (clean.endsWith('/')) return files.has(`${clean}index.html`) ? `${clean}index.html` : undefined;
  if (files.has(clean)) return clean;
  if (files.has(`${clean}/index.html`)) return `${clean}/index.html`;
  return undefined;
}

/** Where a link found on a built page is reported, when the page's source is known (see `page-sources.ts`). */
export type SourceOf = (page: string, link: string) => { file: string; line?: number; column?: number } | undefined;

/**
 * Every internal link on every page must reach a file of the build, and every
 * `#fragment` must name an id on the target page. `sitePath` is Astro's base
 * ('/' or '/volume-activation-guide/'): the site's pages answer under it, so a link must start with it.
 * With `sourceOf`, a problem names the file the page was made from (and the page); otherwise the page in `outDir`.
 */
export function findBrokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string>, outDir = 'dist', sitePath = '/', sourceOf?: SourceOf): Problem[] {
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const prefix = sitePath.replace(/\/+$/, '');
  const problems: Problem[] = [];
  for (const page of pages) {
    const base = new URL(`${prefix}${pageUrl(page.file)}`, 'http://site.invalid');
    for (const link of new Set(page.links)) {
      if (link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      const url = new URL(link, base);
      if (url.origin !== base.origin) continue;
      const report = (message: string) => {
        const source = sourceOf?.(page.file, link);
        problems.push(
          source
            ? { ...source, rule: 'links/broken', message: `link "${link}" on its page ${prefix}${pageUrl(page.file)} ${message}` }
            : { file: `${outDir}/${page.file}`, rule: 'links/broken', message: `link "${link}" ${message}` },
        );
      };
      if (!url.pathname.startsWith(`${prefix}/`)) {
        report(`is outside ${prefix}/, the path the site is served under`);
        continue;
      }
      const target = targetFile(url.pathname.slice(prefix.length), files);
      if (!target) {
        report('points to a page or file that the build did not produce');
        continue;
      }
      const fragment = safeDecode(url.hash.slice(1));
      if (fragment === undefined) {
        report('has a "#" part that is not valid percent-encoding');
        continue;
      }
      if (fragment && target.endsWith('.html')) {
        const targetPage = byFile.get(target);
        if (targetPage && !targetPage.ids.has(fragment)) report(`points to "#${fragment}", which is not an id on ${pageUrl(target)}`);
      }
    }
  }
  return problems;
}
