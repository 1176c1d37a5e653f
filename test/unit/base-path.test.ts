import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { rehypeBaseLinks } from '../../src/lib/markdown/base-links';
import { findBrokenLinks, readPage } from '../../src/lib/checks/links';
import { offlinePlan } from '../../src/lib/offline';
import { portableLink } from '../../src/lib/portable/urls';
import { withBase } from '../../src/lib/routes';
import { basePath } from '../../src/lib/site';

// The pieces that put the site under a path (Astro's `base`), each given the base directly;
// test/build/base-path.test.ts and test/e2e/base-path.test.ts check a whole build served under one.
const BASE = '/volume-activation-guide/';

describe('basePath', () => {
  it("turns GitHub Pages' base_path into Astro's base, and nothing into the root", () => {
    expect(basePath('/volume-activation-guide')).toBe(BASE);
    expect(basePath('volume-activation-guide/')).toBe(BASE);
    expect(basePath('/docs/guide')).toBe('/docs/guide/');
    expect(basePath('')).toBe('/');
    expect(basePath('/')).toBe('/');
    expect(basePath(undefined)).toBe('/');
  });
});

describe('withBase', () => {
  it('leaves links as they are in a build served from the root (the unit tests run without a base)', () => {
    expect(withBase('/factors/kms/x/')).toBe('/factors/kms/x/');
    expect(withBase('https://learn.microsoft.com/')).toBe('https://learn.microsoft.com/');
  });
});

describe('rehypeBaseLinks', () => {
  const link = (tagName: string, properties: Element['properties']): Element => ({ type: 'element', tagName, properties, children: [] });

  function run(base: string, ...children: Element[]): Element[] {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children }] };
    rehypeBaseLinks({ base })(tree);
    return (tree.children[0] as Element).children as Element[];
  }

  it("puts the base in front of an article's root-relative links and images, and nothing else", () => {
    const [page, image, set, section, external, protocolRelative, relative] = run(
      BASE,
      link('a', { href: '/factors/kms/branch-offices/#what-to-do' }),
      link('img', { src: '/diagram.svg' }),
      link('img', { srcSet: '/small.png 1x, /large.png 2x' }),
      link('a', { href: '#port-1688' }),
      link('a', { href: 'https://learn.microsoft.com/' }),
      link('a', { href: '//example.org/x' }),
      link('a', { href: '../glossary/' }),
    );
    expect(page!.properties.href).toBe('/volume-activation-guide/factors/kms/branch-offices/#what-to-do');
    expect(image!.properties.src).toBe('/volume-activation-guide/diagram.svg');
    expect(set!.properties.srcSet).toBe('/volume-activation-guide/small.png 1x, /volume-activation-guide/large.png 2x');
    expect(section!.properties.href).toBe('#port-1688');
    expect(external!.properties.href).toBe('https://learn.microsoft.com/');
    expect(protocolRelative!.properties.href).toBe('//example.org/x');
    expect(relative!.properties.href).toBe('../glossary/');
  });

  it('changes nothing at the root', () => {
    const [page] = run('/', link('a', { href: '/guides/kms/' }));
    expect(page!.properties.href).toBe('/guides/kms/');
  });
});

describe('findBrokenLinks under a base', () => {
  const files = new Set(['index.html', 'guides/kms/index.html']);

  it('resolves links that start with the base to the files of the build', () => {
    const pages = [readPage('index.html', '<a href="/volume-activation-guide/guides/kms/">k</a><a href="guides/kms/">r</a>')];
    expect(findBrokenLinks(pages, files, 'dist', BASE)).toEqual([]);
  });

  it('reports a root-relative link that forgot the base', () => {
    const pages = [readPage('guides/kms/index.html', '<a href="/guides/kms/">k</a>')];
    expect(findBrokenLinks(pages, files, 'dist', BASE)).toEqual([
      { file: 'dist/guides/kms/index.html', rule: 'links/broken', message: 'link "/guides/kms/" is outside /volume-activation-guide/, the path the site is served under' },
    ]);
  });
});

describe('offlinePlan under a base', () => {
  it('lists the pages, what they load and every file to save as the URLs the browser asks for under the base', () => {
    const files = ['index.html', '404.html', 'factors/kms/a/index.html', '_astro/a.css', 'pagefind/pagefind-entry.json'];
    const html = `<link rel="stylesheet" href="${BASE}_astro/a.css">`;
    const plan = offlinePlan(files, 'b1', BASE, (file) => (file.endsWith('.html') ? html : ''));
    expect(Object.keys(plan.pages).sort()).toEqual(['/volume-activation-guide/', '/volume-activation-guide/404.html', '/volume-activation-guide/factors/kms/a/']);
    expect(plan.assets).toEqual([['/volume-activation-guide/_astro/a.css']]);
    expect(plan.files).toEqual(['/volume-activation-guide/', '/volume-activation-guide/404.html', '/volume-activation-guide/_astro/a.css', '/volume-activation-guide/factors/kms/a/', '/volume-activation-guide/pagefind/pagefind-entry.json?ts=b1']);
  });
});

describe('portableLink from a build under a base', () => {
  const exists = (file: string) => ['index.html', 'kms/index.html', 'factors/kms/a/index.html'].includes(file);

  it('reads the link without the base and names the file relative to the page', () => {
    expect(portableLink('/volume-activation-guide/kms/', 'factors/kms/a/index.html', exists, BASE)).toEqual({ kind: 'file', href: '../../../kms/index.html', file: 'kms/index.html' });
    expect(portableLink('/volume-activation-guide/', 'kms/index.html', exists, BASE).href).toBe('../index.html');
  });

  it('reports a root-relative link outside the base as missing from the copy', () => {
    expect(portableLink('/kms/', 'index.html', exists, BASE)).toEqual({ kind: 'missing', href: '/kms/', file: 'kms/' });
  });
});
