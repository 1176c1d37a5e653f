import type { Problem } from '../problem';

/** Most runs of `*`, `_` or `~` one block of an article (the text between two blank lines) may hold. */
export const MAX_DELIMITER_RUNS = 500;

/**
 * Refuse a block with more than {@link MAX_DELIMITER_RUNS} runs of `*`, `_` or `~` before any parser sees the
 * text: the Markdown parser pairs them up as emphasis, strong and strikethrough in more than linear time within a
 * paragraph (a 64 KB paragraph of `*_` takes it over half a minute, in the check and again in the build). Counted
 * per block between blank lines, code included, so the scan overcounts rather than misses; a real paragraph holds
 * a few dozen at most.
 */
export function delimiterProblem(file: string, text: string): Problem | undefined {
  let runs = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim()) {
      runs = 0;
      continue;
    }
    runs += line.match(/([*_~])\1*/g)?.length ?? 0;
    if (runs > MAX_DELIMITER_RUNS) {
      return {
        file,
        line: index + 1,
        rule: 'safety/emphasis-runs',
        message: `this paragraph holds more than ${MAX_DELIMITER_RUNS} runs of "*", "_" or "~" by here, which the site's Markdown parser pairs up in more than linear time`,
        hint: 'split the paragraph with blank lines, or write the characters less often; an article never needs this many',
      };
    }
  }
  return undefined;
}
