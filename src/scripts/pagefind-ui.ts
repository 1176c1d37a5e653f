/**
 * Search in the browser: Pagefind's Component UI for the search page and the
 * search dialog, with the filter lists both share. The script every page
 * shares imports this module only when search is used (search-page.ts,
 * search-dialog.ts), so none of it weighs on a page that is only read;
 * Pagefind's own stylesheet and script (about 40 KB gzipped) load after it.
 * They are Pagefind's output, not part of the site's bundle, so they are added
 * as elements rather than imported.
 */
// The site's own search styles (the filter lists, the dialog's footer) as text, adopted as a constructed stylesheet
// when search starts: imported as CSS, Astro would add them to the stylesheet of every page.
import searchStyles from '../styles/search.css?raw';
import { PAGEFIND_BUNDLE, urlFor, type FilterParam } from '../lib/search-client';
import { withBase } from '../lib/routes';
import { SEARCH_RANKING } from '../lib/search-ranking';
import {
  canonicalFilters,
  ESCAPE_HINTS,
  escapeAction,
  FILTER_LABELS,
  filtersFromUrl,
  orderFilterValues,
  SEARCH_FILTERS,
  searchWordsFromPath,
} from '../lib/search';

/** Filter → value → number of results, as Pagefind counts them. */
type FilterCounts = Record<string, Record<string, number>>;

interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerSearch(term: string): void;
  triggerFilter(filter: string, values: string[]): void;
  triggerLoad(): Promise<void>;
  /** The Pagefind search API the instance loaded (Component UI internals). */
  __pagefind__?: { filters(): Promise<FilterCounts> };
  on(event: 'search', handler: (term: string, filters?: Record<string, string[]>) => void): void;
  on(event: 'filters', handler: (filters: { available?: FilterCounts; total?: FilterCounts | null }) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
  configureInstance(name: string, options: Record<string, unknown>): void;
}

const components = () => (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;

let loading: Promise<void> | undefined;

function loadComponentUi(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = withBase(`${PAGEFIND_BUNDLE}pagefind-component-ui.css`);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = withBase(`${PAGEFIND_BUNDLE}pagefind-component-ui.js`);
    script.addEventListener('load', () => {
      // Before the first search loads the index: options given later are ignored.
      components().configureInstance('default', { ranking: SEARCH_RANKING });
      resolve();
    });
    script.addEventListener('error', () => {
      loading = undefined;
      reject(new Error(`could not load ${script.src}`));
    });
    // Adopted stylesheets come after the document's, so the site's rules adjust Pagefind's.
    const own = new CSSStyleSheet();
    own.replaceSync(searchStyles);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    document.head.append(style, script);
  });
  return loading;
}

/** The Pagefind instance the components on the page share. */
function pagefindInstance(): PagefindInstance {
  return components().getInstanceManager().getInstance('default');
}

/** The search as it stands: the words and the filters chosen. */
interface SearchState {
  term: string;
  filters: Record<string, string[]>;
}

/**
 * Follow the searches run in the search page or the dialog, calling `onSearch`
 * on each. Result links carry the words to the page they open (HIGHLIGHT_PARAM,
 * added by Pagefind), where the shared script marks them.
 */
function followSearch(onSearch?: (state: SearchState) => void): SearchState {
  const state: SearchState = { term: '', filters: {} };
  pagefindInstance().on('search', (term, filters = {}) => {
    state.term = term;
    state.filters = filters;
    onSearch?.(state);
  });
  return state;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/**
 * The filter lists of a search screen, in `container`: a group per filter (SEARCH_FILTERS) under its name
 * (FILTER_LABELS), a checkbox per value in the taxonomy's order with the number of results it leaves, and only
 * the values that leave any, or are chosen. The same on the search page and in the dialog. `onChosen` hears how
 * many values are chosen, whenever that may have changed.
 */
function renderFilterLists(container: HTMLElement, onChosen: (count: number) => void = () => {}): void {
  const instance = pagefindInstance();
  let term = '';
  let chosen: Record<string, string[]> = {};
  let counts: { available: FilterCounts; total: FilterCounts } = { available: {}, total: {} };
  const groups = new Map<FilterParam, { group: HTMLFieldSetElement; options: HTMLDivElement; values: string }>(
    SEARCH_FILTERS.map((filter) => {
      const options = element('div', 'search-filter-options');
      const group = element('fieldset', 'search-filter', element('legend', '', FILTER_LABELS[filter]), options);
      group.dataset.filter = filter;
      group.hidden = true;
      return [filter, { group, options, values: '' }];
    }),
  );
  container.replaceChildren(...[...groups.values()].map(({ group }) => group));

  const draw = () => {
    for (const [filter, entry] of groups) {
      const picked = chosen[filter] ?? [];
      const values = orderFilterValues(filter, [...Object.keys(counts.total[filter] ?? {}), ...Object.keys(counts.available[filter] ?? {}), ...picked]);
      if (values.join('\n') !== entry.values) {
        entry.values = values.join('\n');
        entry.options.replaceChildren(
          ...values.map((value) => {
            const box = element('input', '');
            box.type = 'checkbox';
            box.name = filter;
            box.value = value;
            return element('label', 'search-filter-option', box, ` ${value} `, element('span', 'search-filter-count'));
          }),
        );
      }
      let shown = 0;
      for (const label of entry.options.children as HTMLCollectionOf<HTMLLabelElement>) {
        const box = label.querySelector('input')!;
        box.checked = picked.includes(box.value);
        const available = counts.available[filter]?.[box.value] ?? 0;
        label.querySelector('.search-filter-count')!.textContent = String(box.checked ? (counts.total[filter]?.[box.value] ?? available) : available);
        label.hidden = !box.checked && available === 0;
        if (!label.hidden) shown += 1;
      }
      entry.group.hidden = shown === 0;
    }
    onChosen(Object.values(chosen).reduce((sum, values) => sum + values.length, 0));
  };

  container.addEventListener('change', (event) => {
    const filter = (event.target as HTMLInputElement).name as FilterParam;
    const values = [...container.querySelectorAll<HTMLInputElement>(`input[name="${filter}"]:checked`)].map((checked) => checked.value);
    // Words typed a moment ago may not be searched yet (Pagefind waits for a pause in typing): search them with the
    // filter, or the filter would search the words before them and put those back in the box.
    const typed = container.closest('pagefind-modal, [data-search]')?.querySelector<HTMLInputElement>('pagefind-input input')?.value;
    if (typed !== undefined && typed !== term) instance.triggerSearchWithFilters(typed, { ...chosen, [filter]: values });
    else instance.triggerFilter(filter, values);
  });
  instance.on('filters', ({ available = {}, total }) => {
    counts = { available, total: total ?? available };
    draw();
  });
  instance.on('search', (searched, filters = {}) => {
    term = searched;
    chosen = filters;
    draw();
  });
}

/**
 * Every filter value of the index, as filter → value → count, from the Pagefind
 * instance the Component UI loaded (not importing pagefind.js again, which
 * would load a second copy). Empty if the Component UI no longer exposes it:
 * filter values then pass as they are.
 */
async function knownFilters(): Promise<FilterCounts> {
  const instance = pagefindInstance();
  await instance.triggerLoad();
  return (await instance.__pagefind__?.filters()) ?? {};
}

/**
 * The /search/ page: runs the query and filters given in the URL (filter values in any case), keeps the URL in
 * step so a search can be shared, and shows the suggestions for a first search (`[data-search-start]`) while
 * nothing is searched. On a narrow screen the filters start folded, below the search box, so the results come
 * first.
 */
export async function startSearchPageUi(root: HTMLElement): Promise<void> {
  // After the first paint: a stylesheet added before the page has painted holds the paint back (Lighthouse
  // measured First Contentful Paint 0.5 s later).
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  await loadComponentUi();
  const folder = root.querySelector<HTMLDetailsElement>('details.search-filter-folder');
  const wide = matchMedia('(min-width: 44rem)');
  if (folder) {
    folder.open = wide.matches;
    wide.addEventListener('change', () => (folder.open = wide.matches));
  }
  const lists = root.querySelector<HTMLElement>('[data-search-filters]');
  if (lists) renderFilterLists(lists);
  const start = root.querySelector<HTMLElement>('[data-search-start]');
  followSearch(({ term, filters }) => {
    history.replaceState(null, '', urlFor(term, filters));
    if (start) start.hidden = Boolean(term) || Object.values(filters).some((values) => values.length > 0);
  });
  root.classList.add('ready');

  const params = new URLSearchParams(location.search);
  const initial = params.get('q') ?? '';
  const asked = filtersFromUrl(params);
  await customElements.whenDefined('pagefind-input');
  if (initial || Object.keys(asked).length) {
    const filters = Object.keys(asked).length ? canonicalFilters(asked, await knownFilters()) : asked;
    const box = root.querySelector<HTMLInputElement>('pagefind-input input');
    if (box) box.value = initial;
    pagefindInstance().triggerSearchWithFilters(initial, filters);
  } else {
    // The filter lists show every value, with its count, before anything is searched.
    void pagefindInstance().triggerLoad();
  }
}

/** The 404 page's search form: the words of the address that was asked for, ready to search. */
export function offerSearchForMissingPage(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (box && !box.value) box.value = searchWordsFromPath(location.pathname, withBase('/'));
}

interface ModalElement extends HTMLElement {
  open(): void;
}

let modal: Promise<ModalElement> | undefined;

/** The search dialog, made once from the page's `template#search-dialog` (src/layouts/Base.astro). */
async function createModal(): Promise<ModalElement> {
  const template = document.querySelector<HTMLTemplateElement>('template#search-dialog');
  if (!template) throw new Error('no search dialog template');
  const content = template.content.cloneNode(true) as DocumentFragment;
  const element = content.querySelector<ModalElement>('pagefind-modal')!;
  // The filters: the search page's lists, folded behind one control, in place of whatever the template holds there.
  const lists = document.createElement('div');
  const chosenCount = document.createElement('span');
  const summary = document.createElement('summary');
  summary.append('Filters', chosenCount);
  const folder = Object.assign(document.createElement('details'), { className: 'search-dialog-filters' });
  folder.append(summary, lists);
  const place = content.querySelector<HTMLElement>('.search-filters');
  if (place) place.replaceChildren(folder);
  else content.querySelector('pagefind-modal-body')?.prepend(folder);
  document.body.append(content);
  await loadComponentUi();
  await customElements.whenDefined('pagefind-modal');
  renderFilterLists(lists, (count) => (chosenCount.textContent = count ? ` (${count} chosen)` : ''));

  const dialog = element.querySelector('dialog')!;
  // Opened again, the dialog shows its results first.
  dialog.addEventListener('close', () => (folder.open = false));
  const input = () => element.querySelector<HTMLInputElement>('pagefind-input input');
  const action = () => escapeAction({ listOpen: folder.open, query: input()?.value ?? '' });

  // Escape undoes one thing at a time: it folds the filter lists, then clears the words, and only then lets
  // Pagefind close the dialog. Caught on the way down, before Pagefind's own handler on the dialog.
  element.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      const now = action();
      if (now === 'close') return;
      event.preventDefault();
      event.stopPropagation();
      if (now === 'close-list') {
        folder.open = false;
        summary.focus();
      } else {
        const box = input()!;
        const clear = element.querySelector<HTMLButtonElement>('pagefind-input .pf-input-clear');
        if (clear) clear.click();
        else {
          box.value = '';
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }
        box.focus();
      }
      describeEscape();
    },
    true,
  );

  // The footer's hint for Escape says what it does now, whichever part of Pagefind last drew the hints.
  const hints = element.querySelector('pagefind-modal-footer pagefind-keyboard-hints');
  const describeEscape = () => {
    for (const key of hints?.querySelectorAll('kbd') ?? []) {
      const text = key.nextSibling;
      const wanted = ` ${ESCAPE_HINTS[action()]}`;
      if (key.textContent === 'esc' && text && text.textContent !== wanted) text.textContent = wanted;
    }
  };
  if (hints) new MutationObserver(describeEscape).observe(hints, { childList: true, subtree: true, characterData: true });
  folder.addEventListener('toggle', describeEscape);
  element.addEventListener('input', describeEscape);

  // A click that starts inside the dialog never closes it, wherever the button is released: Pagefind closes the
  // dialog on a click whose target is the dialog itself, which is also where a press inside and a release
  // outside the results end up.
  let pressedInside = false;
  dialog.addEventListener('pointerdown', (event) => (pressedInside = event.target !== dialog), true);
  element.addEventListener(
    'click',
    (event) => {
      if (event.target === dialog && pressedInside) event.stopPropagation();
      pressedInside = false;
    },
    true,
  );

  const search = followSearch(describeEscape);
  element.addEventListener('click', (event) => {
    // "All filters" carries the query and the filters chosen so far over to the search page.
    const more = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-more]');
    if (more) more.href = urlFor(search.term, search.filters);
  });
  return element;
}

/** Open the search dialog, made on first use. Rejects if the search files cannot load (offline before they were kept). */
export async function openSearchDialog(): Promise<void> {
  modal ??= createModal();
  try {
    (await modal).open();
  } catch (error) {
    modal = undefined;
    throw error;
  }
}
