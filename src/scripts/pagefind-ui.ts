/**
 * Pagefind's Component UI in the browser, shared by the search page and the
 * search dialog. Its stylesheet and script (about 40 KB gzipped) load once, on
 * demand: when the search page opens or a reader opens the dialog. They are
 * Pagefind's own output, not part of the site's bundle, so they are added as
 * elements rather than imported.
 */
import { PAGEFIND_BUNDLE, withHighlight } from '../lib/search-client';

export interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: 'search', handler: (term: string, filters?: Record<string, string[]>) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

let loading: Promise<void> | undefined;

export function loadComponentUi(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${PAGEFIND_BUNDLE}pagefind-component-ui.css`;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${PAGEFIND_BUNDLE}pagefind-component-ui.js`;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      loading = undefined;
      reject(new Error(`could not load ${script.src}`));
    });
    document.head.append(style, script);
  });
  return loading;
}

/** The Pagefind instance the components on the page share. */
export function pagefindInstance(name = 'default'): PagefindInstance {
  return (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents.getInstanceManager().getInstance(name);
}

/** The search as it stands: the words and the filters chosen. */
export interface SearchState {
  term: string;
  filters: Record<string, string[]>;
}

/**
 * Follow the searches run in `root` (the search page or the dialog), calling
 * `onSearch` on each, and make a result opened there scroll to the searched
 * words and highlight them (a text fragment), with no script on that page.
 */
export function followSearch(root: HTMLElement, onSearch?: (state: SearchState) => void): SearchState {
  const state: SearchState = { term: '', filters: {} };
  pagefindInstance().on('search', (term, filters = {}) => {
    state.term = term;
    state.filters = filters;
    onSearch?.(state);
  });
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('pagefind-results a[href]');
    if (link) link.href = withHighlight(link.getAttribute('href') ?? link.href, state.term);
  });
  return state;
}
