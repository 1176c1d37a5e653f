import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_BUNDLE } from '../lib/search-client';

/**
 * Environment for the Pagefind binary, which allocates with jemalloc: return
 * freed pages to the system after 100 ms instead of jemalloc's default 10 s.
 * At 5,000 pages this lowers Pagefind's peak from about 890 to 710 MiB with
 * the same CPU time, and the index it writes is byte for byte the same. A
 * value already in the environment is left as it is.
 */
export const PAGEFIND_ENV: Readonly<Record<string, string>> = { _RJEM_MALLOC_CONF: 'dirty_decay_ms:100,muzzy_decay_ms:0' };

/**
 * Call `start` with `vars` added to process.env (each one not already set),
 * then put process.env back as it was. A child process that `start` spawns
 * synchronously inherits them; nothing else in this process sees them afterwards.
 */
export function withEnv<T>(vars: Readonly<Record<string, string>>, start: () => T): T {
  const added = Object.keys(vars).filter((name) => process.env[name] === undefined);
  for (const name of added) process.env[name] = vars[name];
  try {
    return start();
  } finally {
    for (const name of added) delete process.env[name];
  }
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
          // The first call starts the Pagefind process (synchronously), with PAGEFIND_ENV.
          const { index, errors } = await withEnv(PAGEFIND_ENV, () => pagefind.createIndex({ forceLanguage: 'en' }));
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
