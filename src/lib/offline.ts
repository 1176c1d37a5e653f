import { prefixBase } from './routes';

/**
 * The offline cache: which files of a build the service worker precaches,
 * and the service worker itself. The cache is named after the build, so a new
 * build installs a new cache and the old one is dropped.
 */

/** A new build id: the time in base 36. astro.config.mjs makes one per build and passes it on. */
export function newBuildId(now = Date.now()): string {
  return now.toString(36);
}

/** URL of an output file: `factors/kms/x/index.html` → `/factors/kms/x/`. */
function urlOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The URLs a reader needs offline: every page, style, script, image and the
 * whole search index (its entry file under the meta cache tag Pagefind will ask for).
 * Paths inside the site (`/factors/…`); offlinePlan puts Astro's base in front.
 */
export function precacheUrls(files: readonly string[], id: string): string[] {
  const wanted = files.filter(
    (file) =>
      /\.(html|css|js|svg|json|wasm|pagefind|pf_meta|pf_fragment|pf_index|pf_filter)$/.test(file) &&
      !/^pagefind\/(pagefind-(ui|modular-ui)\.(js|css))$/.test(file) &&
      file !== 'sw.js',
  );
  return wanted
    .map((file) => (file === 'pagefind/pagefind-entry.json' ? `/pagefind/pagefind-entry.json?ts=${id}` : urlOf(file)))
    .sort();
}

/** Pages a reader is likely to open next from any page: the home page, the decision tree, search, and the 404 page. */
export const SHELL_PAGES: readonly string[] = ['/', '/404.html', '/decide/', '/decide/map/', '/search/'];

/**
 * What the service worker fetches when it installs (`shell`: styles, scripts,
 * icons, the pages in SHELL_PAGES and search's code and index, but not the
 * excerpts of each result) and what it fetches only when the reader asks to
 * save the site for offline use (`rest`: every other page and the excerpts).
 * Pages read are cached as they are read either way. `base` is Astro's base
 * ('/' or '/volume-activation-guide/'), put in front of every URL.
 */
export function offlinePlan(files: readonly string[], id: string, base = '/'): { shell: string[]; rest: string[] } {
  const all = precacheUrls(files, id);
  const later = (url: string) => ((url.endsWith('/') || url.endsWith('.html')) && !SHELL_PAGES.includes(url)) || url.endsWith('.pf_fragment');
  const served = (url: string) => prefixBase(base, url);
  return { shell: all.filter((url) => !later(url)).map(served), rest: all.filter(later).map(served) };
}

/**
 * The service worker's source: the shell on install, the rest when a page asks
 * for it (message `save`, answered with `offline-progress` messages), pages
 * cached as they are read, old caches dropped on activate, network first for pages.
 * `base` is Astro's base: the worker's scope, where its 404 page and search index are.
 */
export function serviceWorkerSource(id: string, plan: { shell: readonly string[]; rest: readonly string[] }, base = '/'): string {
  return `// Generated at build ${id}; do not edit. See src/lib/offline.ts.
const CACHE = 'vag-${id}';
const BASE = ${JSON.stringify(base)};
const SHELL = ${JSON.stringify(plan.shell)};
const REST = ${JSON.stringify(plan.rest)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('vag-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The rest of the site, a few files at a time, telling every open page how far it has got. */
let saving;
async function saveRest() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const url of REST) if (!(await cache.match(url))) missing.push(url);
  let done = REST.length - missing.length;
  let failed = 0;
  const tell = async (type) => {
    for (const client of await self.clients.matchAll()) client.postMessage({ type, done, total: REST.length, failed });
  };
  await tell('offline-progress');
  while (missing.length) {
    await Promise.all(missing.splice(0, 6).map((url) => cache.add(url).then(() => done++, () => failed++)));
    await tell('offline-progress');
  }
  await tell('offline-done');
}

async function status(client) {
  const cache = await caches.open(CACHE);
  let done = 0;
  for (const url of REST) if (await cache.match(url)) done++;
  client.postMessage({ type: done === REST.length ? 'offline-done' : 'offline-status', done, total: REST.length, failed: 0 });
}

self.addEventListener('message', (event) => {
  if (event.data?.type === 'save') {
    saving ??= saveRest().finally(() => (saving = undefined));
    event.waitUntil(saving);
  } else if (event.data?.type === 'status' && event.source) event.waitUntil(status(event.source));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, so a new build reaches readers, keeping a copy of each page read; the cache when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
          }
          return response;
        })
        .catch(() =>
          caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || caches.match(BASE + '404.html', { cacheName: CACHE })),
        ),
    );
    return;
  }
  // Everything else is named by content or by build: the cache first, and what the network brings is kept.
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: url.pathname.startsWith(BASE + 'pagefind/') }).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
`;
}
