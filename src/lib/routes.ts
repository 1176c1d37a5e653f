import type { Method, Tag } from './taxonomy';

/** URL of a factor page; `id` is the collection id, `<method>/<slug>`. */
export function factorUrl(id: string): string {
  return `/factors/${id}/`;
}

export function guideUrl(id: string): string {
  return `/guides/${id}/`;
}

export function methodUrl(method: Method): string {
  return `/${method}/`;
}

export function tagUrl(tag: Tag): string {
  return `/tags/${tag}/`;
}

/** Split a factor id into its method folder and slug. */
export function splitFactorId(id: string): { method: string; slug: string } {
  const [method = '', ...rest] = id.split('/');
  return { method, slug: rest.join('/') };
}

/** Pages that exist whatever the content; checked against the build in test/build/site.test.ts. */
export const STATIC_PAGES = ['/', '/about/', '/compare/', '/decide/', '/decide/map/', '/guides/', '/scenarios/', '/search/', '/tags/', '/decision-tree.json'] as const;

/** URL of a worked scenario's page; `slug` is its file name without .yaml. */
export function scenarioUrl(slug: string): string {
  return `/scenarios/${slug}/`;
}

/** URL of a decision-tree recommendation's own page. */
export function outcomeUrl(id: string): string {
  return `/decide/outcomes/${id}/`;
}
