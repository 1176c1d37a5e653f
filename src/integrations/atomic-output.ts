import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Nothing half-built is published: `astro build` writes into a sibling
 * `<outDir>.partial/` folder, and only when every other build step has passed
 * does this (the last integration) swap it into place. A failed build leaves
 * the previous output as it was.
 */
export function atomicOutput(): AstroIntegration {
  let finalDir = '';
  let partialDir = '';
  return {
    name: 'vag:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        partialDir = `${finalDir}.partial`;
        rmSync(partialDir, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${partialDir}/`) });
      },
      'astro:build:done': ({ logger }) => {
        const previous = `${finalDir}.previous`;
        rmSync(previous, { recursive: true, force: true });
        if (existsSync(finalDir)) renameSync(finalDir, previous);
        renameSync(partialDir, finalDir);
        rmSync(previous, { recursive: true, force: true });
        logger.info(`published to ${finalDir}`);
      },
    },
  };
}
