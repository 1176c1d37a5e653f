import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { metaPolicy, parsePolicy } from '../../src/lib/csp';
import { writePortable } from '../../src/lib/portable/edition';
import { liveAddress } from '../../src/lib/portable/live';
import { portablePage } from '../../src/lib/portable/page';
import { searchDocument } from '../../src/lib/portable/search-documents';
import { portableLink, rewriteCssUrls } from '../../src/lib/portable/urls';
import { zipArchive } from '../../src/lib/portable/zip';

const FILES = new Set(['index.html', 'kms/index.html', 'factors/kms/branch-offices/index.html', 'decide/index.html', 'favicon.svg', '_astro/site.css', 'search/index.html']);
const exists = (file: string) => FILES.has(file);
const EDITION = { date: '2026-11-29', commit: 'abc1234', liveUrl: 'https://guide.example' };

describe('portableLink', () => {
  it('turns a folder URL into a relative path that names its index.html, from any depth', () => {
    expect(portableLink('/factors/kms/branch-offices/', 'factors/kms/branch-offices/index.html', exists).href).toBe('index.html');
    expect(portableLink('/kms/', 'factors/kms/branch-offices/index.html', exists).href).toBe('../../../kms/index.html');
    expect(portableLink('/', 'kms/index.html', exists).href).toBe('../index.html');
    expect(portableLink('/factors/kms/branch-offices/', 'index.html', exists).href).toBe('factors/kms/branch-offices/index.html');
  });

  it('keeps the query and the fragment', () => {
    expect(portableLink('/decide/?path=volume/windows-only#platform', 'kms/index.html', exists).href).toBe('../decide/index.html?path=volume/windows-only#platform');
    expect(portableLink('/factors/kms/branch-offices/#what-to-do', 'kms/index.html', exists).href).toBe('../factors/kms/branch-offices/index.html#what-to-do');
  });

  it('resolves files as they are, and relative links from the page\'s folder', () => {
    expect(portableLink('/favicon.svg', 'kms/index.html', exists).href).toBe('../favicon.svg');
    expect(portableLink('../factors/kms/branch-offices/', 'kms/index.html', exists).href).toBe('../factors/kms/branch-offices/index.html');
  });

  it('leaves the internet, the same page and other schemes alone, and says which is which', () => {
    expect(portableLink('https://learn.microsoft.com/x', 'kms/index.html', exists)).toEqual({ kind: 'external', href: 'https://learn.microsoft.com/x' });
    expect(portableLink('//cdn.example/x.js', 'kms/index.html', exists).kind).toBe('external');
    for (const href of ['#main', '?q=kms', 'mailto:someone@example.com', 'data:image/svg+xml,<svg/>']) {
      expect(portableLink(href, 'kms/index.html', exists)).toEqual({ kind: 'unchanged', href });
    }
  });

  it('reports a link to the site whose file is not in the copy', () => {
    expect(portableLink('/pagefind/pagefind.js', 'kms/index.html', exists)).toMatchObject({ kind: 'missing', file: 'pagefind/pagefind.js' });
    expect(portableLink('/no-such-page/', 'kms/index.html', exists)).toMatchObject({ kind: 'missing', file: 'no-such-page/index.html' });
  });
});

describe('rewriteCssUrls', () => {
  it('rewrites every url() with or without quotes', () => {
    const css = `a{background:url(/x.svg)} b{background:url("/y.svg")} c{background:url( '/z.svg' )}`;
    expect(rewriteCssUrls(css, (url) => `..${url}`)).toBe(`a{background:url(../x.svg)} b{background:url("../y.svg")} c{background:url('../z.svg')}`);
  });
});

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-old='; worker-src 'self'">
<link rel="stylesheet" href="/_astro/site.css"><link rel="sitemap" href="/sitemap-index.xml"><link rel="icon" href="/favicon.svg">
<style>.x{background:url(/favicon.svg)}</style><link rel="canonical" href="https://guide.example/kms/">
<link rel="preconnect" href="https://analytics.example"><script async src="https://analytics.example/a.js"></script></head>
<body><header><a class="brand" href="/">Guide</a><a href="/search/" data-search-link>Search</a></header>
<main><p><a href="/factors/kms/branch-offices/#what-to-do">branch offices</a> and <a href="https://learn.microsoft.com/kms">Microsoft</a>
<a href="/gone/">gone</a></p><pagefind-config bundle-path="/pagefind/"></pagefind-config>
<script type="application/json" id="tree-index">{"start":"a"}</script>
<script>document.documentElement.dataset.theme = 'dark';</script></main>
<footer class="site-footer"><div class="inner"><p>Footer</p></div></footer>
<template id="search-dialog"><pagefind-modal></pagefind-modal></template>
<script type="module">import('/pagefind/pagefind.js'); navigator.serviceWorker.register('/sw.js');</script></body></html>`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('portablePage', () => {
  const page = portablePage(PAGE, { file: 'kms/index.html', exists, edition: EDITION });
  const hrefs = [...page.html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);

  it('writes every link to the site relative, naming its file', () => {
    expect(hrefs).toContain('../index.html');
    expect(hrefs).toContain('../factors/kms/branch-offices/index.html#what-to-do');
    expect(hrefs).toContain('../_astro/site.css');
    expect(hrefs).toContain('../search/index.html');
    expect(page.html).toContain('url(../favicon.svg)');
    // Only the link whose file is not in the copy stays as it was; it is reported (below).
    expect(hrefs.filter((href) => href?.startsWith('/'))).toEqual(['/gone/']);
  });

  it('reports the links whose file is not in the copy', () => {
    expect(page.missing).toEqual([{ href: '/gone/', file: 'gone/index.html' }]);
  });

  it('marks links to the internet as needing it and leaves them absolute', () => {
    expect(page.html).toMatch(/<a href="https:\/\/learn\.microsoft\.com\/kms" data-needs-internet="" title="Needs the internet">/);
  });

  it('drops module scripts, Pagefind, the search dialog, the sitemap and what would load from the internet, and loads the classic script instead', () => {
    expect(page.html).not.toMatch(/type="module"|pagefind|sw\.js|sitemap|search-dialog|analytics/);
    expect(page.html).toContain('<link rel="canonical" href="https://guide.example/kms/">');
    expect(page.html).toContain('<script src="../_portable/portable.js"></script>');
    expect(page.html).toContain('<link rel="stylesheet" href="../_portable/portable.css">');
    expect(page.html).toContain('{"start":"a"}');
  });

  it('replaces the policy with one that hashes what stays inline, and nothing online-only', () => {
    const policy = parsePolicy(metaPolicy(page.html)?.policy ?? '');
    expect(policy.get('script-src')).toEqual(["'self'", sha256("document.documentElement.dataset.theme = 'dark';")]);
    expect(policy.get('style-src')).toEqual(["'self'", sha256('.x{background:url(../favicon.svg)}')]);
    expect(policy.has('worker-src')).toBe(false);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(page.html.match(/content-security-policy/g)).toHaveLength(1);
    // The charset stays the first element of the head.
    expect(page.html).toMatch(/<head><meta charset="utf-8"><meta http-equiv="content-security-policy"/);
  });

  it('names the edition in the footer of an inner page, and on the first page says which build it is and where the live site is', () => {
    expect(page.html).toContain('Portable edition of 2026-11-29 (abc1234)');
    const home = portablePage(PAGE, { file: 'index.html', exists, edition: EDITION }).html;
    expect(home).toMatch(/<main><aside class="portable-edition"[^>]*><p><strong>Portable edition<\/strong> built on 2026-11-29 from commit <code>abc1234<\/code>/);
    expect(home).toContain('<a href="https://guide.example" data-needs-internet="">https://guide.example</a>');
  });
});

describe('portablePage on a redirect page', () => {
  it('rewrites the target of a meta refresh and drops module preloads', () => {
    const source = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/kms/"><link rel="modulepreload" href="/_astro/x.js"></head><body><a href="/kms/">KMS</a></body></html>`;
    const { html, missing } = portablePage(source, { file: 'old/index.html', exists, edition: EDITION });
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=../kms/index.html">');
    expect(html).not.toContain('modulepreload');
    expect(missing).toEqual([]);
  });
});

describe('searchDocument', () => {
  const html = `<html><head><title>Branch offices · Guide</title></head><body><nav><a href="/">Home</a></nav>
  <article data-pagefind-body><h1>KMS is hard across branch offices</h1>
  <p data-pagefind-ignore>Pro · Con</p><p data-pagefind-meta="summary">Each host needs 25 clients.</p>
  <div hidden data-pagefind-ignore><span data-pagefind-filter="method">KMS</span><span data-pagefind-filter="tag">DNS</span><span data-pagefind-filter="tag">Branch offices</span></div>
  <span data-pagefind-filter="stance:Con"></span><span hidden data-pagefind-meta="abbr">KMS</span>
  <div hidden data-pagefind-ignore><span data-pagefind-meta="aliases">air-gapped · offline</span></div>
  <h2 id="what-to-do">What to do</h2><p>Open port 1688 and use the Volume Activation Management Tool.</p></article></body></html>`;

  it('reads title, summary, headings, body and filters from the markup Pagefind reads', () => {
    const document = searchDocument(fromHtml(html), 'factors/kms/branch-offices/index.html');
    expect(document).toMatchObject({
      file: 'factors/kms/branch-offices/index.html',
      title: 'KMS is hard across branch offices',
      summary: 'Each host needs 25 clients.',
      headings: [{ id: 'what-to-do', text: 'What to do' }],
      filters: { method: ['KMS'], tag: ['DNS', 'Branch offices'], stance: ['Con'] },
    });
    expect(document?.body).toContain('Open port 1688');
    expect(document?.body).not.toContain('Pro · Con');
    expect(document?.body).not.toContain('Home');
  });

  it('indexes both forms of the abbreviations the page uses, and the words its aliases field lists, apart from its text', () => {
    const document = searchDocument(fromHtml(html), 'x/index.html');
    expect(document?.aliases).toEqual(expect.arrayContaining(['KMS', 'Key Management Service', 'VAMT', 'Volume Activation Management Tool', 'air-gapped', 'offline']));
    expect(document?.aliases).not.toContain('MAK');
    expect(document?.meta).toEqual({ abbr: 'KMS' });
    expect(document?.body).not.toContain('air-gapped');
  });

  it('indexes a recommendation by its title and rationale, not by its notes for particular answers, as the site does', () => {
    const outcome = `<html><body><article data-pagefind-body><section class="node outcome" id="office-kms">
    <h1 class="node-title">KMS for Office</h1><p class="rationale" data-pagefind-meta="summary">Run an Office KMS host.</p>
    <details class="path-notes"><summary>Notes for particular answers</summary><ul><li>Run ospprearm.exe before capture.</li></ul></details>
    <h2 id="next-steps">Next steps</h2><ul><li>Read slmgr /dlv all.</li></ul></section>
    <div class="print-only"><p>Sources behind this recommendation</p></div></article></body></html>`;
    const document = searchDocument(fromHtml(outcome), 'decide/outcomes/office-kms/index.html');
    expect(document?.title).toBe('KMS for Office');
    expect(document?.body).toBe('KMS for Office Run an Office KMS host.');
    expect(document?.headings).toEqual([]);
  });

  it('indexes every part of a page marked as its body, as Pagefind does', () => {
    const two = `<html><body><section data-pagefind-body><h1>Outcome</h1><p>First part.</p></section><nav>Menu</nav><section data-pagefind-body><p>Second part.</p></section></body></html>`;
    const document = searchDocument(fromHtml(two), 'decide/outcomes/x/index.html');
    expect(document?.body).toContain('First part.');
    expect(document?.body).toContain('Second part.');
    expect(document?.body).not.toContain('Menu');
  });

  it('leaves out a page that is not marked for search', () => {
    expect(searchDocument(fromHtml('<html><body><main><h1>Topics</h1></main></body></html>'), 'tags/index.html')).toBeUndefined();
  });
});

describe('zipArchive', () => {
  const text = Buffer.from('<p>KMS over port 1688</p>\n'.repeat(200));
  const tiny = Buffer.from('x');
  const archive = zipArchive(
    [
      { name: 'guide/index.html', data: text },
      { name: 'guide/_portable/x.js', data: tiny },
      { name: 'guide/glossary/données.html', data: tiny },
    ],
    new Date(2026, 10, 29, 14, 30),
  );

  it('holds every file under its path, byte for byte, deflated', () => {
    const files = unzipSync(archive);
    expect(Object.keys(files).sort()).toEqual(['guide/_portable/x.js', 'guide/glossary/données.html', 'guide/index.html']);
    expect(Buffer.from(files['guide/index.html']!)).toEqual(text);
    expect(Buffer.from(files['guide/_portable/x.js']!)).toEqual(tiny);
    // Deflated: the repeated page is far smaller in the archive.
    expect(archive.length).toBeLessThan(text.length / 5);
  });

  it.runIf(spawnSync('unzip', ['-v']).status === 0)('is read by the unzip program, with the date it was given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vag-zip-'));
    writeFileSync(join(dir, 'a.zip'), archive);
    expect(spawnSync('unzip', ['-t', 'a.zip'], { cwd: dir, encoding: 'utf8' }).stdout).toMatch(/No errors detected/);
    const listing = spawnSync('unzip', ['-l', 'a.zip'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/2026-11-29 14:30 +guide\/index\.html/);
  });
});

describe('writePortable', () => {
  it('copies what a copy on disk can use, and names every broken link with its page', () => {
    const dist = mkdtempSync(join(tmpdir(), 'vag-dist-'));
    const out = join(dist, '..', `${dist.split('/').pop()}-portable`);
    mkdirSync(join(dist, 'pagefind'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'pagefind/pagefind.js'), '');
    writeFileSync(join(dist, 'sw.js'), '');
    writeFileSync(join(dist, '_astro/site.css'), 'body{background:url(/missing.svg)}');
    writeFileSync(join(dist, 'index.html'), '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body><main><a href="/gone/">gone</a></main></body></html>');
    const result = writePortable(dist, out, EDITION);
    expect(result.problems).toEqual([
      '_astro/site.css: url(/missing.svg) points to missing.svg, which is not in the portable copy',
      'index.html: link "/gone/" points to gone/index.html, which is not in the portable copy',
    ]);
    expect(result.files).toEqual(['_astro/site.css', '_portable/portable.css', '_portable/portable.js', '_portable/search-index.js', 'index.html']);
    expect(existsSync(join(out, 'sw.js'))).toBe(false);
  });
});

describe('liveAddress', () => {
  const root = 'file:///media/usb/guide/';
  it('names the live page of a file of the copy, keeping the query and the fragment', () => {
    expect(liveAddress(`${root}factors/kms/branch-offices/index.html#what-to-do`, root, 'https://guide.example')).toBe('https://guide.example/factors/kms/branch-offices/#what-to-do');
    expect(liveAddress(`${root}decide/index.html?path=volume#products`, root, 'https://guide.example/')).toBe('https://guide.example/decide/?path=volume#products');
    expect(liveAddress(`${root}index.html`, root, 'https://guide.example')).toBe('https://guide.example/');
    expect(liveAddress(`${root}decision-tree.json`, root, 'https://guide.example')).toBe('https://guide.example/decision-tree.json');
  });

  it('leaves alone what is not in the copy', () => {
    expect(liveAddress('https://learn.microsoft.com/x', root, 'https://guide.example')).toBeUndefined();
    expect(liveAddress('file:///media/usb/other/index.html', root, 'https://guide.example')).toBeUndefined();
  });
});
