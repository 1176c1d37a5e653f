import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, readHtml, siteScripts, type BuildResult } from '../helpers/build';
import { readTreeFile } from '../../src/lib/tree/load';
import { STATIC_PAGES } from '../../src/lib/routes';
import { METHOD_IDS } from '../../src/lib/taxonomy';
import { headingIds } from '../../src/lib/checks/routes';
import { GUIDES, LISTING_PAGES } from '../../src/lib/collections';
import { readArticle } from '../../src/lib/content/read';

let build: BuildResult;
let articles: string[];

beforeAll(() => {
  build = inject('siteBuild');
  articles = listFiles('content')
    .filter((file) => /^(factors|guides)\/.+\.mdx$/.test(file))
    .map((file) => `/${file.replace(/\.mdx$/, '')}/`);
});

describe('the real site', () => {
  it('builds without errors, with its link check passing', () => {
    expect(build.output).not.toMatch(/\[ERROR\]|\[WARN\]/);
    expect(build.status).toBe(0);
    expect(build.output).toMatch(/every internal link and fragment resolves/);
  });

  it('has a page with a body for every article, with no script but the ones every page shares', () => {
    // The theme applied before the first paint (inline, in <head>) and the shared module.
    const shared = siteScripts(readHtml(build.outDir, '/about/'));
    expect(shared).toHaveLength(2);
    for (const url of articles) {
      const html = readHtml(build.outDir, url);
      expect(html, url).toMatch(/data-article-body[^>]*>\s*<(?!\/)/);
      expect(siteScripts(html), url).toEqual(shared);
    }
  });

  it('puts the Content-Security-Policy first in every page head, right after the charset', () => {
    const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const head = readFileSync(join(build.outDir, page), 'utf8').split('</head>')[0]!;
      expect(head, page).toMatch(/<head[^>]*>\s*<meta charset="utf-8"\s*\/?>\s*<meta http-equiv="content-security-policy"/i);
    }
  });

  it('has the method, topic, comparison, about and 404 pages', () => {
    for (const url of ['/', '/kms/', '/mak/', '/adba/', '/token/', '/tags/', '/compare/', '/guides/', '/about/']) {
      expect(() => readHtml(build.outDir, url), url).not.toThrow();
    }
    expect(readFileSync(join(build.outDir, '404.html'), 'utf8')).toContain('Page not found');
  });

  it('credits the classic comparison on the About page with a link', () => {
    expect(readHtml(build.outDir, '/about/')).toMatch(/<a href="https:\/\/4sysops\.com\/[^"]+">[^<]*KMS vs\. MAK/);
  });

  it('shows a correction box on the factors that correct the classic comparison', () => {
    const html = readHtml(build.outDir, '/factors/kms/host-reactivation-claim/');
    expect(html).toMatch(/<aside class="correction"[^>]*>[\s\S]*Then:[\s\S]*Now:[\s\S]*learn\.microsoft\.com/);
  });

  it('gives every factor page an edit link to its own file and a review date', () => {
    const html = readHtml(build.outDir, '/factors/mak/limited-activations/');
    expect(html).toMatch(/href="[^"]+\/edit\/main\/content\/factors\/mak\/limited-activations\.mdx"/);
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);
  });

  /** Whether a factor page is a corrected classic claim, by its breadcrumb. */
  const isClaim = (url: string) => /<nav aria-label="Breadcrumb"[^>]*>[^]*?Classic claims, corrected[^]*?<\/nav>/.test(readHtml(build.outDir, url));
  /** Factor pages of pros and cons; a corrected classic claim decides nothing. */
  const weighingFactorPages = () => articles.filter((article) => article.startsWith('/factors/') && !isClaim(article));

  it('shows on every pro and con page where it decides, each place linking into the tree', () => {
    const pages = weighingFactorPages();
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) {
      const html = readHtml(build.outDir, url);
      const section = /<section aria-labelledby="where-it-decides"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(section, url).toMatch(/href="\/decide\/[^"]*#[a-z0-9-]+"/);
    }
  });

  it('lists the corrected classic claims on the home page and their method page, not among pros and cons', () => {
    const myth = '/factors/kms/host-reactivation-claim/';
    expect(isClaim(myth)).toBe(true);
    for (const page of ['/', '/kms/']) {
      const html = readHtml(build.outDir, page);
      const claims = /<section class="classic-claims"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(claims, page).toContain(`href="${myth}"`);
      expect(html.replace(claims, ''), page).not.toContain(`href="${myth}"`);
    }
    expect(readHtml(build.outDir, '/compare/')).not.toContain(`href="${myth}"`);
  });

  it('server-renders every question and outcome of the tree on /decide/, with the first question on the home page', () => {
    const { nodes } = readTreeFile('tree', readFileSync('content/decision-tree.yaml', 'utf8'));
    const html = readHtml(build.outDir, '/decide/');
    for (const node of nodes) expect(html, node.id).toContain(`id="${node.id}" data-node="${node.id}"`);
    const first = nodes[0]!;
    expect(readHtml(build.outDir, '/')).toContain(`data-node="${first.id}"`);
  });

  it('publishes the linked tree as JSON with every factor and the reasons for every outcome', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'decision-tree.json'), 'utf8')) as {
      version: number;
      start: string;
      products: { id: string; name: string }[];
      questions: { id: string; count: string | null; answers: { id: string; next: string; band: string[] | null; notes: { text: string }[] }[] }[];
      outcomes: { id: string; recommends: string[]; pros: string[]; cons: string[] }[];
      factors: Record<string, { url: string; decides: unknown[] }>;
    };
    const factorIds = weighingFactorPages().map((url) => url.replace(/^\/factors\/|\/$/g, ''));
    expect(Object.keys(json.factors).sort()).toEqual(factorIds.sort());
    for (const outcome of json.outcomes) {
      // An outcome that recommends no method (nothing to volume-activate) has nothing to weigh.
      if (outcome.recommends.length === 0) continue;
      expect(outcome.pros.length, outcome.id).toBeGreaterThan(0);
      expect(outcome.cons.length, outcome.id).toBeGreaterThan(0);
    }
    expect(json.version).toBe(3);
    const office = json.questions.find((question) => question.id === 'office-licensing')?.answers.find((answer) => answer.id === 'office-volume');
    expect(office?.notes.map((note) => note.text).join(' ')).toContain('ospprearm.exe');
    // Each product is its own walk from the first question, and a count question says what it counts, band by band.
    expect(json.products.map((product) => product.id)).toEqual(json.questions[0]!.answers.map((answer) => answer.id));
    const officeCount = json.questions.find((question) => question.id === 'office-count');
    expect(officeCount?.count).toBe('office');
    expect(officeCount?.answers.map((answer) => answer.band)).toEqual([['office'], ['below']]);
    const ids = new Set([...json.questions.map((q) => q.id), ...json.outcomes.map((o) => o.id)]);
    for (const question of json.questions) for (const answer of question.answers) expect(ids.has(answer.next)).toBe(true);
    expect(json.start).toBe(json.questions[0]!.id);
  });

  it('lays the whole tree out as nested lists from the first question, each question linking into the tree, with no script of its own', () => {
    const html = readHtml(build.outDir, '/decide/map/');
    expect(siteScripts(html)).toEqual(siteScripts(readHtml(build.outDir, '/about/')));
    const { nodes } = readTreeFile('tree', readFileSync('content/decision-tree.yaml', 'utf8'));
    const outline = /<div class="outline[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    expect(outline.indexOf('<a href="/decide/#')).toBeGreaterThan(0);
    for (const node of nodes) {
      const link = node.type === 'question' ? new RegExp(`<a href="/decide/[^"]*#${node.id}"`) : new RegExp(`<a href="/decide/outcomes/${node.id}/"`);
      expect(outline, node.id).toMatch(link);
    }
  });

  it('builds the search index with the site, indexing articles, recommendations, scenarios and the overview pages, with their filters', () => {
    const files = listFiles(join(build.outDir, 'pagefind'));
    expect(files).toContain('pagefind-entry.json');
    expect(files).toContain('pagefind-component-ui.js');
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const outcomes = listFiles(join(build.outDir, 'decide/outcomes')).length;
    const scenarios = listFiles(join(build.outDir, 'scenarios')).filter((file) => file !== 'index.html').length;
    expect(scenarios).toBeGreaterThanOrEqual(10);
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    // Overviews: one page per method, /compare/ and one page per topic in use (not the topic index).
    const topics = listFiles(join(build.outDir, 'tags')).filter((file) => file !== 'index.html').length;
    expect(indexed).toBe(articles.length + outcomes + scenarios + METHOD_IDS.length + 1 + topics);
    const factor = readHtml(build.outDir, '/factors/kms/branch-offices/');
    expect(factor).toMatch(/data-pagefind-filter="method">KMS</);
    expect(factor).toMatch(/data-pagefind-filter="stance">Con</);
    expect(factor).toMatch(/data-pagefind-filter="tag">Branch offices</);
    expect(readHtml(build.outDir, '/')).not.toContain('data-pagefind-body');
  });

  it('has every page the pre-build link check assumes, with the heading ids it predicts', () => {
    const files = new Set(listFiles(build.outDir));
    for (const page of [...STATIC_PAGES, ...LISTING_PAGES]) {
      expect(files.has(page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1)), page).toBe(true);
    }
    for (const url of articles) {
      const html = readHtml(build.outDir, url);
      const { article } = readArticle(GUIDES, 'guides/page.mdx', url, readFileSync(`content${url.replace(/\/$/, '')}.mdx`, 'utf8'));
      for (const id of headingIds(article!.tree!)) expect(html, `${url}#${id}`).toContain(`id="${id}"`);
    }
  });
});
