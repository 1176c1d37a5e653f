import { describe, expect, it } from 'vitest';
import { notSavedPage, offlinePlan, pageAssets, precacheUrls, serviceWorkerSource } from '../../src/lib/offline';

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

describe('serviceWorkerSource', () => {
  const plan = offlinePlan(FILES, 'b1', '/', read);
  const pages = { notFound: '<h1>Page not found</h1>', notSaved: '<h1>Not saved for offline reading</h1>' };

  it('names its cache after the build, so a new build replaces the old cache', () => {
    expect(serviceWorkerSource('b1', plan, pages)).toContain("const CACHE = 'vag-b1';");
    expect(serviceWorkerSource('b2', plan, pages)).toContain("const CACHE = 'vag-b2';");
    expect(serviceWorkerSource('b1', plan, pages)).toMatch(/caches\.delete/);
  });

  it('carries the plan and both offline pages as data', () => {
    const source = serviceWorkerSource('b1', plan, pages);
    const constant = (name: string): unknown => JSON.parse(new RegExp(`^const ${name} = (.*);$`, 'm').exec(source)![1]!);
    expect(constant('PAGES')).toEqual(plan.pages);
    expect(constant('ASSETS')).toEqual(plan.assets);
    expect(constant('FILES')).toEqual(plan.files);
    expect(constant('NOT_FOUND')).toBe(pages.notFound);
    expect(constant('NOT_SAVED')).toBe(pages.notSaved);
  });

  it('is valid JavaScript', () => {
    expect(() => new Function(serviceWorkerSource('b1', plan, { notFound: '</script>`${x}\'"', notSaved: '\u2028' }))).not.toThrow();
  });
});
