import type { Problem } from '../problem';

/** Deepest nesting of quotes, lists, tags or brackets an article may have. */
export const MAX_NESTING = 50;

/** Quote and list markers at the start of a line: `> > - >`. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

const PAIRS: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };

/**
 * Refuse nesting deeper than {@link MAX_NESTING} before any parser sees the
 * text: Markdown parsers and the MDX compiler recurse once per level, and a
 * few thousand `>` in a small file overflow the stack or crash the build.
 * A cheap scan that overcounts rather than misses: any line whose quote and
 * list markers with its indentation (lists nest by indentation alone, too),
 * or any run of unclosed tags or brackets, goes deeper.
 */
export function nestingProblem(file: string, text: string): Problem | undefined {
  const lines = text.split('\n');
  const depth: Record<string, number> = { '<': 0, '[': 0, '(': 0, '{': 0 };
  let fence = '';
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    // Code is text to every parser: fenced blocks and `code spans` are skipped.
    const marker = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence ? marker?.startsWith(fence) : marker) {
      fence = fence ? '' : marker!;
      continue;
    }
    if (fence) continue;
    const line = raw.replace(/`[^`]*`/g, '');
    const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    if (markers > MAX_NESTING) return problem(file, index + 1, `${markers} quote or list markers`);
    // Lists nest by indentation too: each level needs at least two more columns, so the indentation bounds the depth.
    const levels = markers + indentationLevels(line, prefix.length, markers);
    if (levels > MAX_NESTING) return problem(file, index + 1, `up to ${levels} levels of quotes and lists, by their markers and indentation,`);
    for (const match of line.matchAll(/<\/|\/>|<(?!(?:br|hr|img|wbr)\b)[A-Za-z]|[[\](){}]/gi)) {
      const token = match[0];
      if (token.startsWith('<') && token !== '</') depth['<']!++;
      else if (token === '</' || token === '/>') depth['<'] = Math.max(0, depth['<']! - 1);
      else if (PAIRS[token]) depth[token]!++;
      else {
        const open = Object.keys(PAIRS).find((key) => PAIRS[key] === token)!;
        depth[open] = Math.max(0, depth[open]! - 1);
      }
      const deepest = Math.max(...Object.values(depth));
      if (deepest > MAX_NESTING) return problem(file, index + 1, `${deepest} unclosed tags or brackets`);
    }
  }
  return undefined;
}

/**
 * How many list levels the indentation of a line can stand for: the columns of white space before and
 * between its markers and before its text (a tab counts 4), less the one space each marker takes, two per level.
 */
function indentationLevels(line: string, prefixLength: number, markers: number): number {
  const lead = /^[ \t]*/.exec(line.slice(prefixLength))![0];
  let columns = 0;
  for (const char of line.slice(0, prefixLength) + lead) if (char === ' ' || char === '\t') columns += char === '\t' ? 4 : 1;
  return Math.floor(Math.max(0, columns - markers) / 2);
}

function problem(file: string, line: number, what: string): Problem {
  return {
    file,
    line,
    rule: 'safety/nesting',
    message: `${what} nested here, more than the ${MAX_NESTING} levels an article may have: the site's parsers would run out of stack`,
    hint: 'flatten the quotes, lists or tags; an article never needs this depth',
  };
}
