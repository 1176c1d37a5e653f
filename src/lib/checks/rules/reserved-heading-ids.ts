import { short, type Problem } from '../../problem';
import { headingsWithIds } from '../routes';
import { eachArticle } from './each-article';

/**
 * `mdx/heading-id`: a heading whose id is one the page already gives its own sections (`sources`, `main`,
 * `on-this-page`: each collection's `pageIds`) would make two elements share an id: a `#sources` link, the
 * skip link or the "On this page" list would then lead to the wrong place. Reported at the heading.
 */
export const reservedHeadingIds = eachArticle((article) => {
  if (!article.tree) return [];
  const taken = new Set(article.collection.pageIds);
  return headingsWithIds(article.tree)
    .filter((heading) => taken.has(heading.id))
    .map(
      (heading): Problem => ({
        file: article.file,
        line: heading.line,
        column: heading.column,
        rule: 'mdx/heading-id',
        message: `heading "${short(heading.text)}" gets the id "${heading.id}", which the page already uses for its own section`,
        hint: `reword the heading; ids the page uses: ${article.collection.pageIds.join(', ')}`,
      }),
    );
});
