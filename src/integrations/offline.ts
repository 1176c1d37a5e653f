import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { notSavedPage, offlinePlan, serviceWorker } from '../lib/offline';
import { listFiles } from '../lib/files';

export interface OfflineOptions {
  /** Id of this build: names the offline cache and is Pagefind's meta cache tag on every page. */
  buildId: string;
}

/**
 * Writes /sw.js (src/scripts/sw.ts, bundled) after the search index exists, with the files of this build, what
 * each page loads, and the two pages the worker answers with offline (the 404 page, and the notice for a page not
 * saved, made from it). Hands the
 * build id to the pages as the constant `__VAG_BUILD_ID__`. Not as `import.meta.env.BUILD_ID`: Astro hands the
 * pages every variable of the environment there, so a BUILD_ID in the environment would replace it and the pages'
 * search cache tag would no longer match the offline cache.
 */
export function offline({ buildId }: OfflineOptions): AstroIntegration {
  // Astro's base: the service worker's scope and the start of every URL it caches.
  let base = '/';
  return {
    name: 'vag:offline',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __VAG_BUILD_ID__: JSON.stringify(buildId) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listFiles(outDir);
        const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
        const plan = offlinePlan(files, buildId, base, read);
        const notFound = read('404.html');
        writeFileSync(join(outDir, 'sw.js'), await serviceWorker(buildId, plan, { notFound, notSaved: notSavedPage(notFound) }, base));
        logger.info(`service worker: a visit keeps the pages read; "Save for offline use" keeps all ${plan.files.length} files`);
      },
    },
  };
}
