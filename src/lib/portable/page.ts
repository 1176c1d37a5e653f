/**
 * One built page made portable: read as HTML (parse5, through hast), so the
 * transform follows the markup whatever the components write. Links become
 * relative and name their files; links to the internet are marked; the
 * site's module scripts (which browsers refuse to load from file://), the
 * service worker and Pagefind give way to the portable classic scripts; the
 * Content-Security-Policy is rewritten with the hashes of what stays inline.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { PORTABLE_ASSETS } from './assets';
import { portablePolicy } from './csp';
import { isExternal, portableLink, rewriteCssUrls, rootPrefix, type PortableLink } from './urls';

/** The attributes (hast property names) that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'action', 'poster', 'data', 'formAction', 'cite', 'xLinkHref'] as const;

/** Script types that are data, not code: they stay as they are and need no hash. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

/** Which build a copy is, shown on its first page and in every footer. */
export interface Edition {
  /** `2026-11-29`. */
  date: string;
  /** Short commit id, or `unknown` outside a git checkout. */
  commit: string;
  /** The live site, which may be newer. */
  liveUrl: string;
  /** The path the online build is served under, which its links start with: '/' (the default) or '/volume-activation-guide/'. */
  base?: string;
}

export interface PortablePage {
  html: string;
  /** Links to the site whose file is not in the copy: `{ href, file }`. */
  missing: { href: string; file: string }[];
}

export interface PageOptions {
  /** The page's file, relative to the copy's root: `factors/kms/branch-offices/index.html`. */
  file: string;
  /** Whether a file (relative to the root) is in the copy. */
  exists: (file: string) => boolean;
  edition: Edition;
}

const className = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

function isExecutableScript(node: Element): boolean {
  const type = typeof node.properties.type === 'string' ? node.properties.type.trim() : '';
  return !DATA_SCRIPT.test(type);
}

/**
 * Whether an element is there only for the online site: Pagefind's elements, the sitemap, the search dialog, and
 * anything that would load from the internet (an analytics script, a preconnect, a web font).
 */
function onlineOnly(node: Element): boolean {
  if (node.tagName.startsWith('pagefind-')) return true;
  if (node.tagName === 'template' && node.properties.id === 'search-dialog') return true;
  const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
  if (node.tagName === 'script' && typeof node.properties.src === 'string' && isExternal(node.properties.src)) return true;
  // A canonical or alternate link only names the online page; every other link with an internet address loads it.
  if (node.tagName === 'link' && typeof node.properties.href === 'string' && isExternal(node.properties.href) && !rel.some((kind) => kind === 'canonical' || kind === 'alternate')) return true;
  // A module preload is a CORS fetch, which file:// refuses; the module scripts it preloads are gone anyway.
  return node.tagName === 'link' && ['sitemap', 'manifest', 'serviceworker', 'modulepreload'].some((kind) => rel.includes(kind));
}

function isCspMeta(node: Element): boolean {
  const equiv = node.properties.httpEquiv;
  const value = Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '');
  return node.tagName === 'meta' && value.toLowerCase() === 'content-security-policy';
}

function editionNote(edition: Edition, home: boolean): Element {
  const live = h('a', { href: edition.liveUrl, dataNeedsInternet: '' }, edition.liveUrl);
  return home
    ? h('aside', { className: ['portable-edition'], ariaLabel: 'About this copy' }, [
        h('p', [
          h('strong', 'Portable edition'),
          ` built on ${edition.date} from commit `,
          h('code', edition.commit),
          '. It works from this folder with no network; links marked “online” need the internet.',
        ]),
        h('p', ['The live site, which may be newer: ', live, '.']),
      ])
    : h('p', { className: ['portable-edition'] }, [`Portable edition of ${edition.date} (${edition.commit}). Live site: `, live]);
}

/** The portable form of one built page. */
export function portablePage(source: string, { file, exists, edition }: PageOptions): PortablePage {
  const tree: Root = fromHtml(source);
  const missing: PortablePage['missing'] = [];
  const root = rootPrefix(file);
  const rewrite = (url: string): string => {
    const link: PortableLink = portableLink(url, file, exists, edition.base);
    if (link.kind === 'missing') missing.push({ href: link.href, file: link.file });
    return link.href;
  };

  let head: Element | undefined;
  let body: Element | undefined;
  let main: Element | undefined;
  let footer: Element | undefined;
  let hasSearch = false;
  const inlineScripts: string[] = [];
  const inlineStyles: string[] = [];

  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'head') head = node;
    if (node.tagName === 'body') body = node;
    if (node.tagName === 'main' && !main) main = node;
    if (node.tagName === 'footer' && className(node).includes('site-footer')) footer = node;
    if (node.properties.dataSearch !== undefined) hasSearch = true;

    const drop = isCspMeta(node) || onlineOnly(node) || (node.tagName === 'script' && node.properties.type === 'module');
    if (drop && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'template' && 'content' in node && node.content) {
      visit(node.content as Root, 'element', (inner) => rewriteElement(inner));
    }
    rewriteElement(node);
    if (node.tagName === 'script' && isExecutableScript(node) && node.properties.src === undefined) inlineScripts.push(toText(node));
    if (node.tagName === 'style') {
      const css = rewriteCssUrls(toText(node), rewrite);
      node.children = [{ type: 'text', value: css }];
      inlineStyles.push(css);
    }
    return undefined;
  });

  function rewriteElement(node: Element) {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = rewrite(value);
    }
    for (const name of ['srcSet', 'imageSrcSet'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') {
        node.properties[name] = value
          .split(',')
          .map((candidate) => candidate.trim().replace(/^\S+/, (url) => rewrite(url)))
          .join(', ');
      }
    }
    // A redirect page (`<meta http-equiv="refresh" content="0;url=/new/">`) names its target in the content.
    if (node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'refresh' && typeof node.properties.content === 'string') {
      node.properties.content = node.properties.content.replace(/(url\s*=\s*['"]?)([^'"\s;]+)/i, (_, prefix: string, url: string) => `${prefix}${rewrite(url)}`);
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && isExternal(node.properties.href)) {
      node.properties.dataNeedsInternet = '';
      node.properties.title ??= 'Needs the internet';
    }
  }

  if (!head || !body) return { html: source, missing };
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  if (html) {
    html.properties.dataPortableRoot = root || './';
    html.properties.dataLiveSite = edition.liveUrl;
  }

  const home = file === 'index.html';
  if (home && main) main.children.unshift(editionNote(edition, true));
  else if (footer) (footer.children.find((child): child is Element => child.type === 'element') ?? footer).children.push(editionNote(edition, false));

  head.children.unshift(h('meta', { httpEquiv: 'content-security-policy', content: portablePolicy(inlineScripts, inlineStyles) }));
  const charset = head.children.findIndex((child) => child.type === 'element' && child.tagName === 'meta' && child.properties.charSet !== undefined);
  // The charset must stay first in <head>.
  if (charset > 0) head.children.unshift(...head.children.splice(charset, 1));
  head.children.push(h('link', { rel: 'stylesheet', href: `${root}${PORTABLE_ASSETS.style}` }));
  const scripts: ElementContent[] = [];
  if (hasSearch) scripts.push(h('script', { src: `${root}${PORTABLE_ASSETS.searchIndex}` }));
  scripts.push(h('script', { src: `${root}${PORTABLE_ASSETS.script}` }));
  body.children.push(...scripts);
  return { html: toHtml(tree), missing };
}

function toText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}
