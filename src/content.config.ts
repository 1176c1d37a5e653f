import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, TREE_FILE, globPattern, type Collection } from './lib/collections';
import { treeEntrySchema, treeLoader } from './lib/tree/loader';
import { contentDir } from './lib/site';

/** A collection as lib/collections.ts defines it: the same folder, pattern and schema the content checks use. */
function fromDefinition<C extends Collection>(collection: C) {
  return defineCollection({ loader: glob({ pattern: globPattern(collection), base: `${contentDir()}/${collection.folder}` }), schema: collection.schema as C['schema'] });
}

/** Astro's collection of each definition, under its name, typed by its schema (`getCollection('factors')`). */
type Defined = { [C in (typeof COLLECTIONS)[number] as C['name']]: ReturnType<typeof fromDefinition<C>> };

/** The decision tree: one entry per question or outcome (content/decision-tree.yaml), with its order and line in the file. */
const tree = defineCollection({ loader: treeLoader(`${contentDir()}/${TREE_FILE}`), schema: treeEntrySchema });

export const collections = { ...(Object.fromEntries(COLLECTIONS.map((collection) => [collection.name, fromDefinition(collection)])) as Defined), tree };
