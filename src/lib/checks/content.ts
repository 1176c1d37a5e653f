import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkFrontmatter, schemaFor } from './frontmatter';
import { checkMdxSyntax } from './mdx-syntax';
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
 * Run the content checks that need no build: frontmatter schema and MDX syntax
 * for every article in `contentDir`. Paths in problems are relative to `root`.
 */
export function checkContentFolder(root: string, contentDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const path of walk(contentDir)) {
    const file = relative(root, path).split(sep).join('/');
    const inCollection = /\/(factors|guides)\//.test(`/${relative(contentDir, path).split(sep).join('/')}`);
    if (!inCollection) continue;
    if (!path.endsWith('.mdx')) {
      problems.push({ file, rule: 'content/extension', message: 'articles must be .mdx files; this file would be ignored', hint: 'rename it to end in .mdx' });
      continue;
    }
    const schema = schemaFor(`/${relative(contentDir, path).split(sep).join('/')}`);
    if (!schema) continue;
    const text = readFileSync(path, 'utf8');
    problems.push(...checkFrontmatter(file, text, schema), ...checkMdxSyntax(file, text));
  }
  return problems;
}
