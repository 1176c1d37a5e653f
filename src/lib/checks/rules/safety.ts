import { lintSafety } from '../safety/lint';
import { eachArticle } from './each-article';

/**
 * `safety/*`: nothing in an article may run when the site is built or read
 * (see safety/lint.ts). A file MDX cannot parse has no tree; the mdx/syntax
 * rule reports it, and the check fails, so nothing is compiled.
 */
export const safety = eachArticle((article) => (article.tree ? lintSafety(article.file, article.tree) : []));
