import { describe, expect, it } from 'vitest';
import {
  cspConfig,
  formatHeadersFile,
  headerPolicy,
  type HeaderRule,
  metaPolicy,
  parsePolicy,
  unionPolicy,
} from '../../src/lib/csp';
import { matchesHeaderPath, parseHeadersFile } from '../helpers/headers-file';

describe('the declared policy', () => {
  it('allows nothing inline for scripts or styles, and keeps the fixed directives', () => {
    const sources = [...cspConfig.scriptDirective.resources, ...cspConfig.styleDirective.resources];
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(cspConfig.directives).toEqual(
      expect.arrayContaining(["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "worker-src 'self'", "img-src 'self' data:"]),
    );
    expect(cspConfig.scriptDirective.resources).toContain("'wasm-unsafe-eval'");
    // A meta tag cannot carry frame-ancestors: the browser would ignore it and log an error.
    expect(cspConfig.directives.join(';')).not.toMatch(/frame-ancestors/);
  });
});

describe('metaPolicy', () => {
  it('reads the policy from Astro\'s meta tag, in either quote style, with entities decoded', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-a+b/c='"></head>`;
    expect(metaPolicy(html)?.policy).toBe("default-src 'self'; script-src 'self' 'sha256-a+b/c='");
    expect(metaPolicy(`<meta content='img-src &apos;self&apos;' http-equiv=Content-Security-Policy>`)?.policy).toBe("img-src 'self'");
    expect(metaPolicy(`<head><meta http-equiv="content-security-policy" content="img-src &#x27;self&#x27; data:"></head>`)?.policy).toBe("img-src 'self' data:");
    expect(metaPolicy('<meta name="description" content="x">')).toBeUndefined();
  });

  it('reads only the head: a policy tag in the body is none, and text that looks like one is not read', () => {
    expect(metaPolicy(`<html><head><title>x</title></head><body><meta http-equiv="content-security-policy" content="img-src *"></body></html>`)).toBeUndefined();
    const quoted = `<html><head><script>const tag = '<meta http-equiv="content-security-policy" content="img-src *">';</script></head></html>`;
    expect(metaPolicy(quoted)).toBeUndefined();
  });
});

describe('unionPolicy and headerPolicy', () => {
  it('merges the sources of each directive, each once, in the order first seen', () => {
    expect(unionPolicy(["default-src 'self'; script-src 'self' 'sha256-A'", "script-src 'self' 'sha256-B'; style-src 'self'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'",
    );
  });

  it('adds frame-ancestors to the header, and keeps what every page allows', () => {
    const pages = ["default-src 'self';script-src 'self' 'sha256-A'; style-src 'self' 'sha256-S';", "default-src 'self'; script-src 'self' 'sha256-B'"];
    const policy = parsePolicy(headerPolicy(pages));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const page of pages) for (const [name, sources] of parsePolicy(page)) expect(policy.get(name)).toEqual(expect.arrayContaining(sources));
  });

  it('keeps the first of a repeated directive, as a browser does', () => {
    expect(parsePolicy("img-src 'self'; img-src *").get('img-src')).toEqual(["'self'"]);
  });
});

describe('the _headers file', () => {
  it('reads back what it writes', () => {
    const rules: HeaderRule[] = [
      { path: '/*', headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" } },
      { path: '/search/', headers: { 'X-Example': 'a: b' } },
    ];
    const text = formatHeadersFile(rules, 'Generated; do not edit.');
    expect(text.startsWith('# Generated; do not edit.\n/*\n  Content-Security-Policy: ')).toBe(true);
    expect(parseHeadersFile(text)).toEqual(rules);
  });

  it('matches paths the way Netlify and Cloudflare Pages do', () => {
    expect(matchesHeaderPath('/*', '/')).toBe(true);
    expect(matchesHeaderPath('/*', '/factors/kms/a/')).toBe(true);
    expect(matchesHeaderPath('/search/', '/search/')).toBe(true);
    expect(matchesHeaderPath('/search/', '/search/x')).toBe(false);
    expect(matchesHeaderPath('/factors/:method/*', '/factors/kms/a/')).toBe(true);
    expect(matchesHeaderPath('/factors/:method/*', '/guides/a/')).toBe(false);
  });
});

describe('the policy meta tag in the page head', () => {
  const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'">`;
  it('comes first after the charset, before any link, style or script', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"><title>x</title>${policy}<script src="/s.js"></script></head><body></body></html>`;
    expect(metaPolicy(html)?.html).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${policy}<link rel="stylesheet" href="/a.css"><title>x</title><script src="/s.js"></script></head><body></body></html>`,
    );
  });

  it('comes first in a head without a charset, and is moved as written, the body untouched', () => {
    const html = `<html><head>\n  <title>x</title>\n  <script>1</script>${policy}\n</head><body><p>a &amp; b</p></body></html>`;
    expect(metaPolicy(html)?.html).toBe(`<html><head>${policy}\n  <title>x</title>\n  <script>1</script>\n</head><body><p>a &amp; b</p></body></html>`);
  });

  it('leaves a page whose policy is first already as it is', () => {
    const html = `<html><head><meta charset="utf-8">\n${policy}<title>x</title></head></html>`;
    expect(metaPolicy(html)?.html).toBe(html);
  });
});
