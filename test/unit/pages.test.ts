import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/lib/checks/links';
import { findMissingArticles } from '../../src/lib/checks/pages';
import { formatProblem } from '../../src/lib/problem';

const pages: Record<string, string> = {
  'factors/kms/good/index.html': '<div class="prose" data-article-body><p>Text</p></div>',
  'factors/kms/empty/index.html': '<div class="prose" data-article-body>\n  </div>',
  'factors/kms/text/index.html': '<div class="prose" data-article-body>Only a sentence.</div>',
  'factors/kms/commented/index.html': '<div class="prose" data-article-body><!-- <p>not rendered</p> --></div><p>Outside the body</p>',
};
const read = (file: string) => {
  const html = pages[file];
  return html === undefined ? undefined : readPage(file, html);
};

describe('findMissingArticles', () => {
  it('accepts an article whose page has a body', () => {
    expect(findMissingArticles(['factors/kms/good.mdx'], read)).toEqual([]);
  });

  it('accepts a body that is text alone', () => {
    expect(findMissingArticles(['factors/kms/text.mdx'], read)).toEqual([]);
  });

  it('reports a body that holds only a comment, even when the page has text elsewhere', () => {
    expect(findMissingArticles(['factors/kms/commented.mdx'], read)[0]?.message).toBe('the article has no page with a body at /factors/kms/commented/ (its body rendered empty)');
  });

  it('reports an article whose page rendered an empty body', () => {
    expect(findMissingArticles(['factors/kms/empty.mdx'], read).map(formatProblem)).toEqual([
      'content/factors/kms/empty.mdx  build/missing-page  the article has no page with a body at /factors/kms/empty/ (its body rendered empty) (hint: look for an [ERROR] about this file above in the build output)',
    ]);
  });

  it('reports an article that got no page at all', () => {
    expect(findMissingArticles(['guides/gone.mdx'], read)[0]?.message).toBe('the article has no page with a body at /guides/gone/');
  });
});
