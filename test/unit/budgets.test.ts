import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, gzipSize, measureBudgets } from '../../src/lib/budgets';

// measureBudgets on small hand-made builds: each rule reports what breaks it.
let outDir = '';

function site(files: Record<string, string>): string {
  outDir = mkdtempSync(join(tmpdir(), 'vag-budgets-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
  }
  return outDir;
}

afterEach(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Text that gzips to at least `bytes` bytes: random bytes, base64-encoded. */
function incompressible(bytes: number): string {
  return randomBytes(Math.ceil(bytes * 1.1)).toString('base64');
}

const article = (body: string) => `<!doctype html><html><head><title>A</title></head><body><article>${body}</article></body></html>`;

describe('measureBudgets', () => {
  it('counts the JavaScript an article page loads up front, inline and through static imports', () => {
    const shared = `export const text = "${incompressible(BUDGETS.articleScriptGzip)}";`;
    const report = measureBudgets(
      site({
        'factors/kms/a/index.html': article('<script type="module">import { text } from "/_astro/shared.js"; console.log(text);</script>'),
        '_astro/shared.js': shared,
      }),
    );
    const [entry] = report.articleScripts;
    expect(entry?.page).toBe('/factors/kms/a/');
    expect(entry!.bytes).toBeGreaterThan(gzipSize(shared));
    expect(entry!.bytes).toBeGreaterThan(BUDGETS.articleScriptGzip);
    // The one script row of a site without /decide/: the largest article script.
    expect(report.rows.filter((row) => row.kind === 'script').map((row) => row.status)).toEqual(['over']);
  });

  it('does not count a module the page only imports on demand', () => {
    const report = measureBudgets(
      site({
        'guides/a/index.html': article('<script type="module">document.onclick = () => import("/_astro/big.js");</script>'),
        '_astro/big.js': `export const text = "${incompressible(4000)}";`,
      }),
    );
    expect(report.articleScripts[0]!.bytes).toBeLessThan(200);
  });

  it('reports a page that loads Pagefind up front, but not one that only mentions it in a template', () => {
    const report = measureBudgets(
      site({
        'factors/kms/eager/index.html': article('<link rel="stylesheet" href="/pagefind/pagefind-component-ui.css">'),
        'factors/kms/lazy/index.html': article('<template><pagefind-config bundle-path="/pagefind/"></pagefind-config></template>'),
        'about/index.html': article('<script type="module" src="/pagefind/pagefind-component-ui.js"></script>'),
        'pagefind/pagefind-component-ui.css': 'a{}',
        'pagefind/pagefind-component-ui.js': 'export {};',
      }),
    );
    expect(report.searchUpFront).toEqual(['/about/', '/factors/kms/eager/']);
  });

  it('marks an article page whose HTML and CSS exceed the page budget', () => {
    const report = measureBudgets(
      site({
        'factors/kms/heavy/index.html': article(`<link rel="stylesheet" href="/_astro/site.css"><p>${incompressible(BUDGETS.articlePageGzip)}</p>`),
        '_astro/site.css': 'body{margin:0}',
      }),
    );
    expect(report.rows.find((row) => row.page === '/factors/kms/heavy/')?.status).toBe('over');
  });
});
