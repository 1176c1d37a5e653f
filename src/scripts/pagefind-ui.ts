/**
 * Loads Pagefind's Component UI (its stylesheet and script, about 40 KB
 * gzipped) once, on demand: when the search page opens or a reader opens the
 * search dialog. The files are Pagefind's own output, not part of the site's
 * bundle, so they are added as elements rather than imported.
 */
export interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: 'search', handler: (term: string, filters?: Record<string, string[]>) => void): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

let loading: Promise<void> | undefined;

export function loadComponentUi(bundle = '/pagefind/'): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${bundle}pagefind-component-ui.css`;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${bundle}pagefind-component-ui.js`;
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
