import type { Method, Tag } from './taxonomy';

/**
 * The path the site is served under, without its final slash: '' at the root of a domain, '/volume-activation-guide'
 * for a GitHub Pages project site. Astro's `base` (BASE_PATH in astro.config.mjs) reaches pages and browser scripts
 * as import.meta.env.BASE_URL; the content checks and the command-line tools, which Vite does not build, see none.
 */
// Written out in full so that Vite replaces it with the build's base, not with a variable of the environment.
const BASE = (typeof import.meta.env === 'undefined' ? '/' : import.meta.env.BASE_URL).replace(/\/+$/, '');

/** Whether a URL is a path of this site from its root (`/factors/…`): not `https://…`, `#id`, `x/` or `//host/…`. */
export function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** `path` with `base` (Astro's base, with or without its final slash) in front, if it is root-relative. */
export function prefixBase(base: string, path: string): string {
  return isRootRelative(path) ? `${base.replace(/\/+$/, '')}${path}` : path;
}

/**
 * A root-relative site path as the browser must ask for it: `/factors/kms/x/` → `/volume-activation-guide/factors/kms/x/`
 * under a base, unchanged at the root. Anything not root-relative (`https://…`, `#id`, `//host/…`) is returned as it is.
 */
export function withBase(path: string): string {
  return prefixBase(BASE, path);
}

/** URL of a factor page; `id` is the collection id, `<method>/<slug>`. */
export function factorUrl(id: string): string {
  return withBase(`/factors/${id}/`);
}

/** URL of a guide's page; `id` is its file name without .mdx. */
export function guideUrl(id: string): string {
  return withBase(`/guides/${id}/`);
}

export function methodUrl(method: Method): string {
  return withBase(`/${method}/`);
}

export function tagUrl(tag: Tag): string {
  return withBase(`/tags/${tag}/`);
}

/** Split a factor id into its method folder and slug. */
export function splitFactorId(id: string): { method: string; slug: string } {
  const [method = '', ...rest] = id.split('/');
  return { method, slug: rest.join('/') };
}

/**
 * The site's own pages, which exist whatever the content, as paths inside the site (without the base); the pages
 * listing a collection are its definition's (collections.ts). Checked against the build in test/build/site.test.ts.
 */
export const STATIC_PAGES = ['/', '/about/', '/compare/', '/decide/', '/decide/map/', '/search/', '/tags/', '/decision-tree.json'] as const;

/** URL of a worked scenario's page; `slug` is its file name without .yaml. */
export function scenarioUrl(slug: string): string {
  return withBase(`/scenarios/${slug}/`);
}

/** URL of a decision-tree recommendation's own page. */
export function outcomeUrl(id: string): string {
  return withBase(`/decide/outcomes/${id}/`);
}

/**
 * Whether the sitemap lists a page: not the pages that only send the reader on (`/factors/<method>/` redirects to the
 * method's page) or repeat another (`/decide/map/folded/` is the map with its branches folded). `url` is the full URL
 * the sitemap integration gives, `base` Astro's base.
 */
export function inSitemap(url: string, base: string): boolean {
  const path = `/${new URL(url).pathname.slice(base.replace(/\/+$/, '').length).replace(/^\/+/, '')}`;
  return !/^\/factors\/[^/]+\/$/.test(path) && path !== '/decide/map/folded/';
}
