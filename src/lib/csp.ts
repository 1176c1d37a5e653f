/**
 * The site's Content-Security-Policy, declared once. Astro writes it into a
 * `<meta http-equiv="content-security-policy">` on every page, with a hash of
 * each script and style it inlined (`security.csp` in astro.config.mjs); the
 * `_headers` integration (src/integrations/csp-headers.ts) reads those meta
 * tags back and sends the same policy as an HTTP header, where
 * `frame-ancestors` works too. Neither scripts nor styles get 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { THEME_SCRIPT } from './theme';

/** Directives besides script-src and style-src, which Astro writes with its hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Pagefind's Component UI stylesheet draws its icons (search, chevron) as data: SVGs.
  "img-src 'self' data:",
  // Pagefind searches in a web worker (/pagefind/pagefind-worker.js); /sw.js keeps the site offline.
  "worker-src 'self'",
] as const;

/** Sources of script-src before Astro's hashes: the site's own files, and Pagefind's WebAssembly. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Sources of style-src before Astro's hashes. */
export const STYLE_SOURCES = ["'self'"] as const;

/** Directives a browser ignores (with a console error) in a meta tag: sent only as a header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The CSP source of an inline script Astro does not hash itself (one written with `is:inline`). */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}

/** The `security.csp` option of astro.config.mjs. */
export const cspConfig = {
  algorithm: 'SHA-256' as const,
  directives: [...CSP_DIRECTIVES],
  // The theme script in <head> (src/lib/theme.ts) is inline so that it runs before the first paint.
  scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [scriptHash(THEME_SCRIPT)] },
  styleDirective: { resources: [...STYLE_SOURCES] },
};

/** A policy as directive name → its sources, in the order they were first seen. */
export type Policy = Map<string, string[]>;

/** Parse `default-src 'self'; script-src 'self' 'sha256-…'` into directives. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    // As in the browser, the first occurrence of a directive wins.
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

/** A policy as the text of a header or meta tag: `default-src 'self'; script-src 'self' 'sha256-…'`. */
export function serializePolicy(policy: ReadonlyMap<string, Iterable<string>>): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what each of `policies` allows: every directive with
 * the union of its sources (so every page's hashes). Sent as a header beside a
 * page's own meta policy, the browser enforces both, so the page still gets
 * exactly what its meta tag allows (plus the header-only directives).
 * Linear in the number of policies: a source already in the union is found in a set, not searched for.
 */
export function unionPolicy(policies: Iterable<string>): string {
  const union = new Map<string, Set<string>>();
  for (const text of policies) {
    for (const [name, sources] of parsePolicy(text)) {
      const known = union.get(name);
      if (known) for (const source of sources) known.add(source);
      else union.set(name, new Set(sources));
    }
  }
  return serializePolicy(union);
}

/** A page's Content-Security-Policy, read from its `<meta http-equiv="content-security-policy">`. */
export interface MetaPolicy {
  /** The policy the tag carries, entities decoded. */
  policy: string;
  /**
   * The page with that tag first in its `<head>` (right after a leading `<meta charset>`): a meta policy governs
   * only what comes after it, and Astro writes it at the end of the head, after the inline theme script.
   * The same text when the tag is first already.
   */
  html: string;
}

/** Is this element the CSP meta tag? `http-equiv` is matched without regard to case, as a browser does. */
function isPolicyMeta(node: ElementContent): node is Element {
  if (node.type !== 'element' || node.tagName !== 'meta') return false;
  const equiv = node.properties.httpEquiv;
  return (Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '')).toLowerCase() === 'content-security-policy';
}

/**
 * The policy of a page's CSP meta tag and the page with that tag first in its head; undefined when the head has
 * no such tag (a tag in the body is not a policy: browsers ignore it there). Only the head is parsed, with the
 * HTML parser: the work per page does not grow with its body (megabytes on /compare/ at 5,000 articles).
 */
export function metaPolicy(html: string): MetaPolicy | undefined {
  const headEnd = html.search(/<\/head\s*>/i);
  const tree = fromHtml(headEnd < 0 ? html : html.slice(0, headEnd));
  const root = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const head = root?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head');
  const tag = head?.children.find(isPolicyMeta);
  const content = tag?.properties.content;
  if (!head || !tag || typeof content !== 'string') return undefined;
  const policy = content.trim();
  // Where the tag belongs: after a <meta charset> that opens the head, else before the head's first node.
  const elements = head.children.filter((node) => node.type === 'element');
  const opening = elements[0]?.tagName === 'meta' && elements[0].properties.charSet !== undefined ? elements[0] : undefined;
  const next = opening ? elements[1] : elements[0];
  const at = opening ? opening.position?.end.offset : head.children[0]?.position?.start.offset;
  const from = tag.position?.start.offset;
  const to = tag.position?.end.offset;
  if (next === tag || at === undefined || from === undefined || to === undefined) return { policy, html };
  return { policy, html: html.slice(0, at) + html.slice(from, to) + html.slice(at, from) + html.slice(to) };
}

/** The HTTP header policy: the union of the pages' meta policies and the header-only directives. */
export function headerPolicy(pagePolicies: readonly string[]): string {
  return unionPolicy([...pagePolicies, HEADER_ONLY_DIRECTIVES.join('; ')]);
}

/** A rule of a Netlify / Cloudflare Pages `_headers` file: a path pattern and its headers. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** The text of a `_headers` file. */
export function formatHeadersFile(rules: readonly HeaderRule[], comment?: string): string {
  const lines = comment ? comment.split('\n').map((line) => `# ${line}`) : [];
  for (const rule of rules) {
    lines.push(rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}
