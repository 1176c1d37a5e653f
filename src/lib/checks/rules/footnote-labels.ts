import { visit } from 'unist-util-visit';
import type { Problem } from '../../problem';
import { short } from '../../problem';
import { eachArticle } from './each-article';

/** A footnote label the page's footnote links survive: letters, digits, `-` and `_`. */
const PLAIN_LABEL = /^[A-Za-z0-9_-]+$/;

/**
 * `mdx/footnote-label`: a footnote's label becomes part of the ids and `#` links
 * that join the reference and the note; markup or punctuation in it (`[^<kbd>x</kbd>]`,
 * ``[^x`y`]``) leaves those links broken, which the build's link check then
 * refuses. Refused here first, at the label's line.
 */
export const footnoteLabels = eachArticle((article) => {
  if (!article.tree) return [];
  const problems: Problem[] = [];
  visit(article.tree, ['footnoteReference', 'footnoteDefinition'], (node) => {
    const label = (node as { label?: string | null; identifier: string }).label ?? (node as { identifier: string }).identifier;
    if (PLAIN_LABEL.test(label)) return;
    problems.push({
      file: article.file,
      line: node.position?.start.line,
      column: node.position?.start.column,
      rule: 'mdx/footnote-label',
      message: `footnote label "${short(label)}" holds markup or punctuation, which would break the links between the footnote and its reference`,
      hint: 'use a plain label such as [^1] or [^kms-count]',
    });
  });
  return problems;
});
