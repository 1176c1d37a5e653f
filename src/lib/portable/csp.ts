/**
 * The portable edition's Content-Security-Policy: the site's own directives
 * (src/lib/csp.ts), minus what only the online site needs (Pagefind's
 * WebAssembly and web worker, the service worker), with a hash for each
 * inline script and style that is left. Never 'unsafe-inline'.
 */
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES, parsePolicy, scriptHash, serializePolicy } from '../csp';

/** `'sha256-…'` of an inline script's or style's text, as a CSP source. */
const cspHash = (code: string) => `'${scriptHash(code)}'`;

/** What the online site allows and a copy opened from disk has no use for. */
const ONLINE_ONLY = new Set(["'wasm-unsafe-eval'"]);
const ONLINE_ONLY_DIRECTIVES = new Set(['worker-src']);

/** The policy of one portable page, given the inline scripts and styles it keeps. */
export function portablePolicy(inlineScripts: readonly string[], inlineStyles: readonly string[]): string {
  const policy = parsePolicy(CSP_DIRECTIVES.join('; '));
  for (const name of ONLINE_ONLY_DIRECTIVES) policy.delete(name);
  // Nothing in the copy fetches: the search index is a script, the tree's data is inline.
  policy.set('connect-src', ["'none'"]);
  const unique = (codes: readonly string[]) => [...new Set(codes.map(cspHash))];
  policy.set('script-src', [...SCRIPT_SOURCES.filter((source) => !ONLINE_ONLY.has(source)), ...unique(inlineScripts)]);
  policy.set('style-src', [...STYLE_SOURCES, ...unique(inlineStyles)]);
  return serializePolicy(policy);
}
