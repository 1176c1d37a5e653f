import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { FACTORS, GUIDES, SCENARIOS, TREE_FILE, globPattern, type ArticleCollection } from './lib/collections';
import { treeEntrySchema, treeLoader } from './lib/tree/loader';
import { contentDir } from './lib/site';

/** A collection of articles as lib/collections.ts defines it: the same folder, pattern and schema the content checks use. */
function articles<C extends ArticleCollection>(collection: C) {
  return defineCollection({ loader: glob({ pattern: globPattern(collection), base: `${contentDir()}/${collection.folder}` }), schema: collection.schema as C['schema'] });
}

/** The decision tree: one entry per question or outcome (content/decision-tree.yaml), with its order and line in the file. */
const tree = defineCollection({ loader: treeLoader(`${contentDir()}/${TREE_FILE}`), schema: treeEntrySchema });

/** Worked scenarios: an organisation, its answers in the tree and the outcome they must reach (content/scenarios/*.yaml). */
const scenarios = defineCollection({ loader: glob({ pattern: '*.yaml', base: `${contentDir()}/${SCENARIOS.folder}` }), schema: SCENARIOS.schema });

export const collections = { factors: articles(FACTORS), guides: articles(GUIDES), tree, scenarios };
