/**
 * The site's Content-Security-Policy, declared once. Astro writes it into a
 * `<meta http-equiv="content-security-policy">` on every page, with a hash of
 * each script and style it inlined (`security.csp` in astro.config.mjs); the
 * `_headers` integration (src/integrations/csp-headers.ts) reads those meta
 * tags back and sends the same policy as an HTTP header, where
 * `frame-ancestors` works too. Neither scripts nor styles get 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
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

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what each of `policies` allows: every directive with
 * the union of its sources (so every page's hashes). Sent as a header beside a
 * page's own meta policy, the browser enforces both, so the page still gets
 * exactly what its meta tag allows (plus the header-only directives).
 */
export function unionPolicy(policies: readonly string[]): string {
  const union: Policy = new Map();
  for (const text of policies) {
    for (const [name, sources] of parsePolicy(text)) {
      const known = union.get(name) ?? [];
      union.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  return serializePolicy(union);
}

/**
 * The page with its Content-Security-Policy meta tag moved to the top of
 * `<head>`, right after the charset: a meta policy governs only what comes
 * after it, so nothing in the head may precede it. Unchanged without a policy.
 */
export function policyFirstInHead(html: string): string {
  const tag = [...html.matchAll(/<meta\b[^>]*>/gi)].find(([candidate]) => /http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(candidate));
  const head = /<head\b[^>]*>/i.exec(html);
  if (!tag || !head || tag.index < head.index) return html;
  const without = html.slice(0, tag.index) + html.slice(tag.index + tag[0].length);
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(without.slice(head.index));
  const at = charset && charset.index < 200 ? head.index + charset.index + charset[0].length : head.index + head[0].length;
  return without.slice(0, at) + tag[0] + without.slice(at);
}

/** The policy a page's `<meta http-equiv="content-security-policy">` carries, if any. */
export function metaPolicy(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value !== undefined) return value.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  }
  return undefined;
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
