import { slugKey } from '../../collections';
import type { FoundName } from '../../content/walk';
import type { Problem } from '../../problem';
import type { ContentIndex } from '../index';

/** Whether a file is named the way CONTRIBUTING asks: lowercase words joined by "-". */
function isCanonicalSlug(path: string): boolean {
  return slugKey(path) === path.replace(/\.mdx?$/, '');
}

/**
 * `safety/duplicate-slug`: two articles whose slugs differ only in case or
 * punctuation would get the same id (or two addresses that readers cannot tell
 * apart). Each clash is reported once, on the file that is not named in
 * lowercase words joined by "-" (most likely the new one), or else on the
 * later file, naming the other; the article is called what its collection calls an entry.
 */
export function checkDuplicateSlugs(articles: readonly FoundName[]): Problem[] {
  const first = new Map<string, FoundName>();
  const problems: Problem[] = [];
  for (const article of articles) {
    const key = slugKey(article.path);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, article);
      continue;
    }
    const [reported, other] = !isCanonicalSlug(earlier.path) && isCanonicalSlug(article.path) ? [earlier, article] : [article, earlier];
    const slug = reported.path.slice(reported.collection.folder.length + 1).replace(/\.mdx?$/, '');
    problems.push({
      file: reported.file,
      rule: 'safety/duplicate-slug',
      message: `${reported.collection.kind} "${slug}" has the same slug as ${other.file} once case and punctuation are ignored`,
      hint: 'rename or merge one of them; name files in lowercase words joined by "-"',
    });
  }
  return problems;
}

export const duplicateSlug = (index: ContentIndex): Problem[] => checkDuplicateSlugs(index.names);
