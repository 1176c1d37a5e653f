/**
 * Site-wide settings. The public address and the repository can be overridden
 * with SITE_URL and REPO_URL when the site is deployed elsewhere.
 */
export const SITE = {
  title: 'Volume Activation Guide',
  tagline: 'KMS, MAK, ADBA or token-based: the pros and cons, sourced, and which fits your network.',
  url: process.env.SITE_URL ?? 'https://volume-activation-guide.github.io',
  repo: process.env.REPO_URL ?? 'https://github.com/volume-activation-guide/volume-activation-guide',
  branch: 'main',
  locale: 'en',
} as const;

/**
 * Astro's `base` from a path such as GitHub Pages' `base_path` (`/volume-activation-guide`): with a slash at each end,
 * or '/' when the site is served from the root of its domain (no path given).
 */
export function basePath(path: string | undefined): string {
  const inner = (path ?? '').trim().replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/** Folder of the articles, relative to the project root (a test fixture can point elsewhere). */
export function contentDir(): string {
  return process.env.VAG_CONTENT_DIR ?? 'content';
}

/** The "Edit this page" address of a file in the repository. */
export function editUrl(filePath: string): string {
  return `${SITE.repo}/edit/${SITE.branch}/${filePath.replace(/^\.\//, '')}`;
}
