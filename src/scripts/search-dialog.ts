/**
 * The one script on every page, kept small (see src/lib/budgets.ts): it makes
 * the header's search control open a search dialog, opens it on "/" and
 * Ctrl/Cmd+K, and registers the service worker that keeps the site readable
 * offline, and marks the searched words on a page opened from a result. The search itself — Pagefind's Component UI — loads only when the
 * dialog is first opened. On the search page the shortcut focuses the page's
 * own search box instead.
 */
import { isSearchShortcut, urlFor } from '../lib/search-client';
import { registerOffline } from './offline';
import { highlightSearchedWords } from './highlight';
import { followSearch, loadComponentUi } from './pagefind-ui';

interface ModalElement extends HTMLElement {
  open(): void;
}

let modal: Promise<ModalElement> | undefined;

async function createModal(): Promise<ModalElement> {
  const template = document.querySelector<HTMLTemplateElement>('template#search-dialog');
  if (!template) throw new Error('no search dialog template');
  document.body.append(template.content.cloneNode(true));
  await loadComponentUi();
  await customElements.whenDefined('pagefind-modal');
  const element = document.querySelector<ModalElement>('pagefind-modal')!;
  // Pagefind's filter dropdowns are comboboxes, which take no name from their text: name them after their
  // label, again whenever Pagefind redraws them.
  const name = () => {
    for (const dropdown of element.querySelectorAll('pagefind-filter-dropdown')) {
      const combobox = dropdown.querySelector('[role="combobox"]:not([aria-label])');
      combobox?.setAttribute('aria-label', dropdown.getAttribute('label') ?? '');
    }
  };
  name();
  new MutationObserver(name).observe(element, { childList: true, subtree: true });
  const search = followSearch();
  element.addEventListener('click', (event) => {
    // "All filters" carries the query and the filters chosen so far over to the search page.
    const more = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-more]');
    if (more) more.href = urlFor(search.term, search.filters);
  });
  return element;
}

function openSearch(): void {
  const pageBox = document.querySelector<HTMLInputElement>('[data-search] pagefind-input input');
  if (pageBox) return pageBox.focus();
  modal ??= createModal();
  modal.then(
    (element) => element.open(),
    () => {
      // The search files could not load (offline before they were cached, say): the search page says what to do.
      location.href = urlFor('');
    },
  );
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
