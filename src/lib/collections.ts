import type { z } from 'zod';
import { factorSchema } from './schema/factor';
import { guideSchema } from './schema/guide';
import { scenarioSchema } from './schema/scenario';
import { factorUrl, guideUrl, scenarioUrl } from './routes';
import { LAYOUT_IDS } from './template-ids';

/**
 * The one definition of each collection: where its files live, how deep,
 * which schema they must satisfy and where their pages are.
 * `src/content.config.ts` builds Astro's collections from it; the content
 * checks walk, index and route by it; the navigation, the build integration
 * and the budgets read it. Adding a collection is adding an entry here (and a
 * line to {@link COLLECTIONS}) and the page that shows an entry.
 */
export interface Collection {
  /** Its name in Astro: `getCollection('factors')`. */
  name: string;
  /** Folder under the content folder. */
  folder: string;
  /** Path segments of an entry's id: 2 for `<method>/<slug>`, 1 for `<slug>`. */
  depth: number;
  /** How its files end: `.mdx` for articles, `.yaml` for data files. */
  extension: '.mdx' | '.yaml';
  /** What one entry is called in messages. */
  kind: string;
  schema: z.ZodType;
  /** URL of an entry's page, from its id. */
  url(id: string): string;
  /** The page that lists the entries, as a path inside the site (`/guides/`), if there is one: it has only the layout's ids. */
  listing?: string;
}

/** A collection of MDX articles: a frontmatter the schema checks, and a Markdown body. */
export interface ArticleCollection extends Collection {
  extension: '.mdx';
  /**
   * Ids the pages of the collection may have besides its article's headings (set by the page's template and the
   * layout), so no heading may take one.
   */
  pageIds: readonly string[];
  /** The ids among {@link pageIds} that the page of an article with this frontmatter always has, so a link may name them. */
  linkableIds(data: unknown): readonly string[];
}

/** A collection of data files: one YAML file per entry. */
export interface DataCollection extends Collection {
  extension: '.yaml';
  /** Largest file, in bytes: checked before the file is read. */
  maxBytes: number;
}

/** A definition as written, with its name and schema kept as they are, for Astro's typed collections. */
function defineArticles<const C extends ArticleCollection>(collection: C): C {
  return collection;
}

function defineData<const C extends DataCollection>(collection: C): C {
  return collection;
}

/** Pros and cons, one per file, in the folder of their method. */
export const FACTORS = defineArticles({
  name: 'factors',
  folder: 'factors',
  depth: 2,
  extension: '.mdx',
  kind: 'factor',
  schema: factorSchema,
  url: factorUrl,
  pageIds: ['correction', 'applies-to', 'sources', 'where-it-decides', 'related', 'on-this-page', ...LAYOUT_IDS],
  linkableIds: (data) => ['applies-to', 'sources', ...((data as { correction?: unknown } | undefined)?.correction ? ['correction'] : [])],
});

/** Overviews, how-tos and the glossary. */
export const GUIDES = defineArticles({
  name: 'guides',
  folder: 'guides',
  depth: 1,
  extension: '.mdx',
  kind: 'guide',
  schema: guideSchema,
  url: guideUrl,
  listing: '/guides/',
  pageIds: ['on-this-page', 'sources', ...LAYOUT_IDS],
  linkableIds: () => ['sources'],
});

/** Worked scenarios: an organisation, its answers in the tree and the outcome they must reach. */
export const SCENARIOS = defineData({
  name: 'scenarios',
  folder: 'scenarios',
  depth: 1,
  extension: '.yaml',
  kind: 'scenario',
  schema: scenarioSchema,
  url: scenarioUrl,
  listing: '/scenarios/',
  // A scenario is a few hundred bytes of YAML; anything far larger is a mistake.
  maxBytes: 20_000,
});

/** Every collection, each built into Astro's content layer by src/content.config.ts. */
export const COLLECTIONS = [FACTORS, GUIDES, SCENARIOS] as const;

/** The collections of articles, in {@link COLLECTIONS}' order. */
export const ARTICLE_COLLECTIONS = (COLLECTIONS as readonly Collection[]).filter((collection): collection is ArticleCollection => collection.extension === '.mdx');

/** The collections of data files, in {@link COLLECTIONS}' order. */
export const DATA_COLLECTIONS = (COLLECTIONS as readonly Collection[]).filter((collection): collection is DataCollection => collection.extension === '.yaml');

/** The pages that list a collection's entries, as paths inside the site. */
export const LISTING_PAGES: readonly string[] = (COLLECTIONS as readonly Collection[]).flatMap((collection) => (collection.listing ? [collection.listing] : []));

/** The decision tree's file, relative to the content folder. */
export const TREE_FILE = 'decision-tree.yaml';

/** A file or folder name an entry may have: the site routes exactly these. */
export const ENTRY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The one slug rule: a path as readers tell names apart, with case, Unicode form and separators (`-`, `_`, `.`,
 * spaces) folded together and `.md`/`.mdx` dropped. Two files with the same key would get the same id, or two
 * addresses that readers cannot tell apart: the content check refuses them, `npm run new` will not write one.
 */
export function slugKey(path: string): string {
  return path
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => segment.replace(/[\s_.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .join('/');
}

/** The glob pattern of a collection's files below its folder, for Astro's loader. */
export function globPattern(collection: Collection): string {
  return `${'*/'.repeat(collection.depth - 1)}*${collection.extension}`;
}

/** The article collection a content-relative path (`factors/kms/x.mdx`) belongs to. */
export function collectionOf(entry: string): ArticleCollection | undefined {
  const folder = entry.split('/')[0];
  return ARTICLE_COLLECTIONS.find((collection) => collection.folder === folder);
}

/**
 * The id of an entry (`kms/x` for `factors/kms/x.mdx`) from its content-relative path, when the path is a file of
 * `collection` named and placed as the site routes it; undefined otherwise.
 */
export function entryId(collection: Collection, entry: string): string | undefined {
  if (!entry.startsWith(`${collection.folder}/`) || !entry.endsWith(collection.extension)) return undefined;
  const parts = entry.slice(collection.folder.length + 1, -collection.extension.length).split('/');
  return parts.length === collection.depth && parts.every((part) => ENTRY_NAME.test(part)) ? parts.join('/') : undefined;
}

/** Whether a content-relative path is an article of a collection, named and placed as the site routes it. */
export function isArticlePath(entry: string): boolean {
  const collection = collectionOf(entry);
  return !!collection && entryId(collection, entry) !== undefined;
}
