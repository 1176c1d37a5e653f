import { lstatSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLE_COLLECTIONS, FACTORS, SCENARIOS, TREE_FILE, entryId } from '../collections';
import { readArticle, type Article } from '../content/read';
import { walkCollection, walkDataCollection, type FoundName } from '../content/walk';
import type { Problem } from '../problem';
import { factorSchema } from '../schema/factor';
import { readTreeFile, TREE_SIZE_LIMIT_KB, type TreeRead } from '../tree/load';
import type { FactorRef } from '../tree/context';
import { readScenarioFile, type ScenarioFile } from '../tree/scenarios';

/** The decision tree file of a content folder, read and parsed: `parsed` is undefined when the file is missing. */
export interface ContentTree {
  /** The tree file's path relative to the root, as problems name it. */
  file: string;
  parsed?: TreeRead;
}

/** A worked scenario's file: its page's slug, and the file read and validated (rules/scenarios.ts walks it through the tree). */
export interface IndexedScenario {
  slug: string;
  read: ScenarioFile;
}

/**
 * What every content rule reads: the articles (each read and parsed once),
 * the name of every article file found, the decision tree and the worked scenarios (each read once). The rules in
 * `rules/` are functions of this; `run.ts` narrows `articles` to those that
 * passed the earlier stages.
 */
export interface ContentIndex {
  /** The project root and the content folder, absolute. */
  root: string;
  contentDir: string;
  /** The content folder as problems name it, relative to the project root. */
  shownDir: string;
  /** Articles still in the running: read, and past every earlier stage. */
  articles: readonly Article[];
  /** Every article file found, valid name or not (the slug check compares them all). */
  names: readonly FoundName[];
  tree: ContentTree;
  /** The worked scenarios: regular files named as the site routes them, each with a page. */
  scenarios: readonly IndexedScenario[];
  /** Problems of reading: the walks, size, encoding, nesting. Those files are not in `articles` nor `scenarios`. */
  readProblems: readonly Problem[];
}

/** Read every article of every collection, the tree and the scenarios, once. Paths in problems are relative to `root`. */
export function indexContent(root: string, contentDir: string): ContentIndex {
  const shownDir = relative(root, contentDir).split(sep).join('/') || '.';
  const articles: Article[] = [];
  const names: ContentIndex['names'][number][] = [];
  const readProblems: Problem[] = [];
  for (const collection of ARTICLE_COLLECTIONS) {
    const walk = walkCollection(contentDir, shownDir, collection);
    names.push(...walk.names);
    readProblems.push(...walk.problems);
    for (const found of walk.files) {
      const read = readArticle(collection, found.entry, found.file, found.bytes);
      if (read.article) articles.push(read.article);
      else readProblems.push(...read.problems);
    }
  }
  const scenarioWalk = walkDataCollection(contentDir, shownDir, SCENARIOS);
  readProblems.push(...scenarioWalk.problems);
  const scenarios = scenarioWalk.files.map((found) => ({ slug: found.id, read: readScenarioFile(found.file, found.bytes) }));
  return { root, contentDir, shownDir, articles, names, readProblems, tree: readContentTree(contentDir, shownDir), scenarios };
}

/** Read and parse the decision tree of `contentDir` once, for every check that needs it. */
export function readContentTree(contentDir: string, shownDir: string): ContentTree {
  const file = `${shownDir}/${TREE_FILE}`;
  const path = join(contentDir, TREE_FILE);
  const refuse = (rule: string, message: string): ContentTree => ({ file, parsed: { nodes: [], lines: new Map(), problems: [{ file, rule, message }] } });
  let bytes: Buffer;
  try {
    // Checked before reading, as the article walker does: not a link (to /dev/zero, say), not too large.
    const stats = lstatSync(path);
    if (!stats.isFile()) return refuse('tree/not-a-file', 'the decision tree must be a regular file, not a symbolic link or a folder');
    if (stats.size > TREE_SIZE_LIMIT_KB * 1024) return refuse('tree/size', `the tree file is ${(stats.size / 1024).toFixed(1)} KB, over the ${TREE_SIZE_LIMIT_KB} KB limit`);
    // Bytes, not text: readTreeFile refuses what is not UTF-8 rather than reading it with replacement characters.
    bytes = readFileSync(path);
  } catch {
    return { file };
  }
  return { file, parsed: readTreeFile(file, bytes) };
}

/** The factor articles still in the running, as the tree sees them. */
export function factorRefs(index: ContentIndex): FactorRef[] {
  return index.articles
    .filter((article) => article.collection === FACTORS)
    .map((article) => ({ id: article.id, file: article.file, ...factorSchema.parse(article.split.data) }));
}

/** Ids of factor files that are not in the running (they failed their own checks): citing them is not a tree problem. */
export function uncheckedFactors(index: ContentIndex): Set<string> {
  const passing = new Set(index.articles.filter((article) => article.collection === FACTORS).map((article) => article.entry));
  return new Set(
    index.names
      .filter((name) => !passing.has(name.path))
      .flatMap((name) => entryId(FACTORS, name.path) ?? []),
  );
}
