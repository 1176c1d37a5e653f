import type { Problem } from '../problem';

/** The output file of an article: `factors/kms/x.mdx` → `factors/kms/x/index.html`. */
export function articlePage(article: string): string {
  return `${article.replace(/\.mdx$/, '')}/index.html`;
}

/**
 * Every article must have a page whose `data-article-body` element has content.
 * Astro can log an MDX render error and still finish the build with an empty
 * page; this turns that into a failure. `readPage` returns undefined for a missing file.
 */
export function findMissingArticles(
  articles: readonly string[],
  readPage: (file: string) => string | undefined,
  contentDir = 'content',
): Problem[] {
  return articles.flatMap((article) => {
    const page = articlePage(article);
    const html = readPage(page) ?? '';
    if (/data-article-body[^>]*>\s*<(?!\/)/.test(html)) return [];
    return [
      {
        file: `${contentDir}/${article}`,
        rule: 'build/missing-page',
        message: `the article has no page with a body at /${page.replace(/index\.html$/, '')}${html ? ' (its body rendered empty)' : ''}`,
        hint: 'look for an [ERROR] about this file above in the build output',
      },
    ];
  });
}
