import { eachArticle } from './each-article';

/** `mdx/syntax`: the body parses as MDX, so a mistake is reported with its line instead of an empty page at build. */
export const mdxSyntax = eachArticle((article) => {
  const error = article.syntaxError;
  if (!error) return [];
  return [
    {
      file: article.file,
      line: error.line,
      column: error.column,
      rule: 'mdx/syntax',
      message: `MDX cannot parse this: ${error.reason}`,
      hint: 'in prose, write "<" as "&lt;" and "{" as "&#123;", or put the text in `backticks`',
    },
  ];
});
