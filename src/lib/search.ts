/**
 * What search knows beyond the page text, declared once for the index, the
 * search page, the search dialog and the portable edition: the abbreviations
 * that administrators type, what a guide is the reference for, what the index
 * leaves out, and the filters every search screen offers, with their names
 * and the order of their values.
 */
import { FILTER_PARAMS, type FilterParam } from './search-client';
import { METHODS, METHOD_IDS, STANCES, STANCE_IDS, TAGS, TAG_IDS, type Tag } from './taxonomy';
import { safeDecode } from './safe-decode';

export const ALIASES: readonly (readonly [string, string])[] = [
  ['KMS', 'Key Management Service'],
  ['MAK', 'Multiple Activation Key'],
  ['ADBA', 'Active Directory-based activation'],
  ['VAMT', 'Volume Activation Management Tool'],
  ['GVLK', 'Generic Volume License Key'],
  ['CSVLK', 'Customer Specific Volume License Key'],
  ['CMID', 'client machine ID'],
  ['AVMA', 'Automatic Virtual Machine Activation'],
  ['SRV', 'service record'],
  ['PAYG', 'pay-as-you-go'],
];

function mentions(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(text);
}

/**
 * Both forms of every alias pair that the text mentions in either form:
 * indexed with the page so "Key Management Service" finds a page that only
 * says "KMS" and the other way round, and a page about the term ranks above
 * one that only uses its words in passing.
 */
export function searchAliases(text: string): string[] {
  return ALIASES.filter(([short, long]) => mentions(text, short) || mentions(text, long)).flatMap(([short, long]) => [short, long]);
}

/**
 * Words readers search for a topic that its articles may not use: indexed with
 * every article that carries the tag, so "air gapped" finds the articles about
 * isolated networks.
 */
export const TAG_SYNONYMS: Partial<Readonly<Record<Tag, readonly string[]>>> = {
  'isolated-networks': ['air-gapped', 'air gapped', 'airgapped', 'offline', 'disconnected', 'isolated'],
  'roaming-devices': ['laptops', 'remote workers', 'mobile'],
  'small-sites': ['small business', 'few machines'],
};

/**
 * The metadata field (`data-pagefind-meta`) that holds a page's searchTerms: searched with the page, but never shown
 * as its excerpt, which is the page's own text. The portable edition's index reads the same field.
 */
export const ALIASES_FIELD = 'aliases';

/** The aliases a page is indexed with: from its text (ALIASES) and from its tags (TAG_SYNONYMS). */
export function searchTerms(text: string, tags: readonly Tag[] = []): string[] {
  return [...new Set([...searchAliases(text), ...tags.flatMap((tag) => TAG_SYNONYMS[tag] ?? [])])];
}

/** What only a printout shows (a decision report's sources and build stamp): a match there would open a page where the reader cannot see the word. */
const PRINT_ONLY = 'print-only';
/** The classes of a recommendation (`<section class="node outcome">`), and of the children it is indexed by. */
const RECOMMENDATION = { classes: ['node', 'outcome'], indexed: ['node-title', 'rationale'] } as const;

/**
 * What the index leaves out of every page, on top of `data-pagefind-ignore`, as Pagefind's `excludeSelectors`:
 *
 * - `.print-only`: see PRINT_ONLY.
 * - A recommendation (`.node.outcome`) is indexed by its title and its rationale only. Its notes and next steps
 *   for each way through the tree, its cited pros and cons and its report repeat what the guides and the pros and
 *   cons say in full; indexed, they put recommendations first for every command and error code they mention.
 *
 * The portable edition's index leaves out the same elements (leftOutOfIndex).
 */
export const INDEX_EXCLUDE: readonly string[] = [
  `.${PRINT_ONLY}`,
  `${RECOMMENDATION.classes.map((name) => `.${name}`).join('')} > ${RECOMMENDATION.indexed.map((name) => `:not(.${name})`).join('')}`,
];

/** Whether INDEX_EXCLUDE leaves out an element, by its classes and its parent's: for an index read without CSS selectors. */
export function leftOutOfIndex(classes: readonly string[], parentClasses: readonly string[]): boolean {
  if (classes.includes(PRINT_ONLY)) return true;
  return RECOMMENDATION.classes.every((name) => parentClasses.includes(name)) && !RECOMMENDATION.indexed.some((name) => classes.includes(name));
}

/**
 * The weight of a recommendation's rationale in the index (Pagefind's `data-pagefind-weight`; a paragraph weighs
 * 1). A rationale sums up, in a few sentences, the commands, counts and error codes that the guides and the pros
 * and cons explain; at full weight, recommendations, far shorter than guides, would come first for them.
 */
export const RECOMMENDATION_WEIGHT = 0.3;

/** Markdown inline syntax reduced to its words: code marks, link targets and emphasis dropped. */
function plainInline(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .trim();
}

/** An error code as Windows and Office report it: `0xC004F074`. */
const ERROR_CODE = /^0x[0-9a-f]{8}$/i;

/** What a guide is the reference for, read from its Markdown (SearchMeta indexes both, SEARCH_RANKING weighs them). */
export interface SearchKeys {
  /** The error codes that head a section and the commands that start a row of a table (`slmgr /dlv`, without placeholders). */
  defines: string[];
  /** The title of every section: "Activation counts", "Office with ADBA". */
  sections: string[];
}

/** What a guide is the reference for: see SearchKeys. */
export function searchKeys(markdown: string): SearchKeys {
  const defines: string[] = [];
  const sections: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    // A code block's lines are code, whatever they start with.
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const title = plainInline(heading[1]!);
      sections.push(title);
      if (ERROR_CODE.test(title)) defines.push(title);
    }
    const command = /^\|\s*`([^`]+)`/.exec(line);
    if (command) defines.push(command[1]!.replace(/<[^>]*>|\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim());
  }
  return { defines: [...new Set(defines.filter(Boolean))], sections: [...new Set(sections.filter(Boolean))] };
}

/** The filters a search URL carries (`/search/?q=kms&method=KMS&tag=DNS`), each as the list of its values. */
export function filtersFromUrl(params: URLSearchParams): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const name of FILTER_PARAMS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return filters;
}

/**
 * The filters of a shared URL with each value spelled as the index spells it,
 * whatever case the URL used (`method=mak` → `MAK`). `known` is Pagefind's
 * filter → value → count; a value it does not know is kept as it is.
 */
export function canonicalFilters(filters: Record<string, string[]>, known: Record<string, Record<string, number>>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(filters)) {
    const spellings = Object.keys(Object.hasOwn(known, name) ? known[name]! : {});
    result[name] = values.map((value) => spellings.find((spelling) => spelling.toLowerCase() === value.toLowerCase()) ?? value);
  }
  return result;
}

/** What the search box suggests typing, on the search page and in the search dialog. */
export const SEARCH_PLACEHOLDER = 'Search: KMS, 0xC004F074, SRV record, laptops…';

/** The kinds of page that search can be filtered by. */
export const CONTENT_TYPES = { factor: 'Pro or con', guide: 'Guide', outcome: 'Recommendation', scenario: 'Scenario', overview: 'Overview' } as const;
export type ContentType = keyof typeof CONTENT_TYPES;

/** The name of each filter, the same on every search screen: the search page, the search dialog, the portable edition. */
export const FILTER_LABELS: Readonly<Record<FilterParam, string>> = { method: 'Method', stance: 'Pro or con', tag: 'Topic', type: 'Kind of page' };

/** The filters every search screen offers, in the order it shows them. */
export const SEARCH_FILTERS: readonly FilterParam[] = ['method', 'stance', 'tag', 'type'];

/** The values of each filter as the index holds them (SearchMeta.astro), in the order of the taxonomy. */
export const FILTER_VALUES: Readonly<Record<FilterParam, readonly string[]>> = {
  method: METHOD_IDS.map((method) => METHODS[method].label),
  stance: STANCE_IDS.map((stance) => STANCES[stance].label),
  tag: TAG_IDS.map((tag) => TAGS[tag].label),
  type: Object.values(CONTENT_TYPES),
};

/** `values` of a filter in the order every search screen lists them: the taxonomy's, then any other alphabetically. */
export function orderFilterValues(filter: FilterParam, values: Iterable<string>): string[] {
  const order = FILTER_VALUES[filter];
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Searches that the search page suggests before anything is typed: one of each kind that administrators ask. */
export const COMMON_QUERIES: readonly string[] = ['0xC004F074', 'slmgr /dlv', 'KMS count', 'phone activation', 'SRV record', 'air gapped'];

/** What Escape does in the search dialog, by what is open and typed: it undoes one thing at a time. */
export type EscapeAction = 'close-list' | 'clear' | 'close';

/** A filter list open: Escape folds it; words typed: Escape clears them; otherwise Escape closes the dialog. */
export function escapeAction(state: { listOpen: boolean; query: string }): EscapeAction {
  if (state.listOpen) return 'close-list';
  return state.query ? 'clear' : 'close';
}

/** The dialog footer's hint for Escape (after the key's name), by what it does now. */
export const ESCAPE_HINTS: Readonly<Record<EscapeAction, string>> = { 'close-list': 'close the list', clear: 'clear the search', close: 'close search' };

/** The abbreviation of the method a guide is the main guide of (`kms` → "KMS", `token-based` → "Token"), if any. */
export function guideAbbreviation(guideId: string): string | undefined {
  const method = METHOD_IDS.find((id) => guideId === id || guideId === `${id}-based`);
  return method && METHODS[method].label;
}

/**
 * The folders of the site's routes, which say where a page was, not what it was about: the site's own pages' and
 * each collection's (src/lib/collections.ts, kept apart because the browser loads this module; test/unit/collections.test.ts
 * fails for a collection whose folder is missing here).
 */
const ROUTE_FOLDERS = new Set(['factors', 'guides', 'scenarios', 'decide', 'outcomes', 'tags', 'search', 'index', 'html']);

/**
 * The words of a missing page's address, to search for what it held: `/guides/kms-host-lifecycle/` → `kms host
 * lifecycle`. `base` is the path the site is served under; route folders and stray characters are left out.
 */
export function searchWordsFromPath(pathname: string, base = '/'): string {
  // A malformed escape: its words are read as they are.
  let path = safeDecode(pathname) ?? pathname;
  if (path.startsWith(base)) path = path.slice(base.length);
  const words = path
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !ROUTE_FOLDERS.has(word));
  return [...new Set(words)].slice(0, 6).join(' ');
}
