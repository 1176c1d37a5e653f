import { relative, sep } from 'node:path';
import { collectionOf } from '../collections';
import { readArticle } from '../content/read';
import { contentFolderProblem } from '../content/walk';
import { short, type Problem } from '../problem';
import { indexContent, type ContentIndex } from './index';
import { articleLinks } from './rules/content-links';
import { duplicateSlug } from './rules/duplicate-slug';
import { emptyBody } from './rules/empty-body';
import type { Rule } from './rules/each-article';
import { footnoteLabels } from './rules/footnote-labels';
import { frontmatter } from './rules/frontmatter';
import { reservedHeadingIds } from './rules/reserved-heading-ids';
import { localImages } from './rules/local-images';
import { mdxSyntax } from './rules/mdx-syntax';
import { methodFolder } from './rules/method-folder';
import { placeholders } from './rules/placeholders';
import { safety } from './rules/safety';
import { scenarioLinks } from './rules/scenario-links';
import { scenarios } from './rules/scenarios';
import { tableSize } from './rules/table-size';
import { tree } from './rules/tree';
import { treeLinksRule } from './rules/tree-links';

/**
 * The content checks, as a pipeline: read (one Article per file, see
 * content/read.ts) → index → rules, stage by stage → report. An article with
 * a problem in one stage goes no further: an unsafe file is read by nothing
 * else, and a file with a broken frontmatter is not linked into the tree.
 * Adding a rule is adding a file in rules/ and a name here.
 */
export const STAGES: readonly (readonly Rule[])[] = [
  // What could run, or be read from elsewhere, when the site is built or read.
  [safety, localImages, tableSize],
  // What the build would reject in one file.
  [frontmatter, placeholders, methodFolder, mdxSyntax, footnoteLabels, reservedHeadingIds, emptyBody],
  // What needs every file: slugs, the decision tree, links between pages.
  [duplicateSlug, tree, scenarios, articleLinks, treeLinksRule, scenarioLinks],
];

/** Run the stages over an index; problems in stage order. */
export function runStages(index: ContentIndex, stages: readonly (readonly Rule[])[] = STAGES): Problem[] {
  const problems: Problem[] = [...index.readProblems];
  let current = index;
  for (const stage of stages) {
    const found = stage.flatMap((rule) => guard(rule, current));
    problems.push(...found);
    const failed = new Set(found.map((problem) => problem.file));
    if (current.articles.some((article) => failed.has(article.file))) current = { ...current, articles: current.articles.filter((article) => !failed.has(article.file)) };
  }
  return problems;
}

/** A rule that throws is a problem on the content folder, never a stack trace or a pass. */
function guard(rule: Rule, index: ContentIndex): Problem[] {
  try {
    return rule(index);
  } catch (error) {
    return [{ file: index.shownDir, rule: 'content/crash', message: `the check "${rule.name}" could not finish: ${short(String((error as Error)?.message ?? error))}` }];
  }
}

/**
 * Every content check that needs no build, for the articles and the tree in
 * `contentDir`. Paths in problems are relative to `root`.
 */
export function checkContentFolder(root: string, contentDir: string): Problem[] {
  const index = safeIndex(root, contentDir);
  return 'rule' in index ? [index] : runStages(index);
}

/** {@link indexContent}, with anything unexpected while reading turned into one problem on the folder. */
export function safeIndex(root: string, contentDir: string): ContentIndex | Problem {
  try {
    return contentFolderProblem(root, contentDir) ?? indexContent(root, contentDir);
  } catch (error) {
    return { file: relative(root, contentDir).split(sep).join('/') || '.', rule: 'content/crash', message: `the content folder could not be read: ${short(String((error as Error)?.message ?? error))}` };
  }
}

/**
 * The checks of one article on its own (the first two stages, without the
 * files it points to), from its text:
 * what `npm run new` and the tests need. `file` is its path from the project
 * root, e.g. `content/factors/kms/x.mdx`; its collection is found from it.
 */
export function checkArticle(file: string, text: string | Uint8Array): Problem[] {
  const parts = file.split('/');
  const start = parts.findIndex((_, index) => collectionOf(parts.slice(index).join('/')) !== undefined);
  const entry = parts.slice(Math.max(start, 0)).join('/');
  const collection = collectionOf(entry);
  if (!collection) throw new Error(`${file} is not in a collection`);
  const read = readArticle(collection, entry, file, text);
  if (!read.article) return read.problems;
  const index: ContentIndex = { root: '.', contentDir: '.', shownDir: '.', articles: [read.article], names: [], readProblems: [], tree: { file: '' }, scenarios: [] };
  // The files an article points to (its images) are not part of it on its own.
  return runStages(index, STAGES.slice(0, 2).map((stage) => stage.filter((rule) => rule !== localImages)));
}
