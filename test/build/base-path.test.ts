import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, baseSiteBuild } from '../helpers/base-build';
import { listFiles, ROOT } from '../helpers/build';

// The real site built under a path, as GitHub Pages serves a project site (BASE_PATH=/volume-activation-guide):
// everything the browser, a crawler or a host asks for must start with the path. test/e2e/base-path.test.ts serves
// the same build under the path in Chromium.
let dist = '';
let files: string[] = [];
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

beforeAll(() => {
  dist = baseSiteBuild();
  files = listFiles(dist);
});

/** A root-relative URL (`/x`, not `//host/x`) that does not start with the base. */
const outsideBase = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith(BASE);

/** Every URL of a page the browser may ask for: links, sources, forms, srcset candidates, and Pagefind's bundle path. */
function pageUrls(html: string): { attribute: string; url: string }[] {
  const found: { attribute: string; url: string }[] = [];
  for (const match of html.matchAll(/\s(href|src|action|formaction|srcset|poster|data|bundle-path)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const attribute = match[1]!.toLowerCase();
    const value = (match[2] ?? match[3] ?? '').replace(/&amp;/g, '&');
    if (attribute === 'srcset') for (const candidate of value.split(',')) found.push({ attribute, url: candidate.trim().split(/\s+/)[0]! });
    else found.push({ attribute, url: value });
  }
  return found;
}

describe(`the real site built under ${BASE}`, () => {
  it('starts every root-relative link, script, stylesheet, image, form and search bundle path of every page with the base', () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const { attribute, url } of pageUrls(read(page))) {
        if (!url.startsWith('/')) continue;
        checked++;
        if (outsideBase(url)) wrong.push(`${page}: ${attribute}="${url}"`);
      }
    }
    expect(checked).toBeGreaterThan(pages.length * 10);
    expect(wrong).toEqual([]);
  });

  it('gives the 404 page links that work at any depth', () => {
    const urls = pageUrls(read('404.html')).filter(({ attribute }) => ['href', 'src'].includes(attribute));
    expect(urls.map(({ url }) => url)).toEqual(expect.arrayContaining([BASE, `${BASE}guides/`]));
    expect(urls.filter(({ url }) => !/^(https?:|#)/.test(url) && !url.startsWith(BASE)).map(({ url }) => url)).toEqual([]);
  });

  it("has the service worker cache and serve the site's URLs under the base", () => {
    const source = read('sw.js');
    // The build's data, as esbuild wrote it into the bundled worker (src/lib/offline.ts).
    const urls: string[] = JSON.parse(/files:(\[[^\]]*\])/.exec(source)?.[1] ?? '[]');
    expect(urls).toEqual(expect.arrayContaining([BASE, `${BASE}404.html`, `${BASE}factors/kms/branch-offices/`]));
    expect(urls.filter((url) => !url.startsWith(BASE)).map((url) => `sw.js: ${url}`)).toEqual([]);
    expect(source).toContain(`base:${JSON.stringify(BASE)}`);
  });

  it('registers the service worker and loads Pagefind from under the base', () => {
    const scripts = files.filter((file) => file.startsWith('_astro/') && file.endsWith('.js')).map(read).join('\n');
    expect(scripts).toContain(BASE);
    expect(read('index.html')).toContain(`bundle-path="${BASE}pagefind/"`);
  });

  it('writes _headers rules for paths under the base', () => {
    const paths = read('_headers').split('\n').filter((line) => line.startsWith('/'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !path.startsWith(BASE)).map((path) => `_headers: ${path}`)).toEqual([]);
  });

  it('lists the pages under the base in the sitemap and the canonical URLs', () => {
    const sitemaps = files.filter((file) => /^sitemap.*\.xml$/.test(file));
    const locs = sitemaps.flatMap((file) => [...read(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => ({ file, url: match[1]! })));
    expect(locs.some(({ url }) => new URL(url).pathname === `${BASE}factors/kms/branch-offices/`)).toBe(true);
    // A redirect (the folder of a method's factors) and a second view of the map are not pages of their own.
    expect(files).toContain('factors/kms/index.html');
    expect(locs.filter(({ url }) => /\/factors\/[^/]+\/$|\/decide\/map\/folded\/$/.test(new URL(url).pathname)).map(({ url }) => url)).toEqual([]);
    expect(locs.some(({ url }) => new URL(url).pathname === `${BASE}decide/map/`)).toBe(true);
    expect(locs.filter(({ url }) => !new URL(url).pathname.startsWith(BASE)).map(({ file, url }) => `${file}: ${url}`)).toEqual([]);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(read('factors/kms/branch-offices/index.html'))?.[1];
    expect(new URL(canonical!).pathname).toBe(`${BASE}factors/kms/branch-offices/`);
  });

  it('publishes every URL in /decision-tree.json under the base', () => {
    const urls: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'url' && typeof inner === 'string') urls.push(inner);
          else collect(inner);
        }
      }
    };
    collect(JSON.parse(read('decision-tree.json')));
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !new URL(url).pathname.startsWith(BASE)).map((url) => `decision-tree.json: ${url}`)).toEqual([]);
  });

  it('makes a portable edition from the same build whose links name files in the copy and whose live site is under the base', () => {
    const out = join(ROOT, 'test/.output/base-path/portable');
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/portable.ts', '--from', dist, '--out', out, '--zip', `${out}.zip`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BASE_PATH: BASE, SITE_URL: 'https://owner.github.io' },
    });
    // The step fails, naming each link, if one does not reach a file of the copy.
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('href="factors/kms/branch-offices/index.html"');
    expect(home).toContain('data-live-site="https://owner.github.io/volume-activation-guide"');
    const rooted = listFiles(out)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => pageUrls(readFileSync(join(out, file), 'utf8')).filter(({ url }) => url.startsWith('/') && !url.startsWith('//')).map(({ url }) => `${file}: ${url}`));
    expect(rooted).toEqual([]);
  });
});
