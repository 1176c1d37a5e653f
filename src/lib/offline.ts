import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { moduleImports } from './budgets';
import { prefixBase } from './routes';

/**
 * The offline cache: what the service worker keeps, and the worker, built from
 * src/scripts/sw.ts. A visit keeps only the pages read and the files they load;
 * "Save for offline use" keeps the whole build. The cache is named after the
 * build, so a new build installs a new cache and the old one is dropped.
 */

/** A new build id: the time in base 36. astro.config.mjs makes one per build and passes it on. */
export function newBuildId(now = Date.now()): string {
  return now.toString(36);
}

/** URL of an output file inside the site: `factors/kms/x/index.html` → `/factors/kms/x/`. */
function urlOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Output files a reader needs offline: pages, styles, scripts, images, fonts, data and search (not Pagefind's unused UIs). */
const OFFLINE_FILE = /\.(html|css|js|svg|png|jpe?g|gif|webp|avif|ico|woff2?|json|wasm|pagefind|pf_meta|pf_fragment|pf_index|pf_filter)$/;
const UNUSED_FILE = /^pagefind\/pagefind-(ui|modular-ui)\.(js|css)$|^sw\.js$/;

/**
 * The URLs of every file a reader needs offline, as the browser asks for them, inside the site (`/factors/…`):
 * search's entry file under the meta cache tag Pagefind asks for (the build id).
 */
export function precacheUrls(files: readonly string[], id: string): string[] {
  return files
    .filter((file) => OFFLINE_FILE.test(file) && !UNUSED_FILE.test(file))
    .map((file) => (file === 'pagefind/pagefind-entry.json' ? `/pagefind/pagefind-entry.json?ts=${id}` : urlOf(file)))
    .sort();
}

/** The value of one attribute of a tag, if it has it. */
function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
}

/** The link relations whose file a page loads as it opens. */
const LOADED_LINK = /^(stylesheet|icon|modulepreload|preload)$/i;

/**
 * Root-relative URLs a page's HTML loads as it opens: stylesheets, icons, scripts, images. Not links to other pages,
 * and not what a `<template>` holds (inert until a script uses it).
 */
export function pageAssets(html: string): string[] {
  const live = html.replace(/<template\b[\s\S]*?<\/template>/gi, '');
  const urls = [...live.matchAll(/<(link|script|img)\b[^>]*>/gi)].flatMap((match) => {
    const tag = match[0];
    const url = match[1]!.toLowerCase() === 'link' ? (LOADED_LINK.test(attribute(tag, 'rel') ?? '') ? attribute(tag, 'href') : undefined) : attribute(tag, 'src');
    return url?.startsWith('/') && !url.startsWith('//') ? [url.replace(/[?#].*$/, '')] : [];
  });
  return [...new Set(urls)];
}

export interface OfflinePlan {
  /** Every page of the build (its URL) → the index in `assets` of the files it loads as it opens. */
  pages: Record<string, number>;
  /** The sets of files pages load as they open (stylesheets, scripts and the modules they import, icons, images); pages share them. */
  assets: string[][];
  /** Every file "Save for offline use" keeps: the pages, what they load, search and its index, decision-tree.json. */
  files: string[];
}

/**
 * What the service worker keeps, as the URLs the browser asks for (`base` in front: '/' or
 * '/volume-activation-guide/'). `read(file)` gives the text of an output file (`factors/kms/x/index.html`,
 * `_astro/x.js`): each page's HTML and the scripts it loads say which files it needs.
 */
export function offlinePlan(files: readonly string[], id: string, base: string, read: (file: string) => string): OfflinePlan {
  const inside = prefixBase(base, '/');
  const fileOf = (url: string) => (url.startsWith(inside) ? url.slice(inside.length) : undefined);
  const exists = new Set(files);
  const loads = (file: string): string[] => {
    const found = new Set<string>();
    const queue = pageAssets(read(file));
    while (queue.length) {
      const url = posix.normalize(queue.shift()!);
      const asset = fileOf(url);
      if (found.has(url) || asset === undefined || !exists.has(asset)) continue;
      found.add(url);
      if (asset.endsWith('.js')) queue.push(...moduleImports(read(asset), url));
    }
    return [...found].sort();
  };
  const pages: Record<string, number> = {};
  const assets: string[][] = [];
  const known = new Map<string, number>();
  for (const file of files.filter((name) => name.endsWith('.html')).sort()) {
    const set = loads(file);
    const key = set.join('\n');
    if (!known.has(key)) known.set(key, assets.push(set) - 1);
    pages[prefixBase(base, urlOf(file))] = known.get(key)!;
  }
  return { pages, assets, files: precacheUrls(files, id).map((url) => prefixBase(base, url)) };
}

/** What the page the worker answers for a page it has not saved says, in place of the 404 page's content. */
const NOT_SAVED_TITLE = 'Not saved for offline reading';
const NOT_SAVED_TEXT = `<h1>${NOT_SAVED_TITLE}</h1>
<p class="lead">You are offline, and this page has not been saved on this device: only the pages you have read are kept.</p>
<p>When you are back online, reload this page; or save the whole guide, and every page and search will work without a connection.</p>`;

/**
 * The page the worker answers with, offline, for a page of the site it has not saved: the 404 page
 * (`notFoundHtml`, its layout and scripts) with the notice as its content, its title, and the footer's
 * "Save for offline use" control moved under the notice. Throws if the 404 page lacks a part it needs.
 */
export function notSavedPage(notFoundHtml: string): string {
  const control = /<p\b[^>]*\sdata-offline[\s>][\s\S]*?<\/p>/.exec(notFoundHtml)?.[0];
  const missing: string[] = [];
  if (!/<title>[^<]*<\/title>/.test(notFoundHtml)) missing.push('<title>');
  if (!/<main\b[^>]*>[\s\S]*<\/main>/.test(notFoundHtml)) missing.push('<main>');
  if (!control) missing.push('the "Save for offline use" control ([data-offline])');
  if (missing.length) throw new Error(`404.html: the offline notice is made from the 404 page, which has no ${missing.join(', ')}`);
  return notFoundHtml
    .replace(control!, '')
    .replace(/<title>[^<]*?( · [^<]*)?<\/title>/, (_, site: string | undefined) => `<title>${NOT_SAVED_TITLE}${site ?? ''}</title>`)
    .replace(/(<main\b[^>]*>)[\s\S]*(<\/main>)/, (_, open: string, close: string) => `${open}${NOT_SAVED_TEXT}${control}${close}`);
}

/** The pages the worker makes itself, offline: the 404 page for an address the site does not have, and the notice for a page not saved. */
export interface OfflinePages {
  notFound: string;
  notSaved: string;
}

/** What the worker tells the pages about saving the site: how far it has got, as it goes, and when it is done. */
export interface OfflineProgress {
  type: 'offline-progress' | 'offline-status' | 'offline-done';
  done: number;
  total: number;
  failed: number;
}

/** What the service worker is built with: its cache's name, Astro's base (its scope), the plan and its two pages. */
export interface ServiceWorkerData extends OfflinePages {
  /** `vag-<build id>`: a new build's worker keeps its files apart, and drops the old cache once it takes over. */
  cache: string;
  /** Astro's base, '/' or '/volume-activation-guide/': the worker's scope and the start of every URL it keeps. */
  base: string;
  plan: OfflinePlan;
}

/** The worker's code, src/scripts/sw.ts; esbuild bundles it with the data of each build. */
const WORKER_ENTRY = fileURLToPath(new URL('../scripts/sw.ts', import.meta.url));

/**
 * The text of /sw.js for a build: src/scripts/sw.ts bundled and minified, with this build's data in place of
 * `__OFFLINE__`. What the worker does is described there.
 */
export async function serviceWorker(id: string, plan: OfflinePlan, pages: OfflinePages, base = '/'): Promise<string> {
  const data: ServiceWorkerData = { cache: `vag-${id}`, base, plan, ...pages };
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __OFFLINE__: JSON.stringify(data) },
    banner: { js: `// The offline cache of build ${id}; made from src/scripts/sw.ts, do not edit.` },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
