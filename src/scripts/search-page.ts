/**
 * The /search/ page: loads Pagefind's Component UI, runs the query and filters
 * given in the URL (filter values in any case), and keeps the URL in step so a
 * search can be shared. On a narrow screen the filters start folded, below
 * the search box, so the results come first. The "/" and Ctrl/Cmd+K shortcut
 * comes from the script every page has (search-dialog.ts).
 */
import { canonicalFilters, filtersFromUrl, urlFor } from '../lib/search-client';
import { followSearch, knownFilters, loadComponentUi, pagefindInstance } from './pagefind-ui';

export async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  // After the first paint: this script is inline and runs at once, and a stylesheet added before the page has
  // painted holds the paint back (Lighthouse measured First Contentful Paint 0.5 s later).
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  await loadComponentUi();
  root.classList.add('ready');
  const folder = root.querySelector<HTMLDetailsElement>('details.search-filter-folder');
  const wide = matchMedia('(min-width: 44rem)');
  if (folder) {
    folder.open = wide.matches;
    wide.addEventListener('change', () => (folder.open = wide.matches));
  }
  followSearch(({ term, filters }) => history.replaceState(null, '', urlFor(term, filters)));

  const params = new URLSearchParams(location.search);
  const initial = params.get('q') ?? '';
  const asked = filtersFromUrl(params);
  if (initial || Object.keys(asked).length) {
    await customElements.whenDefined('pagefind-input');
    const filters = Object.keys(asked).length ? canonicalFilters(asked, await knownFilters()) : asked;
    const box = root.querySelector<HTMLInputElement>('pagefind-input input');
    if (box) box.value = initial;
    pagefindInstance().triggerSearchWithFilters(initial, filters);
  }
}
