/**
 * The /search/ page: loads Pagefind's Component UI (only here, never on
 * article pages), runs the query and filters given in the URL, keeps the URL
 * in step so a search can be shared, and focuses the box on "/" or Ctrl/Cmd+K.
 * Opening a result highlights the searched words there with a text fragment,
 * so article pages need no script for it.
 */
interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: 'search', handler: (term: string, filters?: Record<string, string[]>) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

/** The filters the page understands in its URL: `?q=kms&method=KMS&tag=DNS`. */
export const FILTER_PARAMS = ['type', 'method', 'stance', 'tag'] as const;

export function filtersFromUrl(params: URLSearchParams): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const name of FILTER_PARAMS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return filters;
}

export function urlFor(term: string, filters: Record<string, string[]> = {}): string {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of FILTER_PARAMS) for (const value of filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return `/search/${query ? `?${query}` : ''}`;
}

/** A result link that scrolls to and highlights the searched words (a text fragment). */
export function withHighlight(href: string, term: string): string {
  const words = term.trim();
  if (!words || href.includes(':~:')) return href;
  return `${href}${href.includes('#') ? ':~:' : '#:~:'}text=${encodeURIComponent(words)}`;
}

export async function startSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = `${bundle}pagefind-component-ui.css`;
  document.head.append(style);
  // A script element rather than import(): the bundle is Pagefind's own file, not part of the site's build.
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${bundle}pagefind-component-ui.js`;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${script.src}`)));
    document.head.append(script);
  });
  root.classList.add('ready');

  const components = (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;
  const instance = components.getInstanceManager().getInstance('default');
  const input = () => root.querySelector<HTMLInputElement>('pagefind-input input');
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
      const box = input();
      if (box) box.value = initial;
      instance.triggerSearchWithFilters(initial, filters);
    });
  }

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('pagefind-results a[href]');
    if (link && term) link.href = withHighlight(link.getAttribute('href') ?? link.href, term);
  });

  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      input()?.focus();
    }
  });
}
