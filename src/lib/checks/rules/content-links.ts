import type { Problem } from '../../problem';
import type { ContentIndex } from '../index';
import { siteRoutes } from '../routes';
import { checkLinksToRoutes, contentLinks } from './links-to-routes';

/** Links between articles: every root-relative link of an article reaches a page and a heading the build will have. */
export function articleLinks(index: ContentIndex): Problem[] {
  const routes = siteRoutes(index);
  return index.articles.flatMap((article) => (article.tree ? checkLinksToRoutes(article.file, contentLinks(article.tree), routes) : []));
}
