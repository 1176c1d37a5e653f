import { describe, expect, it } from 'vitest';
import { findBrokenLinks, readPage, targetFile } from '../../src/lib/checks/links';

const files = new Set(['index.html', 'guides/glossary/index.html', 'factors/kms/a/index.html', 'favicon.svg']);
const pages = [
  readPage('index.html', '<a href="/guides/glossary/#gvlk">x</a><a href="/favicon.svg">i</a><a href="https://learn.microsoft.com/">m</a>'),
  readPage('guides/glossary/index.html', '<h3 id="gvlk">GVLK</h3><a href="#gvlk">self</a><a href="../../factors/kms/a/">rel</a>'),
  readPage('factors/kms/a/index.html', '<a href="/">home</a><a href="mailto:x@example.org">mail</a>'),
];

describe('readPage', () => {
  it('reads ids and links from attributes only, with entities decoded, and links inside a template', () => {
    const page = readPage(
      'guides/html/index.html',
      `<h2 id="q&amp;a">Q&amp;A</h2><pre><code>&lt;a href="/not-a-link/" id="not-an-id"&gt;</code></pre>` +
        `<img src='/logo.svg' alt=""><a href="/search/?q=kms&amp;page=2">s</a><template><a href="/decide/">d</a></template>`,
    );
    expect([...page.ids]).toEqual(['q&a']);
    expect(page.links).toEqual(['/logo.svg', '/search/?q=kms&page=2', '/decide/']);
  });
});

describe('targetFile', () => {
  it('maps folder URLs to their index.html and files to themselves', () => {
    expect(targetFile('/', files)).toBe('index.html');
    expect(targetFile('/guides/glossary/', files)).toBe('guides/glossary/index.html');
    expect(targetFile('/guides/glossary', files)).toBe('guides/glossary/index.html');
    expect(targetFile('/favicon.svg', files)).toBe('favicon.svg');
    expect(targetFile('/guides/missing/', files)).toBeUndefined();
  });
});

describe('findBrokenLinks', () => {
  it('accepts links that reach a page, a file or an existing fragment, and skips external ones', () => {
    expect(findBrokenLinks(pages, files)).toEqual([]);
  });

  it('reports a link to a page the build did not produce', () => {
    const broken = [readPage('index.html', '<a href="/factors/kms/nope/">x</a>')];
    expect(findBrokenLinks(broken, files)).toEqual([
      {
        file: 'dist/index.html',
        rule: 'links/broken',
        message: 'link "/factors/kms/nope/" points to a page or file that the build did not produce',
      },
    ]);
  });

  it('reports a fragment that is not an id on the target page', () => {
    const broken = [...pages.slice(1), readPage('index.html', '<a href="/guides/glossary/#csvlk">x</a>')];
    expect(findBrokenLinks(broken, files)).toEqual([
      {
        file: 'dist/index.html',
        rule: 'links/broken',
        message: 'link "/guides/glossary/#csvlk" points to "#csvlk", which is not an id on /guides/glossary/',
      },
    ]);
  });

  it('reports a same-page fragment that does not exist', () => {
    const broken = [readPage('guides/glossary/index.html', '<a href="#nowhere">x</a>')];
    expect(findBrokenLinks(broken, files)[0]?.message).toBe(
      'link "#nowhere" points to "#nowhere", which is not an id on /guides/glossary/',
    );
  });
});
