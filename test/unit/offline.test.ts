import { describe, expect, it } from 'vitest';
import { notSavedPage, offlinePlan, pageAssets, precacheUrls, serviceWorker } from '../../src/lib/offline';

const PAGE = (body: string, head = '<link rel="stylesheet" href="/_astro/Base.abc.css">') =>
  `<!DOCTYPE html><html><head><title>A page · Guide</title><link rel="canonical" href="https://example.org/a/"><link rel="icon" href="/favicon.svg">${head}</head>` +
  `<body><main id="main">${body}</main><template><script src="/pagefind/pagefind.js"></script></template>` +
  `<script type="module" src="/_astro/shared.js"></script></body></html>`;

/** A small build: its output files and their text. */
const OUTPUT: Record<string, string> = {
  'index.html': PAGE('<h1>Home</h1><a href="/factors/kms/a/">A</a>'),
  'factors/kms/a/index.html': PAGE('<h1>A</h1><img src="/_astro/diagram.svg" alt="">'),
  'decide/index.html': PAGE('<h1>Decide</h1>', '<link rel="stylesheet" href="/_astro/Base.abc.css"><script type="module" src="/_astro/decide.def.js"></script>'),
  'search/index.html': PAGE('<h1>Search</h1>'),
  '404.html': PAGE('<h1>Page not found</h1>'),
  '_astro/Base.abc.css': 'body{}',
  '_astro/shared.js': 'import{a}from"./chunk.js";a()',
  '_astro/chunk.js': 'export const a=()=>import("/pagefind/pagefind-component-ui.js")',
  '_astro/decide.def.js': 'import"./chunk.js";',
  '_astro/diagram.svg': '<svg/>',
  'favicon.svg': '<svg/>',
  'sitemap-index.xml': '',
  'robots.txt': '',
  'decision-tree.json': '{}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.js': '',
  'pagefind/pagefind-component-ui.js': '',
  'pagefind/pagefind-ui.js': '',
  'pagefind/wasm.en.pagefind': '',
  'pagefind/index/en_1.pf_index': '',
  'pagefind/fragment/en_2.pf_fragment': '',
  'sw.js': '',
};
const FILES = Object.keys(OUTPUT);
const read = (file: string) => {
  if (!(file in OUTPUT)) throw new Error(`no file ${file}`);
  return OUTPUT[file]!;
};

describe('precacheUrls', () => {
  it('lists every page, asset and search file a reader needs, as the URLs the browser asks for', () => {
    expect(precacheUrls(FILES, 'b1')).toEqual([
      '/',
      '/404.html',
      '/_astro/Base.abc.css',
      '/_astro/chunk.js',
      '/_astro/decide.def.js',
      '/_astro/diagram.svg',
      '/_astro/shared.js',
      '/decide/',
      '/decision-tree.json',
      '/factors/kms/a/',
      '/favicon.svg',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-component-ui.js',
      '/pagefind/pagefind-entry.json?ts=b1',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
      '/search/',
    ]);
  });
});

describe('pageAssets', () => {
  it('finds the stylesheets, icons, scripts and images a page loads as it opens, not links, not a template', () => {
    expect(pageAssets(read('factors/kms/a/index.html'))).toEqual(['/favicon.svg', '/_astro/Base.abc.css', '/_astro/diagram.svg', '/_astro/shared.js']);
  });
});

describe('offlinePlan', () => {
  const plan = offlinePlan(FILES, 'b1', '/', read);

  it('gives each page the files it loads, with the modules its scripts import, but not what they load later (search)', () => {
    expect(plan.assets[plan.pages['/factors/kms/a/']!]).toEqual(['/_astro/Base.abc.css', '/_astro/chunk.js', '/_astro/diagram.svg', '/_astro/shared.js', '/favicon.svg']);
    expect(plan.assets[plan.pages['/decide/']!]).toEqual(['/_astro/Base.abc.css', '/_astro/chunk.js', '/_astro/decide.def.js', '/_astro/shared.js', '/favicon.svg']);
    expect(plan.assets.flat().filter((url) => url.startsWith('/pagefind/'))).toEqual([]);
  });

  it('lists every page once, and pages that load the same files share one set', () => {
    expect(Object.keys(plan.pages).sort()).toEqual(['/', '/404.html', '/decide/', '/factors/kms/a/', '/search/']);
    expect(plan.pages['/']).toBe(plan.pages['/search/']);
    expect(plan.pages['/']).toBe(plan.pages['/404.html']);
    expect(plan.assets).toHaveLength(3);
  });

  it('has "Save for offline use" keep every file a reader needs, search and its index too', () => {
    expect(plan.files).toEqual(precacheUrls(FILES, 'b1'));
    for (const url of [...Object.keys(plan.pages), ...plan.assets.flat()]) expect(plan.files).toContain(url);
  });

  it('puts the base in front of every URL, and reads the files of a build served under a path', () => {
    const BASE = '/volume-activation-guide/';
    const under = Object.fromEntries(Object.entries(OUTPUT).map(([file, text]) => [file, text.replaceAll('"/_astro/', `"${BASE}_astro/`).replaceAll('"/favicon', `"${BASE}favicon`)]));
    const based = offlinePlan(FILES, 'b1', BASE, (file) => under[file]!);
    expect(Object.keys(based.pages)).toContain(`${BASE}factors/kms/a/`);
    expect(based.assets[based.pages[`${BASE}factors/kms/a/`]!]).toEqual(plan.assets[plan.pages['/factors/kms/a/']!]!.map((url) => `${BASE}${url.slice(1)}`));
    expect(based.files.filter((url) => !url.startsWith(BASE))).toEqual([]);
    expect(based.files).toContain(`${BASE}pagefind/pagefind-entry.json?ts=b1`);
  });
});

describe('notSavedPage', () => {
  const NOT_FOUND = PAGE('<h1>Page not found</h1><p>Gone.</p>').replace(
    '</main>',
    '</main><footer><p>About</p><p class="offline-save" hidden data-offline><button type="button">Save for offline use</button><span data-offline-status>…</span></p></footer>',
  );

  it('is the 404 page saying the page was not saved, with the save control under the notice', () => {
    const html = notSavedPage(NOT_FOUND);
    expect(html).toContain('<title>Not saved for offline reading · Guide</title>');
    const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)![1]!;
    expect(main).toContain('<h1>Not saved for offline reading</h1>');
    expect(main).toMatch(/<p class="offline-save" hidden data-offline><button type="button">Save for offline use<\/button>/);
    expect(main).not.toContain('Page not found');
    expect(html.match(/data-offline[\s>]/g)).toHaveLength(1);
    // The layout and its scripts stay: the shared script makes the control work.
    expect(html).toContain('<script type="module" src="/_astro/shared.js"></script>');
  });

  it('names what the 404 page lacks, all at once', () => {
    expect(() => notSavedPage('<html><body><p>Nothing</p></body></html>')).toThrow(
      '404.html: the offline notice is made from the 404 page, which has no <title>, <main>, the "Save for offline use" control ([data-offline])',
    );
  });
});

/** A page, an asset or a search file the fake network serves: every response varies by Origin, as some hosts send. */
const served = (url: string) => {
  const response = new Response(`body of ${new URL(url).pathname}`, { headers: { vary: 'Origin' } });
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
};

/**
 * A browser for the bundled worker: its caches (which, like a browser's, miss a response stored with `Vary`
 * unless asked to ignore it), the network (on or off) and the open pages, with the messages they receive.
 */
function browser(openPages: string[]) {
  const ORIGIN = 'https://guide.example';
  const stores = new Map<string, Map<string, Response>>();
  const requested: string[] = [];
  let online = true;
  const fetch = async (input: string | { url: string }) => {
    const url = new URL(typeof input === 'string' ? input : input.url, ORIGIN).href;
    if (!online) throw new TypeError('Failed to fetch');
    requested.push(new URL(url).pathname + new URL(url).search);
    return served(url);
  };
  const keyOf = (input: string | { url: string }) => new URL(typeof input === 'string' ? input : input.url, ORIGIN).href;
  const store = (name: string) => {
    const entries = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, entries);
    return {
      keys: async () => [...entries.keys()].map((url) => ({ url })),
      put: async (key: string | { url: string }, response: Response) => void entries.set(keyOf(key), response),
      add: async (url: string) => void entries.set(keyOf(url), await fetch(url)),
      match: async (key: string | { url: string }, options: { ignoreVary?: boolean; ignoreSearch?: boolean } = {}) => {
        const wanted = new URL(keyOf(key));
        const found = [...entries].find(([url]) => (options.ignoreSearch ? url.replace(/\?.*$/, '') === wanted.href.replace(/\?.*$/, '') : url === wanted.href))?.[1];
        return found && (options.ignoreVary || !found.headers.has('vary')) ? found.clone() : undefined;
      },
    };
  };
  const caches = {
    open: async (name: string) => store(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const messages: { type: string; done: number; total: number; failed: number }[] = [];
  const clients = openPages.map((path) => ({ url: `${ORIGIN}${path}`, postMessage: (message: (typeof messages)[number]) => messages.push(message) }));

  /** Run a worker's code; returns a way to send it events, each resolving once all it waits for is done. */
  const start = (source: string) => {
    const listeners = new Map<string, (event: object) => void>();
    const self = {
      location: { origin: ORIGIN },
      addEventListener: (type: string, listener: (event: object) => void) => listeners.set(type, listener),
      skipWaiting: async () => undefined,
      clients: { matchAll: async () => clients, claim: async () => undefined },
    };
    new Function('self', 'caches', 'fetch', source)(self, caches, fetch);
    const dispatch = async (type: string, fields: object = {}) => {
      const waits: Promise<unknown>[] = [];
      let response: Promise<Response> | undefined;
      listeners.get(type)!({ ...fields, waitUntil: (promise: Promise<unknown>) => waits.push(promise), respondWith: (promise: Promise<Response>) => (response = promise) });
      const answer = await response;
      await Promise.all(waits);
      await Promise.all(waits); // what the first ones started
      return answer;
    };
    return {
      install: () => dispatch('install'),
      activate: () => dispatch('activate'),
      message: (type: string) => dispatch('message', { data: { type }, source: clients[0] }),
      open: (path: string, mode = 'navigate') => dispatch('fetch', { request: { url: `${ORIGIN}${path}`, method: 'GET', mode } }),
    };
  };
  return {
    start,
    messages,
    requested,
    setOnline: (value: boolean) => (online = value),
    cached: (name: string) => [...(stores.get(name)?.keys() ?? [])].map((url) => url.slice(ORIGIN.length)).sort(),
    cacheNames: () => [...stores.keys()],
  };
}

describe('the service worker', () => {
  const plan = offlinePlan(FILES, 'b1', '/', read);
  const pages = { notFound: '<h1>Page not found</h1>', notSaved: '<h1>Not saved for offline reading</h1>' };

  it('keeps, on the first visit, only the page open and the files it loads (with those of the 404 page, for the notice)', async () => {
    const site = browser(['/factors/kms/a/']);
    await site.start(await serviceWorker('b1', plan, pages)).install();
    expect(site.cached('vag-b1')).toEqual(['/_astro/Base.abc.css', '/_astro/chunk.js', '/_astro/diagram.svg', '/_astro/shared.js', '/factors/kms/a/', '/favicon.svg']);
  });

  it('offline, answers a page kept from the cache although the host varies it, a page not kept with the notice (503), an unknown address with the 404 page', async () => {
    const site = browser(['/factors/kms/a/']);
    const worker = site.start(await serviceWorker('b1', plan, pages));
    await worker.install();
    site.setOnline(false);
    const kept = (await worker.open('/factors/kms/a/'))!;
    expect([kept.status, await kept.text()]).toEqual([200, 'body of /factors/kms/a/']);
    const script = (await worker.open('/_astro/shared.js', 'no-cors'))!;
    expect(await script.text()).toBe('body of /_astro/shared.js');
    const notSaved = (await worker.open('/decide/'))!;
    expect([notSaved.status, await notSaved.text()]).toEqual([503, '<h1>Not saved for offline reading</h1>']);
    const missing = (await worker.open('/factors/kms/gone/'))!;
    expect([missing.status, await missing.text()]).toEqual([404, '<h1>Page not found</h1>']);
  });

  it('keeps a page read, and keeps everything on "Save for offline use", telling the pages how far it got', async () => {
    const site = browser(['/']);
    const worker = site.start(await serviceWorker('b1', plan, pages));
    await worker.install();
    await worker.open('/search/');
    expect(site.cached('vag-b1')).toContain('/search/');
    await worker.message('save');
    expect(site.cached('vag-b1')).toEqual([...plan.files, '/sw.js?saved'].sort());
    expect(site.messages.at(0)).toMatchObject({ type: 'offline-progress', total: plan.files.length });
    expect(site.messages.at(-1)).toEqual({ type: 'offline-done', done: plan.files.length, total: plan.files.length, failed: 0 });
  });

  it('has a new build take over the pages read, drop the old cache, and save in full what the reader had saved', async () => {
    const site = browser(['/']);
    const first = site.start(await serviceWorker('b1', plan, pages));
    await first.install();
    await first.open('/factors/kms/a/');
    const second = site.start(await serviceWorker('b2', plan, pages));
    await second.install();
    await second.activate();
    expect(site.cacheNames()).toEqual(['vag-b2']);
    expect(site.cached('vag-b2')).toEqual(expect.arrayContaining(['/', '/factors/kms/a/', '/_astro/diagram.svg']));
    expect(site.cached('vag-b2')).not.toContain('/decide/');

    await second.message('save');
    const third = site.start(await serviceWorker('b3', plan, pages));
    await third.install();
    await third.activate();
    expect(site.cached('vag-b3')).toEqual([...plan.files, '/sw.js?saved'].sort());
  });

  it('serves only its own site, under the base', async () => {
    const site = browser(['/volume-activation-guide/']);
    const worker = site.start(await serviceWorker('b1', offlinePlan(FILES, 'b1', '/volume-activation-guide/', read), pages, '/volume-activation-guide/'));
    site.setOnline(false);
    expect(await worker.open('/factors/kms/a/')).toBeUndefined();
    expect((await worker.open('/volume-activation-guide/decide/'))?.status).toBe(503);
  });
});
