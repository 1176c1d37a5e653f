import { LAYOUT_IDS } from '../template-ids';

/*
 * The ids a link's `#fragment` may name on each page, known before the build: a link to an id the check does not
 * know is on the page is refused, so that whatever the check accepts the build's link check accepts too. Where a
 * page's ids depend on the content in ways the templates decide (a method's or a tag's page, the home page), only
 * the layout's ids are known; the content's own links never need more. An article's page has the ids its
 * collection's definition names (`linkableIds`, collections.ts); a page listing a collection only the layout's.
 */

/**
 * The pages the site's templates make whatever the content, and their ids besides the layout's (`LAYOUT_IDS`).
 * Kept equal to the built pages by test/build/corpus.test.ts and to the templates by test/unit/page-ids.test.ts:
 * add a page or an id here when you add it to a template.
 */
export const TEMPLATE_PAGE_IDS: Readonly<Record<string, readonly string[]>> = {
  '/about/': ['credits', 'sources', 'contributing', 'disclaimer'],
  '/compare/': ['matrix-caption'],
  '/decide/map/': [],
  '/search/': ['search-start-title'],
  '/tags/': [],
};

/** Every id on a page of {@link TEMPLATE_PAGE_IDS}, the layout's included; undefined for a page whose ids the content decides. */
export function templatePageIds(path: string): Set<string> | undefined {
  const own = Object.hasOwn(TEMPLATE_PAGE_IDS, path) ? TEMPLATE_PAGE_IDS[path] : undefined;
  return own ? new Set([...LAYOUT_IDS, ...own]) : undefined;
}

/** The ids every page has: the layout's. */
export function layoutIds(...more: readonly string[]): Set<string> {
  return new Set([...LAYOUT_IDS, ...more]);
}
