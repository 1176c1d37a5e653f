import type { Problem } from '../problem';
import type { BuiltPage } from './links';

/** The output file of an article: `factors/kms/x.mdx` → `factors/kms/x/index.html`. */
function articlePage(article: string): string {
  return `${article.replace(/\.mdx$/, '')}/index.html`;
}

/**
 * Every article must have a page whose `data-article-body` element has content.
 * Astro can log an MDX render error and still finish the build with an empty
 * page; this turns that into a failure. `builtPage` gives the page read from an output file (`readPage` in
 * links.ts), or undefined when the build did not write it.
 */
export function findMissingArticles(
  articles: readonly string[],
  builtPage: (file: string) => BuiltPage | undefined,
  contentDir = 'content',
): Problem[] {
  return articles.flatMap((article) => {
    const file = articlePage(article);
    const page = builtPage(file);
    if (page?.hasArticleBody) return [];
    return [
      {
        file: `${contentDir}/${article}`,
        rule: 'build/missing-page',
        message: `the article has no page with a body at /${file.replace(/index\.html$/, '')}${page ? ' (its body rendered empty)' : ''}`,
        hint: 'look for an [ERROR] about this file above in the build output',
      },
    ];
  });
}
