/**
 * Links in the portable edition: a copy of the site opened from a folder
 * (file://), where `/factors/kms/` means the root of the disk and a folder
 * does not open its index.html. Every link to the site becomes a path relative
 * to the page that names its file; links to the internet stay as they are.
 */
import { posix } from 'node:path';
import { safeDecode } from '../safe-decode';

/** What a URL on a page of the portable copy points to. */
export type PortableLink =
  /** A file of the copy: `href` is relative to the page and names the file; `file` is relative to the copy's root. */
  | { kind: 'file'; href: string; file: string }
  /** The internet: left as it is, marked as needing a connection. */
  | { kind: 'external'; href: string }
  /** Nothing to change: the same page (`#part`, `?q=…`), or a scheme that opens no page (`mailto:`, `data:`). */
  | { kind: 'unchanged'; href: string }
  /** A link to the site whose file is not in the copy. */
  | { kind: 'missing'; href: string; file: string };

const EXTERNAL = /^(https?:)?\/\//i;

/** Whether a URL is on the internet (`https://…`, `//host/…`) rather than in the copy. */
export function isExternal(url: string): boolean {
  return EXTERNAL.test(url.trim());
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function splitUrl(url: string): { path: string; rest: string } {
  const cut = url.search(/[?#]/);
  return cut < 0 ? { path: url, rest: '' } : { path: url.slice(0, cut), rest: url.slice(cut) };
}

function decodePath(path: string): string {
  return safeDecode(path) ?? path;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * The portable form of `url`, written on the page whose file is `page`
 * (relative to the root: `factors/kms/branch-offices/index.html`). `exists`
 * says whether a file (relative to the root) is in the copy. A folder URL
 * names its `index.html`; the query and the fragment are kept. `base` is the
 * path the online build was served under ('/volume-activation-guide/'): a
 * root-relative link starts with it, and its file is read without it.
 */
export function portableLink(url: string, page: string, exists: (file: string) => boolean, base = '/'): PortableLink {
  const href = url.trim();
  if (isExternal(href)) return { kind: 'external', href };
  if (SCHEME.test(href) || href === '' || href.startsWith('#') || href.startsWith('?')) return { kind: 'unchanged', href };
  const { path, rest } = splitUrl(href);
  const pageDir = posix.dirname(page);
  const prefix = base.replace(/\/+$/, '');
  if (path.startsWith('/') && !path.startsWith(`${prefix}/`)) return { kind: 'missing', href, file: path.replace(/^\/+/, '') };
  // Root-relative from the root of the site (under its base), other paths from the page's folder.
  const joined = path.startsWith('/') ? path.slice(prefix.length) : posix.join('/', pageDir, path);
  const target = posix.normalize(decodePath(joined)).replace(/^\/+/, '');
  const candidates = target === '' || target.endsWith('/') ? [`${target}index.html`] : [target, `${target}/index.html`];
  const file = candidates.find(exists);
  if (!file) return { kind: 'missing', href, file: candidates[0]! };
  return { kind: 'file', href: `${encodePath(posix.relative(pageDir, file))}${rest}`, file };
}

/** The relative way from a page up to the copy's root: `''` for `index.html`, `../../` for `factors/kms/index.html`. */
export function rootPrefix(page: string): string {
  const depth = posix.dirname(page) === '.' ? 0 : posix.dirname(page).split('/').length;
  return '../'.repeat(depth);
}

/** Every `url(…)` in a stylesheet with `rewrite` applied to its URL (quotes kept). */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (_, quote: string, url: string) => `url(${quote}${rewrite(url)}${quote})`);
}
