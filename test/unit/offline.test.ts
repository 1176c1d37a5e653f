import { describe, expect, it } from 'vitest';
import { precacheUrls, serviceWorkerSource } from '../../src/lib/offline';

const FILES = [
  'index.html',
  'factors/kms/a/index.html',
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
      '/decision-tree.json',
      '/factors/kms/a/',
      '/favicon.svg',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-component-ui.js',
      '/pagefind/pagefind-entry.json?ts=b1',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
    ]);
  });
});

describe('serviceWorkerSource', () => {
  it('names its cache after the build, so a new build replaces the old cache', () => {
    const first = serviceWorkerSource('b1', ['/']);
    const second = serviceWorkerSource('b2', ['/']);
    expect(first).toContain("const CACHE = 'vag-b1';");
    expect(second).toContain("const CACHE = 'vag-b2';");
    expect(first).toMatch(/caches\.delete/);
  });
});
