import type { z } from 'zod';
import { factorSchema } from './schema/factor';
import { guideSchema } from './schema/guide';
import { scenarioSchema } from './schema/scenario';
import { factorUrl, guideUrl, scenarioUrl } from './routes';

/**
 * The one definition of each article collection: where its files live, how
 * deep, which schema their frontmatter must satisfy and where their pages are.
 * `src/content.config.ts`, the content checks, the build integration and the
 * budgets all read it; adding a collection is adding an entry here.
 */
export interface ArticleCollection {
  name: string;
  /** Folder under the content folder. */
  folder: string;
  /** Path segments of an entry's id: 2 for `<method>/<slug>`, 1 for `<slug>`. */
  depth: number;
  /** What one entry is called in messages. */
  kind: string;
  schema: z.ZodType;
  /** URL of an entry's page, from its id. */
  url(id: string): string;
  /**
   * Ids the pages of the collection may have besides its article's headings (set by the page's template and the
   * layout), so no heading may take one. Which of them a link may name is checks/page-ids.ts's business.
   */
  pageIds: readonly string[];
}

/**
 * Ids the shared layout (src/layouts/Base.astro) gives every page: the skip link's target, the menu and the
 * search dialog. Every collection's `pageIds` holds them, so no heading can take one.
 */
export const LAYOUT_IDS = ['main', 'site-menu', 'search-dialog'] as const;

export const FACTORS = {
  name: 'factors',
  folder: 'factors',
  depth: 2,
  kind: 'factor',
  schema: factorSchema,
  url: factorUrl,
  pageIds: ['correction', 'applies-to', 'sources', 'where-it-decides', 'related', 'on-this-page', ...LAYOUT_IDS],
} satisfies ArticleCollection;

export const GUIDES = {
  name: 'guides',
  folder: 'guides',
  depth: 1,
  kind: 'guide',
  schema: guideSchema,
  url: guideUrl,
  pageIds: ['on-this-page', 'sources', ...LAYOUT_IDS],
} satisfies ArticleCollection;

export const ARTICLE_COLLECTIONS: readonly ArticleCollection[] = [FACTORS, GUIDES];

/** A collection of data files: one YAML file per entry, directly in its folder. */
export interface DataCollection {
  name: string;
  folder: string;
  schema: z.ZodType;
  url(id: string): string;
}

/** Worked scenarios: an organisation, its answers in the tree and the outcome they must reach. */
export const SCENARIOS = {
  name: 'scenarios',
  folder: 'scenarios',
  schema: scenarioSchema,
  url: scenarioUrl,
} satisfies DataCollection;

/** A scenario's file name: an entry name and `.yaml`. */
export const SCENARIO_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/;

/** The decision tree's file, relative to the content folder. */
export const TREE_FILE = 'decision-tree.yaml';

/** A file or folder name an article may have: the site routes exactly these. */
export const ENTRY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The glob pattern of a collection's files below its folder, for Astro's loader. */
export function globPattern(collection: ArticleCollection): string {
  return `${'*/'.repeat(collection.depth - 1)}*.mdx`;
}

/** The collection a content-relative path (`factors/kms/x.mdx`) belongs to. */
export function collectionOf(entry: string): ArticleCollection | undefined {
  const folder = entry.split('/')[0];
  return ARTICLE_COLLECTIONS.find((collection) => collection.folder === folder);
}

/** Whether a content-relative path is an article of a collection, named and placed as the site routes it. */
export function isArticlePath(entry: string): boolean {
  const collection = collectionOf(entry);
  const parts = entry.split('/').slice(1);
  return !!collection && parts.length === collection.depth && parts.every((part, index) => ENTRY_NAME.test(index === parts.length - 1 ? part.replace(/\.mdx$/, '') : part)) && entry.endsWith('.mdx');
}
