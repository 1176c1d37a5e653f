/**
 * The byte budgets of the built site, in one place: test/build/budgets.test.ts
 * checks a real build against them and `npm run lighthouse` writes them into
 * BENCHMARKS.md. Sizes are gzipped at zlib level 9, so they are deterministic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTICLE_COLLECTIONS } from './collections';
import { PAGEFIND_BUNDLE } from './search-client';
import { listFiles } from './files';

export const KB = 1024;

/** zlib level used for every gzipped size (9: the smallest, and the same on every machine). */
export const GZIP_LEVEL = 9;

export const BUDGETS = {
  /**
   * JavaScript an article page (factor, guide, recommendation) loads up front, gzipped: only the
   * script every page shares, which opens the search dialog, registers the offline cache, marks the
   * searched words on a page opened from a result, keeps the theme switch, adds copy buttons and marks
   * the current section in "On this page" (about 2.3 KB; 1.4 KB before the last four). Pagefind's
   * Component UI (about 40 KB gzipped) is not part of it: it loads when search is opened.
   */
  articleScriptGzip: 3 * KB,
  /** An article page's HTML plus every stylesheet it links, gzipped. 14 KB fits the first round trip of TCP slow start. */
  articlePageGzip: 14 * KB,
  /**
   * The /decide/ page's scripts (its own module, the shared script, their static imports), gzipped: 7.4 KB since the
   * estate plan (issue #20), whose growth BENCHMARKS.md accounts for ("Byte budgets").
   */
  decideScriptGzip: 8 * KB,
} as const;

/** URLs of article pages: one pattern per collection (lib/collections.ts), and the decision tree's recommendations. */
const ARTICLE_PAGE = new RegExp(
  `^/(${[...ARTICLE_COLLECTIONS.map((collection) => `${collection.folder}(?:/[^/]+){${collection.depth}}`), 'decide/outcomes/[^/]+'].join('|')})/$`,
);

/** Article pages, by URL: factors, guides (not the guide index) and the decision tree's recommendations. */
export function isArticlePage(url: string): boolean {
  return ARTICLE_PAGE.test(url);
}

/** How a size compares with its budget, for tables. */
export function budgetStatus(bytes: number, budget: number): 'ok' | 'over' {
  return bytes <= budget ? 'ok' : 'over';
}

/** A byte count as KB with one decimal, e.g. `14336` → `14.0 KB`. */
export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/*
 * Measuring a build. Everything below reads the output folder only, so the
 * test and `npm run lighthouse` report the same numbers for the same build.
 */

/** Gzipped size at {@link GZIP_LEVEL}. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: GZIP_LEVEL }).length;
}

/** One row of the budget table. */
export interface BudgetRow {
  /** URL of the page, or of the page and the part measured. */
  page: string;
  /** An article page's HTML and CSS, or a script. */
  kind: 'page' | 'script';
  bytes: number;
  budget: number;
  status: 'ok' | 'over';
}

export interface BudgetReport {
  /** HTML + linked CSS of every article page, the largest article script, and the /decide/ script. */
  rows: BudgetRow[];
  /** The JavaScript each article page loads up front, gzipped. */
  articleScripts: { page: string; bytes: number }[];
  /** Pages that load any of Pagefind's files (the search code and index, under /pagefind/) up front. */
  searchUpFront: string[];
  /** The modules /decide/ loads up front (its own script and their static imports). */
  decideModules: string[];
}

function htmlFiles(outDir: string): string[] {
  return listFiles(outDir).filter((file) => file.endsWith('.html'));
}

/** `factors/kms/x/index.html` → `/factors/kms/x/`; `404.html` → `/404.html`. */
function urlOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
}

/** Root-relative hrefs of the stylesheets a page links. */
export function linkedStylesheets(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => /^stylesheet$/i.test(attribute(tag, 'rel') ?? ''))
    .map((tag) => attribute(tag, 'href') ?? '')
    .filter((href) => href.startsWith('/'));
}

/** The `<script>` elements of a page: their `src` (root-relative) or their inline code, and their type. */
export function pageScripts(html: string): { src?: string; code?: string; type: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => {
    const tag = `<script${match[1]}>`;
    const src = attribute(tag, 'src');
    return { type: attribute(tag, 'type') ?? 'text/javascript', ...(src ? { src } : { code: match[2] ?? '' }) };
  });
}

/** The modules a module imports statically (loaded with it), as root-relative URLs. */
export function moduleImports(code: string, url: string): string[] {
  const found = [...code.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g)].map((match) => match[1] ?? match[2]!);
  return found.filter((spec) => spec.startsWith('.') || spec.startsWith('/')).map((spec) => posix.normalize(spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec)));
}

/** Every module a page's scripts load up front, following static imports. */
function loadedModules(outDir: string, html: string): { url: string; code: string }[] {
  const seen = new Map<string, string>();
  const queue = pageScripts(html).flatMap((script) => (script.src?.startsWith('/') ? [script.src] : []));
  const inline = pageScripts(html).filter((script) => script.code !== undefined && /module/.test(script.type));
  for (const script of inline) queue.push(...moduleImports(script.code!, '/'));
  while (queue.length) {
    const url = queue.shift()!.replace(/[?#].*$/, '');
    const file = join(outDir, url);
    if (seen.has(url) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    seen.set(url, code);
    queue.push(...moduleImports(code, url));
  }
  return [...seen].map(([url, code]) => ({ url, code }));
}

/** A page's HTML without its `<template>` elements, whose content is inert until a script uses it. */
function liveHtml(html: string): string {
  return html.replace(/<template\b[\s\S]*?<\/template>/gi, '');
}

/** Gzipped bytes of the JavaScript a page loads up front: its inline modules and every module they or its `<script src>` load statically. */
function upFrontScript(outDir: string, html: string): { modules: string[]; bytes: number } {
  const inline = pageScripts(html).filter((script) => script.code !== undefined && /module/.test(script.type));
  const modules = loadedModules(outDir, html);
  return {
    modules: [...inline.map(() => '(inline module)'), ...modules.map((module) => module.url)],
    bytes: inline.reduce((sum, script) => sum + gzipSize(script.code!), 0) + modules.reduce((sum, module) => sum + gzipSize(module.code), 0),
  };
}

/** Root-relative URLs a page's live HTML loads through `src` or `href` attributes of scripts and links. */
function loadedUrls(html: string): string[] {
  return [...liveHtml(html).matchAll(/<(?:script|link)\b[^>]*>/gi)].flatMap((match) => {
    const url = attribute(match[0], 'src') ?? attribute(match[0], 'href');
    return url?.startsWith('/') ? [url] : [];
  });
}

/** Measure a build in `outDir` against {@link BUDGETS}. */
export function measureBudgets(outDir: string): BudgetReport {
  const rows: BudgetRow[] = [];
  const articleScripts: BudgetReport['articleScripts'] = [];
  const searchUpFront: string[] = [];
  const cssSizes = new Map<string, number>();
  const cssSize = (href: string) => {
    if (!cssSizes.has(href)) cssSizes.set(href, gzipSize(readFileSync(join(outDir, href.replace(/[?#].*$/, '')))));
    return cssSizes.get(href)!;
  };
  let decideModules: string[] = [];
  let decideRow: BudgetRow | undefined;
  for (const file of htmlFiles(outDir)) {
    const url = urlOf(file);
    const html = readFileSync(join(outDir, file), 'utf8');
    const script = upFrontScript(outDir, html);
    if (isArticlePage(url)) {
      articleScripts.push({ page: url, bytes: script.bytes });
      const bytes = gzipSize(html) + linkedStylesheets(html).reduce((sum, href) => sum + cssSize(href), 0);
      rows.push({ page: url, kind: 'page', bytes, budget: BUDGETS.articlePageGzip, status: budgetStatus(bytes, BUDGETS.articlePageGzip) });
    }
    if (url === '/decide/') {
      decideModules = script.modules;
      decideRow = { page: '/decide/ (script)', kind: 'script', bytes: script.bytes, budget: BUDGETS.decideScriptGzip, status: budgetStatus(script.bytes, BUDGETS.decideScriptGzip) };
    }
    const loaded = [...loadedUrls(html), ...script.modules];
    if (loaded.some((loadedUrl) => loadedUrl.startsWith(PAGEFIND_BUNDLE))) searchUpFront.push(url);
  }
  const largest = articleScripts.reduce((max, page) => Math.max(max, page.bytes), 0);
  rows.push({ page: 'article pages (script, largest)', kind: 'script', bytes: largest, budget: BUDGETS.articleScriptGzip, status: budgetStatus(largest, BUDGETS.articleScriptGzip) });
  if (decideRow) rows.push(decideRow);
  return { rows, articleScripts, searchUpFront, decideModules };
}
/** The budget rows as a Markdown table: page, bytes gzipped, budget, status. */
export function budgetTable(rows: readonly BudgetRow[]): string {
  const lines = ['| page | bytes gzipped | budget | status |', '| --- | ---: | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.page} | ${row.bytes} (${formatKb(row.bytes)}) | ${row.budget} (${formatKb(row.budget)}) | ${row.status} |`);
  return lines.join('\n');
}
