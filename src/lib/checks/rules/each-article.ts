import type { Article } from '../../content/read';
import { short, type Problem } from '../../problem';
import type { ContentIndex } from '../index';

/** A content rule: every rule in this folder is one of these. */
export type Rule = (index: ContentIndex) => Problem[];

/**
 * A rule made of a check of each article on its own. An unexpected exception
 * while checking one article becomes a problem naming that file, never a
 * stack trace or a pass.
 */
export function eachArticle(check: (article: Article, index: ContentIndex) => Problem[]): Rule {
  return (index) =>
    index.articles.flatMap((article) => {
      try {
        return check(article, index);
      } catch (error) {
        return [{ file: article.file, rule: 'content/crash', message: `the checks could not finish on this file, so it is refused: ${short(String((error as Error)?.message ?? error))}` }];
      }
    });
}
