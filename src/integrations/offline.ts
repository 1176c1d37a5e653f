import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildId, offlinePlan, serviceWorkerSource } from '../lib/offline';

/** Writes /sw.js with the files of this build (the shell first, the rest on request), after the search index exists. */
export function offline(): AstroIntegration {
  return {
    name: 'vag:offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
        const plan = offlinePlan(files, buildId());
        writeFileSync(join(outDir, 'sw.js'), serviceWorkerSource(buildId(), plan));
        logger.info(`service worker precaches ${plan.shell.length} files; ${plan.rest.length} more on "Save for offline"`);
      },
    },
  };
}
