import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { checkFrontmatter, schemaFor } from './frontmatter';
import { splitFrontmatter, type SplitFile } from '../content/frontmatter';
import { factorSchema } from '../schema/factor';
import { readTreeFile, TREE_FILE } from '../tree/load';
import { linkTree, type FactorRef } from '../tree/link';
import type { TreeNode } from '../tree/schema';
import { checkMdxSyntax } from './mdx-syntax';
import { checkDuplicateSlugs, compiledBody, lintSafety, type ArticlePath } from './safety';
import type { Problem } from './problem';
import { checkLinksToRoutes, contentLinks, FACTOR_PAGE_IDS, GUIDE_PAGE_IDS, headingIds, parseBody, type ContentLink, type ParsedBody, type SiteRoutes } from './content-links';
import { METHOD_IDS } from '../taxonomy';
import { factorUrl, guideUrl, methodUrl, outcomeUrl, scenarioUrl, STATIC_PAGES, tagUrl } from '../routes';
import { checkScenarioFolder } from './scenarios';

/** Every file below `dir`, as absolute paths, in a stable order. */
function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * Run the content checks that need no build, for every article in
 * `contentDir`: first the safety lint (size, encoding, then anything in the MDX
 * that could run), and only for a file that passes it, frontmatter schema and
 * MDX syntax. Paths in problems are relative to `root`.
 */
export function checkContentFolder(root: string, contentDir: string): Problem[] {
  return finishContentChecks(root, contentDir, walk(contentDir).map((path) => checkContentFile(root, contentDir, path)));
}

/** Folders with fewer articles than this are checked on one thread: starting another costs more than it saves. */
export const PARALLEL_MIN_FILES = 800;

/**
 * {@link checkContentFolder} on more than one core: the checks of single files
 * (the costly part: each file is parsed as MDX) are shared between this thread
 * and `threads` worker threads, which take the next file from a shared counter
 * until none is left; the folder-wide checks then run here, on the results in
 * file order. The problems are exactly those of checkContentFolder, in the same order.
 */
export async function checkContentFolderInParallel(root: string, contentDir: string, threads: number): Promise<Problem[]> {
  const paths = walk(contentDir);
  if (threads < 1 || paths.length < PARALLEL_MIN_FILES) return checkContentFolder(root, contentDir);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./content-worker.mjs', import.meta.url), { workerData: { root, contentDir, paths, counter } });
    const done = new Promise<[number, FileCheck][]>((resolve) => {
      worker.once('message', resolve);
      // A worker that cannot start or fails leaves its files to this thread (below), which reports any error itself.
      worker.once('error', () => resolve([]));
      worker.once('exit', () => resolve([]));
    });
    return { worker, done };
  });
  const results = new Array<FileCheck | undefined | null>(paths.length).fill(null);
  for (const [index, result] of claimContentFiles(root, contentDir, paths, counter)) results[index] = result;
  for (const { worker, done } of workers) {
    for (const [index, result] of await done) results[index] = result;
    void worker.terminate();
  }
  // Files a failed worker had claimed.
  for (let index = 0; index < paths.length; index++) if (results[index] === null) results[index] = checkContentFile(root, contentDir, paths[index]!);
  return finishContentChecks(root, contentDir, results as (FileCheck | undefined)[]);
}

/**
 * Check files from `paths`, each taken by adding one to the shared `counter`,
 * until every file is taken: this thread's share of checkContentFolderInParallel.
 */
export function claimContentFiles(root: string, contentDir: string, paths: readonly string[], counter: Int32Array): [number, FileCheck | undefined][] {
  const results: [number, FileCheck | undefined][] = [];
  for (let index = Atomics.add(counter, 0, 1); index < paths.length; index = Atomics.add(counter, 0, 1)) {
    results.push([index, checkContentFile(root, contentDir, paths[index]!)]);
  }
  return results;
}

/** What the folder-wide checks need from one file, found by checking that file on its own. */
export interface FileCheck {
  problems: Problem[];
  /** Set for an article of a collection (even one that fails its checks). */
  article?: ArticlePath;
  /** Id of a factor article that failed its own checks: citing it is not a tree problem. */
  unchecked?: string;
  /** A factor article that passed its own checks. */
  factor?: FactorRef;
  /** An article that passed its own checks: the ids of its headings and its root-relative links. */
  readable?: { file: string; entry: string; headingIds: string[]; links: ContentLink[] };
}

/** The checks of one file on its own; undefined for a file outside the collections. */
export function checkContentFile(root: string, contentDir: string, path: string): FileCheck | undefined {
  const file = relative(root, path).split(sep).join('/');
  const entry = relative(contentDir, path).split(sep).join('/');
  const inCollection = /\/(factors|guides)\//.test(`/${entry}`);
  if (!inCollection) return undefined;
  if (!path.endsWith('.mdx')) {
    return { problems: [{ file, rule: 'content/extension', message: 'articles must be .mdx files; this file would be ignored', hint: 'rename it to end in .mdx' }] };
  }
  const schema = schemaFor(`/${entry}`);
  if (!schema) return undefined;
  const article = { file, path: entry };
  const factorId = relative(join(contentDir, 'factors'), path).split(sep).join('/').replace(/\.mdx$/, '');
  const isFactor = schema === factorSchema;
  const bytes = readFileSync(path);
  const safety = lintSafety(file, bytes);
  if (safety.problems.length) {
    // An unsafe file goes no further: nothing else reads it.
    return { problems: safety.problems, article, ...(isFactor ? { unchecked: factorId } : {}) };
  }
  const text = bytes.toString('utf8');
  // Each file is split once and parsed as MDX twice (the lint above, the syntax check), not once per check.
  const split = splitFrontmatter(text);
  const problems = [...checkFrontmatter(file, text, schema, split), ...checkMdxSyntax(file, text, split)];
  if (problems.length) return { problems, article, ...(isFactor ? { unchecked: factorId } : {}) };
  const body = bodyTree(text, split, safety.tree);
  return {
    problems,
    article,
    ...(isFactor ? { factor: { id: factorId, file, ...factorSchema.parse(split.data) } } : {}),
    readable: { file, entry, headingIds: [...headingIds(body.tree)], links: contentLinks(body) },
  };
}

/** The checks that need every file: duplicate slugs, the decision tree, and links between articles. */
function finishContentChecks(root: string, contentDir: string, results: readonly (FileCheck | undefined)[]): Problem[] {
  const problems: Problem[] = [];
  const factors: FactorRef[] = [];
  const articles: ArticlePath[] = [];
  const unchecked = new Set<string>();
  /** Articles that passed their own checks, for the link check once every page is known. */
  const readable: NonNullable<FileCheck['readable']>[] = [];
  for (const result of results) {
    if (!result) continue;
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
    if (result.unchecked) unchecked.add(result.unchecked);
    if (result.factor) factors.push(result.factor);
    if (result.readable) readable.push(result.readable);
  }
  problems.push(...checkDuplicateSlugs(articles));
  // The tree file is read and parsed once, for its own checks, the outcome pages and its links.
  const tree = readContentTree(root, contentDir);
  problems.push(...checkTree(root, contentDir, factors, unchecked, tree));
  const treeNodes = tree.parsed && !tree.parsed.problems.length ? tree.parsed.nodes : undefined;
  const scenarios = checkScenarioFolder(root, contentDir, treeNodes);
  problems.push(...scenarios.problems);
  const routes = siteRoutes(articles, factors, readable, tree, scenarios.slugs);
  for (const article of readable) problems.push(...checkLinksToRoutes(article.file, article.links, routes));
  problems.push(...checkTreeLinks(routes, tree));
  return problems;
}

/** The decision tree file of a content folder, read and parsed: `parsed` is undefined when the file is missing. */
export interface ContentTree {
  /** The tree file's path relative to the root, as problems name it. */
  file: string;
  parsed?: ReturnType<typeof readTreeFile>;
}

/** Read and parse the decision tree of `contentDir` once, for every check that needs it. */
export function readContentTree(root: string, contentDir: string): ContentTree {
  const path = join(contentDir, TREE_FILE);
  const file = relative(root, path).split(sep).join('/');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { file };
  }
  return { file, parsed: readTreeFile(file, text) };
}

/** Site links in the decision tree: help texts and path notes (inline Markdown) and next steps, at the line of their node. */
export function treeLinks(nodes: readonly TreeNode[], lines: ReadonlyMap<TreeNode, number>): ContentLink[] {
  const inlineLinks = (text: string) => [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1]!);
  return nodes.flatMap((node) => {
    const line = lines.get(node) ?? 1;
    const urls =
      node.type === 'question'
        ? [
            ...inlineLinks(node.help ?? ''),
            ...node.answers.flatMap((answer) => [...answer.notes.flatMap((note) => inlineLinks(note.text)), ...answer.nextSteps.map((step) => step.href)]),
          ]
        : node.nextSteps.map((step) => step.href);
    return urls.filter((url) => url.startsWith('/') && !url.startsWith('//')).map((url) => ({ url, line, column: 1 }));
  });
}

function checkTreeLinks(routes: SiteRoutes, tree: ContentTree): Problem[] {
  // checkTree reports a missing tree, or one with problems of its own.
  if (!tree.parsed || tree.parsed.problems.length) return [];
  return checkLinksToRoutes(tree.file, treeLinks(tree.parsed.nodes, tree.parsed.lines), routes);
}

/**
 * The body tree for the heading and link checks. The safety lint parsed the
 * whole file with the frontmatter blanked out, with the same parser: where the
 * blanked part is exactly the frontmatter that was split off (the usual case),
 * its tree is the body's tree with lines already counted from the top of the
 * file, so it is reused; otherwise the body is parsed on its own.
 */
function bodyTree(text: string, split: SplitFile, lintTree: Root | undefined): ParsedBody {
  const prefix = text.length - split.body.length;
  const compiled = lintTree ? compiledBody(text) : '';
  const reusable =
    lintTree !== undefined &&
    compiled.length === text.length &&
    compiled.slice(prefix) === split.body &&
    /^[ \t\r\n]*$/.test(compiled.slice(0, prefix)) &&
    // A lone CR ends a line for Markdown but not for the line count of the split.
    !/\r(?!\n)/.test(text.slice(0, prefix));
  return reusable ? { tree: lintTree, lineOffset: 0 } : { tree: parseBody(split.body), lineOffset: split.bodyLine - 1 };
}

/** The pages the build will produce, from the content alone, with the heading ids of articles. */
function siteRoutes(
  articles: readonly ArticlePath[],
  factors: readonly FactorRef[],
  readable: readonly NonNullable<FileCheck['readable']>[],
  tree: ContentTree,
  scenarios: readonly string[],
): SiteRoutes {
  const pages: SiteRoutes['pages'] = new Map(STATIC_PAGES.map((page) => [page, null]));
  const ids = new Map(readable.map((article) => [article.entry, article.headingIds]));
  for (const { path } of articles) {
    const headings = ids.get(path);
    const factor = /^factors\/(.+)\.mdx$/.exec(path)?.[1];
    const guide = /^guides\/(.+)\.mdx$/.exec(path)?.[1];
    if (factor) pages.set(factorUrl(factor), headings === undefined ? null : new Set([...FACTOR_PAGE_IDS, ...headings]));
    if (guide) pages.set(guideUrl(guide), headings === undefined ? null : new Set([...GUIDE_PAGE_IDS, ...headings]));
  }
  for (const method of METHOD_IDS) pages.set(methodUrl(method), null);
  for (const slug of scenarios) pages.set(scenarioUrl(slug), null);
  for (const tag of new Set(factors.flatMap((factor) => factor.tags))) pages.set(tagUrl(tag), null);
  // Without a tree file there are no outcome pages (checkTree reports it).
  for (const node of tree.parsed?.nodes ?? []) if (node.type === 'outcome') pages.set(outcomeUrl(node.id), null);
  return { pages };
}

/** Validate the decision tree and its links to the factor articles. */
export function checkTree(
  root: string,
  contentDir: string,
  factors: readonly FactorRef[],
  unchecked: ReadonlySet<string> = new Set(),
  tree: ContentTree = readContentTree(root, contentDir),
): Problem[] {
  const { file, parsed } = tree;
  if (!parsed) return [{ file, rule: 'tree/missing', message: 'the decision tree file is missing', hint: 'every factor must be cited by the tree' }];
  const { nodes, lines, problems } = parsed;
  if (problems.length) return problems;
  return linkTree(nodes, factors, file, lines, unchecked).problems;
}
