/**
 * Search in the portable edition, where Pagefind cannot run (it fetches its
 * index and starts a worker, both refused on file://). The index is a classic
 * script (search-index.js, written by src/lib/portable/) that the search page
 * loads before this one; MiniSearch searches it in the page. Same filters and
 * URL as the online search page: `?q=kms&method=KMS&tag=DNS`.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { SEARCH_GLOBAL } from '../../lib/portable/assets';
import type { SearchDocument } from '../../lib/portable/search-documents';
import { FILTER_LABELS, filtersFromUrl, orderFilterValues, SEARCH_FILTERS, SEARCH_PLACEHOLDER } from '../../lib/search';
import { urlFor, type FilterParam } from '../../lib/search-client';
import { isSectionField, SEARCH_RANKING } from '../../lib/search-ranking';

type Indexed = SearchDocument & { id: number };

/**
 * The metadata that the site's ranking weighs besides the title and summary (fields of their own here): found and
 * ranked here with the same weights. Not the section fields (`section1`…): MiniSearch has the sections' titles in
 * `headings`, and adds up words matched in different fields where Pagefind weighs a section only when it holds all
 * the searched words.
 */
const META_FIELDS = Object.keys(SEARCH_RANKING.metaWeights).filter((name) => name !== 'title' && name !== 'summary' && !isSectionField(name));

/**
 * A result link that scrolls to and marks the searched words (a text fragment): the online site highlights them
 * with Pagefind's script, which the copy does not carry.
 */
function withTextFragment(href: string, term: string): string {
  const words = term.trim();
  return words ? `${href}${href.includes('#') ? ':~:' : '#:~:'}text=${encodeURIComponent(words)}` : href;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function createIndex(documents: readonly Indexed[]): MiniSearch<Indexed> {
  const index = new MiniSearch<Indexed>({
    fields: ['title', 'summary', 'headings', 'body', 'aliases', ...META_FIELDS],
    extractField: (document, field) => {
      if (field === 'id') return document.id;
      if (field === 'headings') return document.headings.map((heading) => heading.text).join(' ');
      if (field === 'aliases') return document.aliases.join(' ');
      if (META_FIELDS.includes(field)) return document.meta[field] ?? '';
      return String(document[field as keyof Indexed] ?? '');
    },
    searchOptions: {
      boost: { ...Object.fromEntries(META_FIELDS.map((name) => [name, SEARCH_RANKING.metaWeights[name]!])), aliases: 4, summary: 3, headings: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    },
  });
  index.addAll(documents);
  return index;
}

/** Start the portable search on the search page (the element marked `data-search`), if this is it. */
export function startPortableSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const documents = (window as unknown as Record<string, SearchDocument[] | undefined>)[SEARCH_GLOBAL];
  if (!root || !documents) return;
  const prefix = document.documentElement.dataset.portableRoot ?? './';
  const indexed: Indexed[] = documents.map((document, id) => ({ ...document, id }));
  const index = createIndex(indexed);

  // The online page's Pagefind elements are gone; what is left of its layout gives way to this one, but for the
  // suggestions shown before anything is searched.
  const start = root.querySelector<HTMLElement>('[data-search-start]');
  for (const child of [...root.children]) if (child.tagName !== 'NOSCRIPT') child.remove();
  const box = element('input', { type: 'search', id: 'portable-search-input', placeholder: SEARCH_PLACEHOLDER, autocomplete: 'off' });
  box.setAttribute('aria-label', 'Search the guide');
  const selects = new Map<FilterParam, HTMLSelectElement>();
  const filterPane = element('aside', { className: 'portable-search-filters' });
  filterPane.setAttribute('aria-label', 'Filters');
  // The filters and their values in the order and with the names of the online search screens.
  for (const name of SEARCH_FILTERS) {
    const values = orderFilterValues(name, indexed.flatMap((document) => document.filters[name] ?? []));
    if (!values.length) continue;
    const select = element('select', { name }, element('option', { value: '' }, 'Any'), ...values.map((value) => element('option', { value }, value)));
    selects.set(name, select);
    filterPane.append(element('p', {}, element('label', {}, `${FILTER_LABELS[name]} `, select)));
  }
  const status = element('p', { className: 'portable-search-status' });
  status.setAttribute('role', 'status');
  const results = element('ol', { className: 'portable-search-results' });
  const form = element('form', { className: 'portable-search' }, element('div', { className: 'search-box' }, box));
  form.setAttribute('role', 'search');
  root.append(form, element('div', { className: 'search-layout' }, filterPane, element('div', {}, ...(start ? [start] : []), status, results)));
  root.classList.add('ready');

  const chosen = (): Record<string, string[]> => {
    const filters: Record<string, string[]> = {};
    for (const [name, select] of selects) if (select.value) filters[name] = [select.value];
    return filters;
  };

  const run = () => {
    const term = box.value.trim();
    const filters = chosen();
    const url = urlFor(term, filters);
    history.replaceState(null, '', `${location.pathname}${url.slice(url.indexOf('?') < 0 ? url.length : url.indexOf('?'))}`);
    const keep = (document: Indexed) => Object.entries(filters).every(([name, values]) => values.every((value) => document.filters[name]?.includes(value)));
    let found: Indexed[];
    if (term) {
      const filter = (result: SearchResult) => keep(indexed[result.id as number]!);
      let hits = index.search(term, { combineWith: 'AND', filter });
      if (!hits.length) hits = index.search(term, { combineWith: 'OR', filter });
      found = hits.map((hit) => indexed[hit.id as number]!);
    } else {
      found = Object.keys(filters).length ? indexed.filter(keep) : [];
    }
    if (start) start.hidden = Boolean(term || Object.keys(filters).length);
    status.textContent = term || Object.keys(filters).length ? `${found.length} ${found.length === 1 ? 'result' : 'results'}${term ? ` for “${term}”` : ''}` : '';
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    results.replaceChildren(
      // Every result, as the online search lists them: a page found for an abbreviation is found for its long form too.
      ...found.map((document) => {
        const href = `${prefix}${document.file}`;
        const item = element('li', {}, element('h2', {}, element('a', { href: withTextFragment(href, term) }, document.title)));
        if (document.summary) item.append(element('p', {}, document.summary));
        const parts = document.headings.filter((heading) => words.some((word) => heading.text.toLowerCase().includes(word))).slice(0, 3);
        if (parts.length) {
          item.append(element('ul', {}, ...parts.map((heading) => element('li', {}, element('a', { href: withTextFragment(`${href}#${heading.id}`, term) }, heading.text)))));
        }
        return item;
      }),
    );
  };

  const params = new URLSearchParams(location.search);
  box.value = params.get('q') ?? '';
  for (const [name, values] of Object.entries(filtersFromUrl(params))) {
    const select = selects.get(name as FilterParam);
    if (select && values[0]) select.value = values[0];
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  box.addEventListener('input', run);
  for (const select of selects.values()) select.addEventListener('change', run);
  run();
}
