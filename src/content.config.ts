import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { factorSchema } from './lib/schema/factor';
import { guideSchema } from './lib/schema/guide';
import { scenarioSchema } from './lib/schema/scenario';
import { SCENARIOS_DIR } from './lib/tree/scenarios';
import { TREE_FILE } from './lib/tree/load';
import { treeNodeSchema } from './lib/tree/schema';
import { contentDir } from './lib/site';

const factors = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir()}/factors` }),
  schema: factorSchema,
});

const guides = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir()}/guides` }),
  schema: guideSchema,
});

/** The decision tree: one entry per question or outcome (content/decision-tree.yaml). */
const tree = defineCollection({
  loader: file(`${contentDir()}/${TREE_FILE}`),
  schema: treeNodeSchema,
});

/** Worked scenarios: an organisation, its answers in the tree and the outcome they must reach. */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir()}/${SCENARIOS_DIR}` }),
  schema: scenarioSchema,
});

export const collections = { factors, guides, tree, scenarios };
