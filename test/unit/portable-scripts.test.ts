import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

// The portable edition drops the pages' module scripts (browsers refuse them from file://) and runs its own classic
// script, src/scripts/portable/main.ts, instead. So that a new behaviour of the site is not silently missing from the
// copy, every function a page or layout script imports from src/scripts/ must be started there too, or be listed here
// with the reason it has no place in a copy opened from disk.
const ONLINE_ONLY: Record<string, string> = {
  startSearchDialog: "Pagefind's dialog: the copy has its own search page, and the header link opens it",
  startSearchPage: "Pagefind's search page: src/scripts/portable/search.ts replaces it",
};

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `startDecide` ← `scripts/decide` for each import in a `<script>` block (a processed, bundled one) of a component. */
function scriptImports(file: string): { name: string; module: string; file: string }[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].flatMap(([, code]) =>
    [...code!.matchAll(/import\s*\{([^}]+)\}\s*from\s*['"][./]*scripts\/([^'"]+)['"]/g)].flatMap(([, names, module]) =>
      names!.split(',').map((name) => ({ name: name.trim(), module: module!, file: relative(ROOT, file) })),
    ),
  );
}

describe('the portable edition\'s script', () => {
  const main = readFileSync(join(ROOT, 'src/scripts/portable/main.ts'), 'utf8');
  const imports = astroFiles(join(ROOT, 'src')).flatMap(scriptImports);

  it('finds the page scripts to compare with', () => {
    expect(imports.map((entry) => entry.name)).toEqual(expect.arrayContaining(['startDecide', 'startSearchDialog']));
  });

  it('starts everything the site\'s pages start, except what only works online', () => {
    const missing = imports
      .filter((entry) => !(entry.name in ONLINE_ONLY))
      .filter((entry) => !new RegExp(`import\\s*\\{[^}]*\\b${entry.name}\\b[^}]*\\}\\s*from\\s*['"]\\.\\./${entry.module}['"]`).test(main) || !new RegExp(`\\b${entry.name}\\(`).test(main))
      .map((entry) => `${entry.file} starts ${entry.name} (scripts/${entry.module}); src/scripts/portable/main.ts does not, and it is not listed as online-only`);
    expect(missing).toEqual([]);
  });
});
