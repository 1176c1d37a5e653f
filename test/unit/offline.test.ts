import { describe, expect, it } from 'vitest';
import { offlinePlan, precacheUrls, serviceWorkerSource } from '../../src/lib/offline';

const FILES = [
  'index.html',
  'factors/kms/a/index.html',
  'decide/index.html',
  'search/index.html',
  '404.html',
  '_astro/Base.abc.css',
  '_astro/decide.def.js',
  'favicon.svg',
  'sitemap-index.xml',
  'robots.txt',
  'decision-tree.json',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.js',
  'pagefind/pagefind-component-ui.js',
  'pagefind/pagefind-ui.js',
  'pagefind/wasm.en.pagefind',
  'pagefind/index/en_1.pf_index',
  'pagefind/fragment/en_2.pf_fragment',
  'sw.js',
];

describe('precacheUrls', () => {
  it('caches every page, asset and search file a reader needs, as the URLs the browser asks for', () => {
    expect(precacheUrls(FILES, 'b1')).toEqual([
      '/',
      '/404.html',
      '/_astro/Base.abc.css',
      '/_astro/decide.def.js',
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

describe('offlinePlan', () => {
  it('fetches styles, scripts, the tree, search and its index at once, and other pages and result excerpts only on request', () => {
    const { shell, rest } = offlinePlan(FILES, 'b1');
    expect(rest).toEqual(['/factors/kms/a/', '/pagefind/fragment/en_2.pf_fragment']);
    expect(shell).toContain('/decide/');
    expect(shell).toContain('/search/');
    expect(shell).toContain('/pagefind/index/en_1.pf_index');
    expect(shell).toContain('/_astro/Base.abc.css');
    expect([...shell, ...rest].sort()).toEqual(precacheUrls(FILES, 'b1'));
  });
});

describe('serviceWorkerSource', () => {
  it('names its cache after the build, so a new build replaces the old cache', () => {
    const first = serviceWorkerSource('b1', { shell: ['/'], rest: [] });
    const second = serviceWorkerSource('b2', { shell: ['/'], rest: [] });
    expect(first).toContain("const CACHE = 'vag-b1';");
    expect(second).toContain("const CACHE = 'vag-b2';");
    expect(first).toMatch(/caches\.delete/);
  });
});
