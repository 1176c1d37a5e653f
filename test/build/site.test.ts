import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, listFiles, readHtml, type BuildResult } from '../helpers/build';

let build: BuildResult;
let articles: string[];

beforeAll(() => {
  build = buildSite('site', 'content');
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

  it('has a page with a body for every article and no script on any of them', () => {
    for (const url of articles) {
      const html = readHtml(build.outDir, url);
      expect(html, url).toMatch(/data-article-body[^>]*>\s*<(?!\/)/);
      expect(html, url).not.toMatch(/<script/i);
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
});
