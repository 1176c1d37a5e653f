import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { splitFrontmatter, type SplitFile } from '../content/frontmatter';
import type { Problem } from './problem';

const parser = unified().use(remarkParse).use(remarkMdx);

interface PositionedError {
  message?: string;
  reason?: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

/**
 * Parse an MDX body without compiling or running it, so that a syntax error is
 * reported with its line instead of surfacing as an empty page at build.
 * `split` is the file already split, when the caller has it.
 */
export function checkMdxSyntax(file: string, text: string, split: SplitFile = splitFrontmatter(text)): Problem[] {
  const { body, bodyLine } = split;
  try {
    parser.parse(body);
    return [];
  } catch (caught) {
    const error = caught as PositionedError;
    const start = error.place && 'start' in error.place ? error.place.start : error.place;
    const line = (start?.line ?? error.line ?? 1) + bodyLine - 1;
    const column = start?.column ?? error.column ?? 1;
    return [
      {
        file,
        line,
        column,
        rule: 'mdx/syntax',
        message: `MDX cannot parse this: ${error.reason ?? error.message ?? String(caught)}`,
        hint: 'in prose, write "<" as "&lt;" and "{" as "&#123;", or put the text in `backticks`',
      },
    ];
  }
}
