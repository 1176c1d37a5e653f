/**
 * The search page and the 404 page's search, from the script every page
 * shares: on those pages only, it loads the search (pagefind-ui.ts, on
 * demand) and starts it. The "/" and Ctrl/Cmd+K shortcut comes from
 * search-dialog.ts.
 */
import { loadSearch } from './search-dialog';

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const missing = document.querySelector<HTMLFormElement>('form[data-search-missing]');
  if (root) {
    // A shared search shows its results, not the suggestions for a first search, from the first paint on.
    const start = root.querySelector<HTMLElement>('[data-search-start]');
    if (start && location.search) start.hidden = true;
    void loadSearch().then((ui) => ui.startSearchPageUi(root));
  } else if (missing) void loadSearch().then((ui) => ui.offerSearchForMissingPage(missing));
}
