/**
 * The /search/ page: loads Pagefind's Component UI, runs the query and filters
 * given in the URL, and keeps the URL in step so a search can be shared.
 * Opening a result highlights the searched words there with a text fragment,
 * so article pages need no script for it. The "/" and Ctrl/Cmd+K shortcut
 * comes from the script every page has (search-dialog.ts).
 */
import { filtersFromUrl, urlFor } from '../lib/search-client';
import { followSearch, loadComponentUi, pagefindInstance } from './pagefind-ui';

export async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  // After the first paint: this script is inline and runs at once, and a stylesheet added before the page has
  // painted holds the paint back (Lighthouse measured First Contentful Paint 0.5 s later).
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  await loadComponentUi();
  root.classList.add('ready');
  followSearch(root, ({ term, filters }) => history.replaceState(null, '', urlFor(term, filters)));

  const params = new URLSearchParams(location.search);
  const initial = params.get('q') ?? '';
  const filters = filtersFromUrl(params);
  if (initial || Object.keys(filters).length) {
    customElements.whenDefined('pagefind-input').then(() => {
      const box = root.querySelector<HTMLInputElement>('pagefind-input input');
      if (box) box.value = initial;
      pagefindInstance().triggerSearchWithFilters(initial, filters);
    });
  }
}
