import { getCollection } from 'astro:content';
import { indexTree, linkTree, type FactorRef, type LinkedTree } from '../lib/tree/link';
import type { TreeIndex } from '../lib/tree/evaluate';
import type { TreeNode } from '../lib/tree/schema';
import { TREE_FILE } from '../lib/collections';
import { contentDir } from '../lib/site';

/** The tree and its links, computed once per build and shared by every page that shows it. */
export interface SiteTree {
  linked: LinkedTree;
  index: TreeIndex;
  nodes: Map<string, LinkedTree['nodes'][number]>;
}

let cached: Promise<SiteTree> | undefined;

async function load(): Promise<SiteTree> {
  // The tree loader keeps the file's order: the first node is the start, as the checks read it.
  const nodes = (await getCollection('tree')).sort((a, b) => a.data.order - b.data.order).map((entry) => entry.data.node as TreeNode);
  const factors: FactorRef[] = (await getCollection('factors')).map((entry) => ({ id: entry.id, file: entry.filePath ?? entry.id, ...entry.data }));
  const { tree, problems } = linkTree(nodes, factors, `${contentDir()}/${TREE_FILE}`);
  // The content check already failed the build on any of these; this guards against drift between the two.
  if (problems.length) throw new Error(`The decision tree does not link: ${problems.map((problem) => problem.message).join('; ')}`);
  return { linked: tree, index: indexTree(nodes), nodes: new Map(tree.nodes.map((node) => [node.id, node])) };
}

export function getSiteTree(): Promise<SiteTree> {
  cached ??= load();
  return cached;
}
