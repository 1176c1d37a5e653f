import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { splitFrontmatter } from '../content/frontmatter';
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
 */
export function checkMdxSyntax(file: string, text: string): Problem[] {
  const { body, bodyLine } = splitFrontmatter(text);
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
