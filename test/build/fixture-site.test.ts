import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { brokenContent, buildSite, hrefsBetween, listFiles, readHtml, ROOT, siteScripts, type BuildResult } from '../helpers/build';
import { readFactors } from '../helpers/fixture-content';
import { findBrokenLinks, readPage } from '../../src/lib/checks/links';
import { readFileSync } from 'node:fs';

const CONTENT = join(ROOT, 'test/fixtures/basic/content');
const factors = readFactors(CONTENT);
let build: BuildResult;

beforeAll(() => {
  // A variable of the environment that shares a name with what the build hands its pages must not replace it.
  build = buildSite('basic', 'test/fixtures/basic/content', { env: { BUILD_ID: 'from-the-environment' } });
});

describe('a fixture site with four factors and one guide', () => {
  it('builds', () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.status).toBe(0);
  });

  it("tags every page's search index cache with the build's own id, the one that names the offline cache", () => {
    const id = /"vag-([^"]+)"/.exec(readFileSync(join(build.outDir, 'sw.js'), 'utf8'))?.[1];
    expect(id).toMatch(/^[a-z0-9]+$/);
    for (const page of ['/', '/about/', '/decide/', factors[0]!.url]) expect(readHtml(build.outDir, page), page).toContain(`meta-cache-tag="${id}"`);
  });

  it('gives a worked scenario a page with its answers, its outcome and a link that reopens the path', () => {
    const html = readHtml(build.outDir, '/scenarios/small-site/');
    expect(html).toContain('<h1 data-pagefind-weight="10">A small site</h1>');
    expect(html).toMatch(/<ol class="scenario-path">\s*<li>How many machines\? <strong>Few<\/strong><\/li>\s*<\/ol>/);
    expect(html).toContain('href="/decide/outcomes/use-mak/">Use MAK</a>');
    expect(html).toContain('href="/decide/?path=few#use-mak"');
    expect(html).toContain('<a href="/guides/words/">the words</a>');
    for (const page of ['/scenarios/', '/decide/']) expect(readHtml(build.outDir, page), page).toContain('href="/scenarios/small-site/"');
  });

  it('gives every factor a page with its title, stance and method', () => {
    for (const factor of factors) {
      const html = readHtml(build.outDir, factor.url);
      expect(html).toMatch(new RegExp(`<h1[^>]*>${factor.title}</h1>`));
      expect(html).toMatch(new RegExp(`class="badge ${factor.stance}"`));
    }
  });

  it('lists on each tag page exactly the factors with that tag', () => {
    const tags = new Set(factors.flatMap((factor) => factor.tags));
    for (const tag of tags) {
      const html = readHtml(build.outDir, `/tags/${tag}/`);
      const listed = hrefsBetween(html, '<main', '</main>').filter((href) => href.startsWith('/factors/'));
      const expected = factors.filter((factor) => factor.tags.includes(tag)).map((factor) => factor.url);
      expect(new Set(listed), `tag ${tag}`).toEqual(new Set(expected));
    }
    const tagPages = listFiles(join(build.outDir, 'tags')).filter((file) => file !== 'index.html');
    expect(tagPages).toHaveLength(tags.size);
  });

  it('puts every factor in the comparison matrix, under each of its tags', () => {
    const html = readHtml(build.outDir, '/compare/');
    // The table (wide screens and paper) and the topic cards (phones) each list a factor once per tag.
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    const cards = html.slice(html.indexOf('<ol class="topic-cards"'));
    for (const factor of factors) {
      for (const [view, part] of [['table', table], ['cards', cards]] as const) {
        expect(part.split(`href="${factor.url}"`).length - 1, `${factor.url} in the ${view}`).toBe(factor.tags.length);
      }
    }
  });

  it('lists each method page with exactly its own pros and cons', () => {
    for (const method of ['kms', 'mak']) {
      const listed = hrefsBetween(readHtml(build.outDir, `/${method}/`), '<main', '</main>').filter((href) =>
        href.startsWith('/factors/'),
      );
      expect(new Set(listed)).toEqual(new Set(factors.filter((f) => f.method === method).map((f) => f.url)));
    }
  });

  it('renders GitHub-flavoured Markdown through remark-gfm', () => {
    const html = readHtml(build.outDir, factors[0]!.url);
    expect(html).toMatch(/<table>[\s\S]*<th>Setting<\/th>/);
    expect(html).toContain('<del>struck</del>');
    expect(html).toContain('<a href="https://learn.microsoft.com/">');
    expect(build.output).not.toMatch(/plugins? (are|is|will be) ignored/i);
  });

  it('resolves every internal link and fragment in the output', () => {
    const files = listFiles(build.outDir);
    const pages = files
      .filter((file) => file.endsWith('.html'))
      .map((file) => readPage(file, readFileSync(join(build.outDir, file), 'utf8')));
    expect(pages.length).toBeGreaterThan(factors.length);
    expect(findBrokenLinks(pages, new Set(files))).toEqual([]);
  });

  it('ships no script on article pages but the ones every page shares', () => {
    // The theme applied before the first paint (inline, in <head>) and the shared module.
    const shared = siteScripts(readHtml(build.outDir, '/about/'));
    expect(shared).toHaveLength(2);
    for (const factor of factors) expect(siteScripts(readHtml(build.outDir, factor.url))).toEqual(shared);
    expect(siteScripts(readHtml(build.outDir, '/guides/words/'))).toEqual(shared);
  });

  it('writes a sitemap that lists every factor page', () => {
    const files = listFiles(build.outDir).filter((file) => file.startsWith('sitemap'));
    const xml = files.map((file) => readFileSync(join(build.outDir, file), 'utf8')).join('\n');
    for (const factor of factors) expect(xml).toContain(`${factor.url}</loc>`);
  });

  it('gives each page a title, description, canonical URL and Open Graph tags', () => {
    const html = readHtml(build.outDir, factors[0]!.url);
    expect(html).toMatch(/<title>Alpha pro · Volume Activation Guide<\/title>/);
    expect(html).toMatch(/<meta name="description" content="A fixture summary for Alpha pro\.">/);
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/factors\/kms\/alpha-pro\/">/);
    expect(html).toMatch(/<meta property="og:title" content="Alpha pro">/);
  });
});

describe('builds that must fail', () => {
  it('fails on bad frontmatter, naming the file, line and field', () => {
    const result = buildSite('unknown-tag', brokenContent('unknown-tag'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'test/.output/content/unknown-tag/factors/kms/beta-con.mdx:6:13  schema/unknown-tag  field "tags[1]": unknown tag "renewl" — did you mean "renewal"?',
    );
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on a link to a missing page or a missing fragment, naming the file and line before building', () => {
    const result = buildSite('broken-link', brokenContent('broken-link'));
    expect(result.status).not.toBe(0);
    const file = 'test/.output/content/broken-link/factors/kms/beta-con.mdx';
    expect(result.output).toContain(
      `${file}:15:5  links/unknown-page  link "/factors/kms/does-not-exist/" points to /factors/kms/does-not-exist/, which is not a page of the site`,
    );
    expect(result.output).toContain(
      `${file}:15:56  links/unknown-fragment  link "/guides/words/#csvlk" points to "#csvlk", which is not a heading on /guides/words/ — did you mean "#gvlk"?`,
    );
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on a worked scenario whose answers reach another outcome, naming the file and line', () => {
    const result = buildSite('scenario-wrong-outcome', brokenContent('scenario-wrong-outcome'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'test/.output/content/scenario-wrong-outcome/scenarios/small-site.yaml:9  scenario/wrong-outcome  field "outcome": the answers lead to "use-mak", not to "use-kms"',
    );
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on a tree next step that points nowhere, naming the tree file and node line before building', () => {
    const result = buildSite('tree-next-step', brokenContent('tree-next-step'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'test/.output/content/tree-next-step/decision-tree.yaml:27:1  links/unknown-page  link "/guides/no-such-guide/" points to /guides/no-such-guide/, which is not a page of the site',
    );
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on a broken link that only the built pages show (a relative link), naming the page', () => {
    const result = buildSite('relative-link', brokenContent('relative-link'));
    expect(result.status).not.toBe(0);
    // The safety net names the article the page came from, with the line, and the page.
    expect(result.output).toMatch(/relative-link\/factors\/kms\/beta-con\.mdx:\d+:\d+ {2}links\/broken {2}link "\.\.\/gamma-con\/" on its page \/factors\/kms\/beta-con\/ points to a page or file that the build did not produce/);
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on MDX that cannot be parsed, before Astro compiles it', () => {
    const result = buildSite('invalid-mdx', brokenContent('invalid-mdx'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/test\/\.output\/content\/invalid-mdx\/factors\/kms\/beta-con\.mdx:\d+:\d+ {2}mdx\/syntax {2}MDX cannot parse this: /);
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails when a factor is cited nowhere in the decision tree, naming the factor file', () => {
    const result = buildSite('orphan-factor', brokenContent('orphan-factor'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'test/.output/content/orphan-factor/factors/mak/epsilon-pro.mdx  tree/orphan-factor  factor "mak/epsilon-pro" is not cited by any answer or outcome in test/.output/content/orphan-factor/decision-tree.yaml',
    );
  });
});
