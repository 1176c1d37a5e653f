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
    if (schema === factorSchema && fileProblems.length > 0) unchecked.add(factorId(path));
    if (schema === factorSchema && fileProblems.length === 0) {
      const data = factorSchema.parse(splitFrontmatter(text).data);
      factors.push({ id: factorId(path), file, ...data });
    }
  }
  problems.push(...checkDuplicateSlugs(articles));
  problems.push(...checkTree(root, contentDir, factors, unchecked));
  return problems;
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
