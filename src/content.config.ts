import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { factorSchema } from './lib/schema/factor';
import { guideSchema } from './lib/schema/guide';
import { contentDir } from './lib/site';

const factors = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir()}/factors` }),
  schema: factorSchema,
});

const guides = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir()}/guides` }),
  schema: guideSchema,
});

export const collections = { factors, guides };
