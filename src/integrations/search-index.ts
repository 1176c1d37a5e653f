import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files';
import { PAGEFIND_BUNDLE } from '../lib/search-client';
import { INDEX_EXCLUDE, RECOMMENDATION_WEIGHT } from '../lib/search';

/** Where the build writes the recommendation pages (`outcomeUrl` in src/lib/routes.ts, without the base). */
const RECOMMENDATIONS = 'decide/outcomes';

/** A folder or file name as a literal part of a Pagefind glob (wax syntax). */
const literal = (name: string) => name.replace(/[\\[\]{}()<>*?!,:]/g, '\\$&');

/**
 * A glob of every HTML file of `files` (paths relative to the output folder, as listFiles gives them) except those
 * in the folder `apart`: `{*.html,adba/**\/*.html,…,decide/*.html,decide/map/**\/*.html}`. Built from the folders
 * that hold pages, so a new section of the site is indexed without a change here.
 */
export function globExcept(files: readonly string[], apart: string): string {
  const apartParts = apart.split('/');
  const patterns = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const parts = file.split('/');
    // How many of the file's folders lead down to `apart`: all of them, and it is in `apart`.
    let depth = 0;
    while (depth < parts.length - 1 && depth < apartParts.length && parts[depth] === apartParts[depth]) depth++;
    if (depth === apartParts.length) continue;
    // The pages beside that way, or the whole first folder off it.
    const prefix = parts.slice(0, depth).map((part) => `${literal(part)}/`).join('');
    patterns.add(depth === parts.length - 1 ? `${prefix}*.html` : `${prefix}${literal(parts[depth]!)}/**/*.html`);
  }
  return `{${[...patterns].sort().join(',')}}`;
}

/**
 * A recommendation page as the index reads it: its rationale (the page's `summary`) weighs
 * RECOMMENDATION_WEIGHT, so a guide or a pro or con that explains a command or a count comes first for its
 * words, and the recommendation that mentions it in passing after them.
 */
export function weighRecommendation(html: string): string {
  return html.replace(/\sdata-pagefind-meta="summary"/, (attribute) => `${attribute} data-pagefind-weight="${RECOMMENDATION_WEIGHT}"`);
}

/**
 * Builds the Pagefind index into <outDir>/pagefind/ as part of `astro build`.
 * Any error Pagefind reports fails the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'vag:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          // The Pagefind process inherits the environment; build.env tunes its allocator.
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: [...INDEX_EXCLUDE] });
          if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const files = listFiles(outDir);
          const added = await index.addDirectory({ path: outDir, glob: globExcept(files, RECOMMENDATIONS) });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          let pages = added.page_count;
          // A site without a decision tree (a test fixture) has none.
          const recommendations = files.filter((file) => file.startsWith(`${RECOMMENDATIONS}/`) && file.endsWith('.html'));
          for (const file of recommendations) {
            const sourcePath = join(outDir, file);
            const url = `/${file.replace(/index\.html$/, '')}`;
            const result = await index.addHTMLFile({ url, content: weighRecommendation(readFileSync(sourcePath, 'utf8')) });
            if (result.errors.length) throw new Error(`Pagefind could not index ${sourcePath}: ${result.errors.join('; ')}`);
            pages += 1;
          }
          if (pages === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: join(outDir, PAGEFIND_BUNDLE) });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${pages} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
