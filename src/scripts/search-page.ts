/**
 * The /search/ page: loads Pagefind's Component UI, runs the query and filters
 * given in the URL, and keeps the URL in step so a search can be shared.
 * Opening a result highlights the searched words there with a text fragment,
 * so article pages need no script for it. The "/" and Ctrl/Cmd+K shortcut
 * comes from the script every page has (search-dialog.ts).
 */
import { filtersFromUrl, urlFor, withHighlight } from '../lib/search-client';
import { loadComponentUi, pagefindInstance } from './pagefind-ui';

export async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  // After the first paint: this script is inline and runs at once, and a stylesheet added before the page has
  // painted holds the paint back (Lighthouse measured First Contentful Paint 0.5 s later).
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  await loadComponentUi(root.dataset.bundle);
  root.classList.add('ready');

  const instance = pagefindInstance();
  let term = '';
  instance.on('search', (searched, filters) => {
    term = searched;
    history.replaceState(null, '', urlFor(searched, filters));
  });

  const params = new URLSearchParams(location.search);
  const initial = params.get('q') ?? '';
  const filters = filtersFromUrl(params);
  if (initial || Object.keys(filters).length) {
    customElements.whenDefined('pagefind-input').then(() => {
      const box = root.querySelector<HTMLInputElement>('pagefind-input input');
      if (box) box.value = initial;
      instance.triggerSearchWithFilters(initial, filters);
    });
  }

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('pagefind-results a[href]');
    if (link && term) link.href = withHighlight(link.getAttribute('href') ?? link.href, term);
  });
}
