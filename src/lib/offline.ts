import { posix } from 'node:path';
import { moduleImports } from './budgets';
import { prefixBase } from './routes';

/**
 * The offline cache: what the service worker keeps, and the worker itself.
 * A visit keeps only the pages read and the files they load; "Save for
 * offline use" keeps the whole build. The cache is named after the build, so
 * a new build installs a new cache and the old one is dropped.
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

/**
 * The service worker's source. Install keeps the pages open (the one that registered it) and the files they
 * load, and the pages read with the previous build; the whole build too if the reader had saved the site. A
 * page read is kept; the rest only when a page asks (message `save`, answered with `offline-progress`
 * messages). Pages come from the network first; offline, a page not kept gets the notice (503), an
 * address the build does not have the 404 page (404). Lookups ignore `Vary`: a host that sends
 * `Vary: Origin` must not make the worker miss what it stored. `base` is Astro's base, the worker's scope.
 */
export function serviceWorkerSource(id: string, plan: OfflinePlan, pages: OfflinePages, base = '/'): string {
  return `// Generated at build ${id}; do not edit. See src/lib/offline.ts.
const CACHE = 'vag-${id}';
const BASE = ${JSON.stringify(base)};
// Page → index in ASSETS of the files it loads as it opens.
const PAGES = ${JSON.stringify(plan.pages)};
const ASSETS = ${JSON.stringify(plan.assets)};
// Everything "Save for offline use" keeps.
const FILES = ${JSON.stringify(plan.files)};
// Kept once the reader saved the whole site, so that a new build saves itself in full too.
const SAVED = BASE + 'sw.js?saved';
const NOT_FOUND = ${JSON.stringify(pages.notFound)};
const NOT_SAVED = ${JSON.stringify(pages.notSaved)};
const LOOKUP = { ignoreVary: true };

/** A page and the files it loads. */
const withAssets = (path) => [path, ...(ASSETS[PAGES[path]] ?? [])];

/** The URLs in a cache, as paths with their query. */
async function kept(cache) {
  return new Set((await cache.keys()).map((request) => {
    const url = new URL(request.url);
    return url.pathname + url.search;
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

async function install() {
  const cache = await caches.open(CACHE);
  // The pages open now (the one that registered this worker), and the pages the previous build's cache kept.
  const pages = new Set();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) pages.add(new URL(client.url).pathname);
  let saved = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith('vag-') || name === CACHE) continue;
    for (const path of await kept(await caches.open(name))) {
      if (path === SAVED) saved = true;
      else pages.add(path);
    }
  }
  // The notice is made from the 404 page (it is in this worker): it needs the files 404.html loads.
  const wanted = new Set([...(ASSETS[PAGES[BASE + '404.html']] ?? []), ...[...pages].filter((path) => path in PAGES).flatMap(withAssets)]);
  const have = await kept(cache);
  await Promise.all([...wanted].filter((url) => !have.has(url)).map((url) => cache.add(url)));
  if (saved && (await save()) > 0) throw new Error('the new build could not be saved in full; the previous one stays');
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('vag-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** Every file of the build not kept yet, a few at a time, telling every open page how far it has got. Resolves to the number that failed. */
let saving;
async function save() {
  const cache = await caches.open(CACHE);
  const have = await kept(cache);
  const missing = FILES.filter((url) => !have.has(url));
  let done = FILES.length - missing.length;
  let failed = 0;
  const tell = async (type) => {
    for (const client of await self.clients.matchAll()) client.postMessage({ type, done, total: FILES.length, failed });
  };
  await tell('offline-progress');
  while (missing.length) {
    await Promise.all(missing.splice(0, 6).map((url) => cache.add(url).then(() => done++, () => failed++)));
    await tell('offline-progress');
  }
  if (!failed) await cache.put(SAVED, new Response(''));
  await tell('offline-done');
  return failed;
}

async function status(client) {
  const have = await kept(await caches.open(CACHE));
  const done = FILES.filter((url) => have.has(url)).length;
  client.postMessage({ type: done === FILES.length ? 'offline-done' : 'offline-status', done, total: FILES.length, failed: 0 });
}

self.addEventListener('message', (event) => {
  if (event.data?.type === 'save') {
    saving ??= save().finally(() => (saving = undefined));
    event.waitUntil(saving);
  } else if (event.data?.type === 'status' && event.source) event.waitUntil(status(event.source));
});

/** Keep a response the network gave, unless the cache refuses it (a partial response, \`Vary: *\`). */
function keep(event, cache, key, response) {
  if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()).catch(() => undefined));
  return response;
}

/** Pages: the network first, so a new build reaches readers, keeping each page read; offline, the copy kept, or say why there is none. */
async function page(event, path) {
  const cache = await caches.open(CACHE);
  try {
    return keep(event, cache, path, await fetch(event.request));
  } catch {
    const hit = await cache.match(path, LOOKUP);
    if (hit) return hit;
    const known = path in PAGES;
    return new Response(known ? NOT_SAVED : NOT_FOUND, { status: known ? 503 : 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

/** Everything else is named by content or by build: the cache first, and what the network brings is kept. */
async function file(event, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request, { ...LOOKUP, ignoreSearch: url.pathname.startsWith(BASE + 'pagefind/') });
  return hit || keep(event, cache, event.request, await fetch(event.request));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  event.respondWith(event.request.mode === 'navigate' ? page(event, url.pathname) : file(event, url));
});
`;
}
