import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_BUNDLE } from '../lib/search-client';

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
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: join(outDir, PAGEFIND_BUNDLE) });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
