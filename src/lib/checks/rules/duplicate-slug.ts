import type { Problem } from '../../problem';
import type { ContentIndex } from '../index';

/** A file of one collection, for the duplicate-slug check. */
export interface ArticlePath {
  /** Path for messages, relative to the project root. */
  file: string;
  /** Path relative to the content folder, e.g. `factors/kms/branch-offices.mdx`. */
  path: string;
}

/** A slug with case, Unicode form and separators (`-`, `_`, `.`, spaces) folded together. */
export function normaliseSlug(path: string): string {
  return path
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => segment.replace(/[\s_.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .join('/');
}

/** Whether a file is named the way CONTRIBUTING asks: lowercase words joined by "-". */
function isCanonicalSlug(path: string): boolean {
  return normaliseSlug(path) === path.replace(/\.mdx?$/, '');
}

/**
 * `safety/duplicate-slug`: two articles whose slugs differ only in case or
 * punctuation would get the same id (or two addresses that readers cannot tell
 * apart). Each clash is reported once, on the file that is not named in
 * lowercase words joined by "-" (most likely the new one), or else on the
 * later file, naming the other.
 */
export function checkDuplicateSlugs(articles: readonly ArticlePath[]): Problem[] {
  const first = new Map<string, ArticlePath>();
  const problems: Problem[] = [];
  for (const article of articles) {
    const key = normaliseSlug(article.path);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, article);
      continue;
    }
    const [reported, other] = !isCanonicalSlug(earlier.path) && isCanonicalSlug(article.path) ? [earlier, article] : [article, earlier];
    const [collection = '', ...rest] = reported.path.replace(/\.mdx?$/, '').split('/');
    const kind = collection === 'factors' ? 'factor' : collection === 'guides' ? 'guide' : 'article';
    problems.push({
      file: reported.file,
      rule: 'safety/duplicate-slug',
      message: `${kind} "${rest.join('/')}" has the same slug as ${other.file} once case and punctuation are ignored`,
      hint: 'rename or merge one of them; name files in lowercase words joined by "-"',
    });
  }
  return problems;
}

export const duplicateSlug = (index: ContentIndex): Problem[] => checkDuplicateSlugs(index.names);
