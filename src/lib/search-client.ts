/**
 * What the script every page shares needs of search: where Pagefind's files
 * are, the URL of a search, the query parameter that carries the searched
 * words to the page a result opens, and the keys that open search. Kept
 * apart from src/lib/search.ts, which only the search itself loads, so that
 * it stays small. Pure functions, unit-tested on their own.
 */

import { withBase } from './routes';

/**
 * Where the build writes Pagefind's files (src/integrations/search-index.ts), inside the site; the browser loads them
 * from `withBase(PAGEFIND_BUNDLE)`, and Pagefind takes the folder above it as the base of its result links.
 */
export const PAGEFIND_BUNDLE = '/pagefind/';

/** Pagefind's filters (`data-pagefind-filter`), which a search URL also carries: `/search/?q=kms&method=KMS&tag=DNS`. */
export const FILTER_PARAMS = ['type', 'method', 'stance', 'tag'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The shortcuts that open search, as `aria-keyshortcuts` lists them. */
export const SEARCH_SHORTCUTS = '/ Control+K Meta+K';

export function urlFor(term: string, filters: Record<string, string[]> = {}): string {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of FILTER_PARAMS) for (const value of filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return withBase(`/search/${query ? `?${query}` : ''}`);
}

/**
 * The query parameter Pagefind adds to result links (`highlight-param` of
 * `<pagefind-config>`): the opened page marks these words in its article body
 * only, and the link still lands on its section (`/guides/kms/?highlight=kms#srv-records`).
 */
export const HIGHLIGHT_PARAM = 'highlight';

/** The parts of a keydown event the shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether the reader is typing in a field, where "/" is just a slash. */
  typing: boolean;
}

/** `/` (when not typing in a field) and Ctrl+K or ⌘K (anywhere) open search. */
export function isSearchShortcut(press: KeyPress): boolean {
  if (press.altKey) return false;
  if (press.key.toLowerCase() === 'k') return press.ctrlKey !== press.metaKey;
  return press.key === '/' && !press.ctrlKey && !press.metaKey && !press.typing;
}
