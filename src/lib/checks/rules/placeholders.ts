import type { SplitFile } from '../../content/frontmatter';
import { fieldName } from '../../schema/format-issues';
import type { Problem } from '../../problem';
import { eachArticle } from './each-article';

/**
 * The mark `npm run new` leaves in every value only the contributor can fill in
 * ("REPLACE: …", "https://learn.microsoft.com/REPLACE-ME"). Upper case and a
 * whole word, so ordinary prose ("replace the key") never trips it.
 */
const PLACEHOLDER = /\bREPLACE\b/;

/** What to put in place of a placeholder, by field. */
function hintFor(path: readonly PropertyKey[]): string {
  const [top] = path;
  const last = path[path.length - 1];
  if (top === 'summary') return 'write one sentence of at most 200 characters that says what this means for the reader';
  if (top === 'appliesTo') return 'name the products and versions it holds for, e.g. "Windows 10 and 11"';
  if (last === 'url') return 'give the address of the Microsoft documentation page you checked';
  if (last === 'title' && path.length > 1) return 'copy the title of that page as it is published';
  return 'replace it with the real text';
}

function collect(value: unknown, path: PropertyKey[], found: { path: PropertyKey[]; value: string }[]): void {
  if (typeof value === 'string') {
    if (PLACEHOLDER.test(value)) found.push({ path, value });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, [...path, index], found));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collect(item, [...path, key], found);
  }
}

/**
 * Reject any REPLACE placeholder left in the frontmatter (summary, appliesTo,
 * source title and url, or anywhere else), one problem per value, at its line.
 */
export function checkPlaceholders(file: string, data: unknown, locate: SplitFile['locate']): Problem[] {
  const found: { path: PropertyKey[]; value: string }[] = [];
  collect(data, [], found);
  return found.map(({ path, value }) => ({
    file,
    ...locate(path),
    rule: 'content/placeholder',
    message: `field "${fieldName(path)}" still holds the placeholder "${value}"`,
    hint: hintFor(path),
  }));
}

/** `content/placeholder`: no REPLACE mark from `npm run new` is left in the frontmatter. */
export const placeholders = eachArticle((article) => checkPlaceholders(article.file, article.split.data, article.split.locate));
