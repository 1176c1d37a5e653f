import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkFrontmatter, schemaFor } from './frontmatter';
import { splitFrontmatter } from '../content/frontmatter';
import { factorSchema } from '../schema/factor';
import { readTreeFile, TREE_FILE } from '../tree/load';
import { linkTree, type FactorRef } from '../tree/link';
import { checkMdxSyntax } from './mdx-syntax';
import { checkDuplicateSlugs, checkSafety, type ArticlePath } from './safety';
import type { Problem } from './problem';
import { checkContentLinks, FACTOR_PAGE_IDS, GUIDE_PAGE_IDS, headingIds, type SiteRoutes } from './content-links';
import { METHOD_IDS } from '../taxonomy';
import { factorUrl, guideUrl, methodUrl, outcomeUrl, STATIC_PAGES, tagUrl } from '../routes';

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
  const problems: Problem[] = [];
  const factors: FactorRef[] = [];
  const articles: ArticlePath[] = [];
  const unchecked = new Set<string>();
  /** Articles that passed their own checks, for the link check once every page is known. */
  const readable: { file: string; entry: string; text: string }[] = [];
  const factorId = (path: string) => relative(join(contentDir, 'factors'), path).split(sep).join('/').replace(/\.mdx$/, '');
  for (const path of walk(contentDir)) {
    const file = relative(root, path).split(sep).join('/');
    const entry = relative(contentDir, path).split(sep).join('/');
    const inCollection = /\/(factors|guides)\//.test(`/${entry}`);
    if (!inCollection) continue;
    if (!path.endsWith('.mdx')) {
      problems.push({ file, rule: 'content/extension', message: 'articles must be .mdx files; this file would be ignored', hint: 'rename it to end in .mdx' });
      continue;
    }
    const schema = schemaFor(`/${entry}`);
    if (!schema) continue;
    articles.push({ file, path: entry });
    const bytes = readFileSync(path);
    const safetyProblems = checkSafety(file, bytes);
    if (safetyProblems.length) {
      // An unsafe file goes no further: nothing else reads it.
      problems.push(...safetyProblems);
      if (schema === factorSchema) unchecked.add(factorId(path));
      continue;
    }
    const text = bytes.toString('utf8');
    const fileProblems = [...checkFrontmatter(file, text, schema), ...checkMdxSyntax(file, text)];
    problems.push(...fileProblems);
    if (fileProblems.length === 0) readable.push({ file, entry, text });
    if (schema === factorSchema && fileProblems.length > 0) unchecked.add(factorId(path));
    if (schema === factorSchema && fileProblems.length === 0) {
      const data = factorSchema.parse(splitFrontmatter(text).data);
      factors.push({ id: factorId(path), file, ...data });
    }
  }
  problems.push(...checkDuplicateSlugs(articles));
  problems.push(...checkTree(root, contentDir, factors, unchecked));
  const routes = siteRoutes(contentDir, articles, factors, readable);
  for (const article of readable) problems.push(...checkContentLinks(article.file, article.text, routes));
  return problems;
}

/** The pages the build will produce, from the content alone, with the heading ids of articles. */
function siteRoutes(
  contentDir: string,
  articles: readonly ArticlePath[],
  factors: readonly FactorRef[],
  readable: readonly { entry: string; text: string }[],
): SiteRoutes {
  const pages: SiteRoutes['pages'] = new Map(STATIC_PAGES.map((page) => [page, null]));
  const texts = new Map(readable.map((article) => [article.entry, article.text]));
  for (const { path } of articles) {
    const text = texts.get(path);
    const body = text === undefined ? undefined : splitFrontmatter(text).body;
    const factor = /^factors\/(.+)\.mdx$/.exec(path)?.[1];
    const guide = /^guides\/(.+)\.mdx$/.exec(path)?.[1];
    if (factor) pages.set(factorUrl(factor), body === undefined ? null : new Set([...FACTOR_PAGE_IDS, ...headingIds(body)]));
    if (guide) pages.set(guideUrl(guide), body === undefined ? null : new Set([...GUIDE_PAGE_IDS, ...headingIds(body)]));
  }
  for (const method of METHOD_IDS) pages.set(methodUrl(method), null);
  for (const tag of new Set(factors.flatMap((factor) => factor.tags))) pages.set(tagUrl(tag), null);
  try {
    const { nodes } = readTreeFile(TREE_FILE, readFileSync(join(contentDir, TREE_FILE), 'utf8'));
    for (const node of nodes) if (node.type === 'outcome') pages.set(outcomeUrl(node.id), null);
  } catch {
    // No tree file: checkTree reports it.
  }
  return { pages };
}

/** Validate the decision tree and its links to the factor articles. */
export function checkTree(root: string, contentDir: string, factors: readonly FactorRef[], unchecked: ReadonlySet<string> = new Set()): Problem[] {
  const path = join(contentDir, TREE_FILE);
  const file = relative(root, path).split(sep).join('/');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [{ file, rule: 'tree/missing', message: 'the decision tree file is missing', hint: 'every factor must be cited by the tree' }];
  }
  const { nodes, lines, problems } = readTreeFile(file, text);
  if (problems.length) return problems;
  return linkTree(nodes, factors, file, lines, unchecked).problems;
}
