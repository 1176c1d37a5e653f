import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { formatReport } from '../problem';
import { readTreeFile } from './load';
import { treeNodeSchema } from './schema';

/**
 * One entry of the tree collection: a node with its place in the file. Astro's
 * data store keeps entries sorted by id, so the file's order (the first node
 * is the start) travels with each entry.
 */
export const treeEntrySchema = z.strictObject({
  /** 0 for the first node of the file: the start. */
  order: z.number().int(),
  /** Line of the node in the file. */
  line: z.number().int(),
  node: treeNodeSchema,
});

/**
 * The decision tree's Astro loader: the same reader as the content checks
 * (readTreeFile), so the pages and the checks see the same nodes, parsed by
 * the same YAML parser, each with its order and line in the file.
 */
export function treeLoader(file: string): Loader {
  return {
    name: 'vag:tree',
    load: async (context) => {
      const path = resolve(fileURLToPath(context.config.root), file);
      await loadTree(context, path, file);
      context.watcher?.add(path);
      context.watcher?.on('change', (changed) => {
        // In dev, a tree with problems is reported and the previous one kept, instead of stopping the server.
        if (changed === path) loadTree(context, path, file).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

async function loadTree({ store, parseData, generateDigest }: LoaderContext, path: string, file: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const { nodes, lines, problems } = readTreeFile(file, text);
  // The content checks stop the build on these first; this guards a loader used without them.
  if (problems.length) throw new Error(`The decision tree has problems:\n${formatReport(problems)}`);
  store.clear();
  for (const [order, node] of nodes.entries()) {
    const data = await parseData({ id: node.id, data: { order, line: lines.get(node) ?? 1, node }, filePath: file });
    store.set({ id: node.id, data, digest: generateDigest(data), filePath: file });
  }
}
