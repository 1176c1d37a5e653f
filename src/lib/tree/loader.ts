import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatReport } from '../problem';
import { readTreeFile } from './load';

/**
 * The decision tree's Astro loader: the same reader as the content checks
 * (readTreeFile), so the pages and the checks see the same nodes, parsed by
 * the same YAML parser, in file order (the first node is the start).
 */
export function treeLoader(file: string): Loader {
  return {
    name: 'vag:tree',
    load: async (context) => {
      const path = resolve(fileURLToPath(context.config.root), file);
      await loadTree(context, path, file);
      context.watcher?.add(path);
      context.watcher?.on('change', (changed) => {
        if (changed === path) void loadTree(context, path, file);
      });
    },
  };
}

async function loadTree({ store, parseData, generateDigest }: LoaderContext, path: string, file: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const { nodes, problems } = readTreeFile(file, text);
  // The content checks stop the build on these first; this guards a loader used without them.
  if (problems.length) throw new Error(`The decision tree has problems:\n${formatReport(problems)}`);
  store.clear();
  for (const node of nodes) {
    const data = await parseData({ id: node.id, data: node as unknown as Record<string, unknown>, filePath: file });
    store.set({ id: node.id, data, digest: generateDigest(data), filePath: file });
  }
}
