import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, posix } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_BUNDLE } from '../lib/search-client';
import { INDEX_EXCLUDE, RECOMMENDATION_WEIGHT } from '../lib/search';

/** Where the build writes the recommendation pages (`outcomeUrl` in src/lib/routes.ts, without the base). */
const RECOMMENDATIONS = 'decide/outcomes';

/** A folder or file name as a literal part of a Pagefind glob (wax syntax). */
const literal = (name: string) => name.replace(/[\\[\]{}()<>*?!,:]/g, '\\$&');

/**
 * A glob of every HTML file under `root` except those in the folder `apart` (a path relative to `root`):
 * `{*.html,adba/**\/*.html,…,decide/*.html,decide/map/**\/*.html}`. Built from the folders that exist,
 * so a new section of the site is indexed without a change here.
 */
export function globExcept(root: string, apart: string): string {
  const patterns: string[] = [];
  const walk = (folder: string, rest: string[]) => {
    const prefix = folder ? `${folder}/` : '';
    patterns.push(`${prefix}*.html`);
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = `${prefix}${literal(entry.name)}`;
      if (entry.name !== rest[0]) patterns.push(`${path}/**/*.html`);
      else if (rest.length > 1) walk(posix.join(folder, entry.name), rest.slice(1));
    }
  };
  walk('', apart.split('/'));
  return `{${patterns.join(',')}}`;
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
          const added = await index.addDirectory({ path: outDir, glob: globExcept(outDir, RECOMMENDATIONS) });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          let pages = added.page_count;
          let recommendations: string[] = [];
          try {
            recommendations = readdirSync(join(outDir, RECOMMENDATIONS), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
          } catch {
            // A site without a decision tree (a test fixture) has no recommendation pages.
          }
          for (const file of recommendations) {
            const sourcePath = join(outDir, RECOMMENDATIONS, file);
            const url = `/${posix.join(RECOMMENDATIONS, file.split('\\').join('/')).replace(/index\.html$/, '')}`;
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
