/**
 * Pagefind's Component UI in the browser, shared by the search page and the
 * search dialog. Its stylesheet and script (about 40 KB gzipped) load once, on
 * demand: when the search page opens or a reader opens the dialog. They are
 * Pagefind's own output, not part of the site's bundle, so they are added as
 * elements rather than imported.
 */
import { PAGEFIND_BUNDLE } from '../lib/search-client';
import { withBase } from '../lib/routes';
import { SEARCH_RANKING } from '../lib/search-ranking';

export interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerLoad(): Promise<void>;
  /** The Pagefind search API the instance loaded (Component UI internals). */
  __pagefind__?: { filters(): Promise<Record<string, Record<string, number>>> };
  on(event: 'search', handler: (term: string, filters?: Record<string, string[]>) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
  configureInstance(name: string, options: Record<string, unknown>): void;
}

const components = () => (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;

let loading: Promise<void> | undefined;

export function loadComponentUi(): Promise<void> {
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
    document.head.append(style, script);
  });
  return loading;
}

/** The Pagefind instance the components on the page share. */
export function pagefindInstance(name = 'default'): PagefindInstance {
  return components().getInstanceManager().getInstance(name);
}

/** The search as it stands: the words and the filters chosen. */
export interface SearchState {
  term: string;
  filters: Record<string, string[]>;
}

/**
 * Every filter value of the index, as filter → value → count, from the Pagefind
 * instance the Component UI loaded (not importing pagefind.js again, which
 * would bring a module loader into the script every page shares). Empty if
 * the Component UI no longer exposes it: filter values then pass as they are.
 */
export async function knownFilters(): Promise<Record<string, Record<string, number>>> {
  const instance = pagefindInstance();
  await instance.triggerLoad();
  return (await instance.__pagefind__?.filters()) ?? {};
}

/**
 * Follow the searches run in the search page or the dialog, calling `onSearch`
 * on each. Result links carry the words to the page they open (HIGHLIGHT_PARAM,
 * added by Pagefind), where the shared script marks them.
 */
export function followSearch(onSearch?: (state: SearchState) => void): SearchState {
  const state: SearchState = { term: '', filters: {} };
  pagefindInstance().on('search', (term, filters = {}) => {
    state.term = term;
    state.filters = filters;
    onSearch?.(state);
  });
  return state;
}
