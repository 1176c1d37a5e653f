/// <reference lib="webworker" />
/**
 * The service worker, /sw.js: bundled at build by src/integrations/offline.ts with this build's data
 * (`__OFFLINE__`, see src/lib/offline.ts). Install keeps the pages open (the one that registered it) and the
 * files they load, and the pages read with the previous build; the whole build too if the reader had saved the
 * site. A page read is kept; the rest only when a page asks (message `save`, answered with `offline-progress`
 * messages). Pages come from the network first; offline, a page not kept gets the notice (503), an address
 * the build does not have the 404 page (404). Lookups ignore `Vary`: a host that sends `Vary: Origin` must not
 * make the worker miss what it stored.
 */
import type { OfflineProgress, ServiceWorkerData } from '../lib/offline';

declare const self: ServiceWorkerGlobalScope;
/** This build's data, written into the bundle by esbuild's `define`. */
declare const __OFFLINE__: ServiceWorkerData;

const { cache: CACHE, base: BASE, plan, notFound: NOT_FOUND, notSaved: NOT_SAVED } = __OFFLINE__;
/** Every cache of the site starts so; the rest of the name is the build. */
const PREFIX = 'vag-';
/** Kept once the reader saved the whole site, so that a new build saves itself in full too. */
const SAVED = `${BASE}sw.js?saved`;
const LOOKUP: CacheQueryOptions = { ignoreVary: true };

/** The files a page loads as it opens. */
function assetsOf(path: string): string[] {
  const set = plan.pages[path];
  return set === undefined ? [] : (plan.assets[set] ?? []);
}

/** A page and the files it loads. */
const withAssets = (path: string): string[] => [path, ...assetsOf(path)];

/** The URLs in a cache, as paths with their query. */
async function kept(cache: Cache): Promise<Set<string>> {
  return new Set(
    (await cache.keys()).map((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search;
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

async function install(): Promise<void> {
  const cache = await caches.open(CACHE);
  // The pages open now (the one that registered this worker), and the pages the previous build's cache kept.
  const pages = new Set<string>();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) pages.add(new URL(client.url).pathname);
  let saved = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    for (const path of await kept(await caches.open(name))) {
      if (path === SAVED) saved = true;
      else pages.add(path);
    }
  }
  // The notice is made from the 404 page (it is in this worker): it needs the files 404.html loads.
  const wanted = new Set([...assetsOf(`${BASE}404.html`), ...[...pages].filter((path) => path in plan.pages).flatMap(withAssets)]);
  const have = await kept(cache);
  await Promise.all([...wanted].filter((url) => !have.has(url)).map((url) => cache.add(url)));
  if (saved && (await save()) > 0) throw new Error('the new build could not be saved in full; the previous one stays');
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** Every file of the build not kept yet, a few at a time, telling every open page how far it has got. Resolves to the number that failed. */
let saving: Promise<number> | undefined;
async function save(): Promise<number> {
  const cache = await caches.open(CACHE);
  const have = await kept(cache);
  const missing = plan.files.filter((url) => !have.has(url));
  let done = plan.files.length - missing.length;
  let failed = 0;
  const tell = async (type: OfflineProgress['type']) => {
    for (const client of await self.clients.matchAll()) client.postMessage({ type, done, total: plan.files.length, failed } satisfies OfflineProgress);
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

async function status(client: Client | ServiceWorker | MessagePort): Promise<void> {
  const have = await kept(await caches.open(CACHE));
  const done = plan.files.filter((url) => have.has(url)).length;
  const type = done === plan.files.length ? 'offline-done' : 'offline-status';
  client.postMessage({ type, done, total: plan.files.length, failed: 0 } satisfies OfflineProgress);
}

self.addEventListener('message', (event) => {
  const type: unknown = event.data?.type;
  if (type === 'save') {
    saving ??= save().finally(() => (saving = undefined));
    event.waitUntil(saving);
  } else if (type === 'status' && event.source) event.waitUntil(status(event.source));
});

/** Keep a response the network gave, unless the cache refuses it (a partial response, `Vary: *`). */
function keep(event: FetchEvent, cache: Cache, key: RequestInfo, response: Response): Response {
  if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()).catch(() => undefined));
  return response;
}

/** Pages: the network first, so a new build reaches readers, keeping each page read; offline, the copy kept, or say why there is none. */
async function page(event: FetchEvent, path: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    return keep(event, cache, path, await fetch(event.request));
  } catch {
    const hit = await cache.match(path, LOOKUP);
    if (hit) return hit;
    const known = path in plan.pages;
    return new Response(known ? NOT_SAVED : NOT_FOUND, { status: known ? 503 : 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

/** Everything else is named by content or by build: the cache first, and what the network brings is kept. */
async function file(event: FetchEvent, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request, { ...LOOKUP, ignoreSearch: url.pathname.startsWith(`${BASE}pagefind/`) });
  return hit ?? keep(event, cache, event.request, await fetch(event.request));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  event.respondWith(event.request.mode === 'navigate' ? page(event, url.pathname) : file(event, url));
});
