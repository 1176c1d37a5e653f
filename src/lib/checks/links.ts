import { SAXParser } from 'parse5-sax-parser';
import { safeDecode } from '../safe-decode';
import type { Problem } from '../problem';

/** What the checks of the built site need to know of one HTML page: its ids and links, and whether it has an article body. */
export interface BuiltPage {
  /** Path of the file inside the output folder, e.g. `factors/kms/x/index.html`. */
  file: string;
  /** Values of every `id` attribute on the page. */
  ids: Set<string>;
  /** Every `href` and `src` on the page, entities decoded, including those in a `<template>`. */
  links: string[];
  /** Whether an element marked `data-article-body` holds anything: an element, or text besides white space. */
  hasArticleBody: boolean;
}

/**
 * A built page as the checks need it, read with parse5's streaming parser (the HTML tokenizer, told by parse5 when a
 * tag switches it to raw text): only real attributes count, never text that looks like one (an article about HTML
 * may show `href="…"` in a code block). The checks need tags and attributes, not a tree: building one (parse5 and
 * hast) took about 3 s of CPU for the 1,054 pages of a 1,000-article build, the stream under 1 s (BENCHMARKS.md).
 * The parser handles a string written whole before `end` returns.
 */
export function readPage(file: string, html: string): BuiltPage {
  const page: BuiltPage = { file, ids: new Set(), links: [], hasArticleBody: false };
  // Inside an element marked data-article-body, before its first child element or text.
  let inEmptyBody = false;
  const parser = new SAXParser();
  parser.on('startTag', ({ attrs, selfClosing }) => {
    if (inEmptyBody) page.hasArticleBody = true;
    inEmptyBody = false;
    for (const { name, value } of attrs) {
      if (name === 'id') page.ids.add(value);
      else if (name === 'href' || name === 'src') page.links.push(value);
      else if (name === 'data-article-body' && !selfClosing) inEmptyBody = true;
    }
  });
  parser.on('endTag', () => {
    inEmptyBody = false;
  });
  parser.on('text', ({ text }) => {
    if (inEmptyBody && text.trim() !== '') page.hasArticleBody = true;
  });
  parser.end(html);
  return page;
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
export function findBrokenLinks(pages: readonly Pick<BuiltPage, 'file' | 'ids' | 'links'>[], files: ReadonlySet<string>, outDir = 'dist', sitePath = '/', sourceOf?: SourceOf): Problem[] {
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
