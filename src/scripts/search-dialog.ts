/**
 * The one script on every page, kept small (see src/lib/budgets.ts): it makes
 * the header's search control open a search dialog, opens it on "/" and
 * Ctrl/Cmd+K, registers the service worker that keeps the site readable
 * offline, and marks the searched words on a page opened from a result. The
 * dialog itself (pagefind-ui.ts and Pagefind's Component UI) loads only when
 * it is first opened. On the search page the shortcut focuses the page's own
 * search box instead.
 */
import { isSearchShortcut, urlFor } from '../lib/search-client';
import { registerOffline } from './offline';
import { highlightSearchedWords } from './highlight';

/** The search itself (pagefind-ui.ts), loaded on first use: a chunk of its own, apart from the script every page shares. */
export const loadSearch = () => import('./pagefind-ui');

function openSearch(): void {
  const page = document.querySelector('[data-search]');
  if (page) return page.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
  loadSearch()
    .then((ui) => ui.openSearchDialog())
    .catch(() => {
      // The search files could not load (offline before they were kept, say): the search page says what to do.
      location.href = urlFor('');
    });
}

export function startSearchDialog(): void {
  for (const trigger of document.querySelectorAll<HTMLElement>('[data-search-open]')) {
    trigger.hidden = false;
    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      openSearch();
    });
  }
  for (const link of document.querySelectorAll<HTMLElement>('[data-search-link]')) link.hidden = true;
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!event.defaultPrevented && isSearchShortcut({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing })) {
      event.preventDefault();
      openSearch();
    }
  });
  registerOffline();
  highlightSearchedWords();
}
