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
 */
export function precacheUrls(files: readonly string[], id: string): string[] {
  const wanted = files.filter(
    (file) =>
      /\.(html|css|js|svg|json|wasm|pagefind|pf_meta|pf_fragment|pf_index|pf_filter)$/.test(file) &&
      !/^pagefind\/(pagefind-(ui|modular-ui|highlight)\.(js|css))$/.test(file) &&
      file !== 'sw.js',
  );
  return wanted
    .map((file) => (file === 'pagefind/pagefind-entry.json' ? `/pagefind/pagefind-entry.json?ts=${id}` : urlOf(file)))
    .sort();
}

/** The service worker's source: precache on install, drop old caches on activate, network first for pages. */
export function serviceWorkerSource(id: string, urls: readonly string[]): string {
  return `// Generated at build ${id}; do not edit. See src/lib/offline.ts.
const CACHE = 'vag-${id}';
const URLS = ${JSON.stringify(urls)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('vag-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, so a new build reaches readers; the cache when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(url.pathname, { cacheName: CACHE }).then((hit) => hit || caches.match('/404.html', { cacheName: CACHE })),
      ),
    );
    return;
  }
  // Everything else is named by content or by build: the cache first.
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: url.pathname.startsWith('/pagefind/') }).then((hit) => hit || fetch(request)),
  );
});
`;
}
