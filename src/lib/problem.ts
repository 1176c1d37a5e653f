/**
 * The common shape of every content problem, so that the schema check, the MDX
 * check and the link check report alike: one line each, file first.
 */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  /** Short id of the rule that fired, e.g. `schema/unknown-tag`. */
  rule: string;
  message: string;
  /** What to do about it, when there is more to say than the message. */
  hint?: string;
}

/**
 * `file:line:column  rule  message (hint)` — one line, no stack trace. Control
 * characters are escaped, so that nothing a contributor wrote (a file name with
 * a newline, say) can start a line of its own, or a CI annotation.
 */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const hint = problem.hint ? ` (hint: ${problem.hint})` : '';
  return oneLine(`${where}  ${problem.rule}  ${problem.message}${hint}`);
}

/** Text with every control character (and the Unicode line separators) written as an escape. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** All problems, sorted by file and position, then a count line. */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} found`;
  return [...sorted.map(formatProblem), count].join('\n');
}

/** One line of at most 40 characters, for quoting a contributor's text in a message. */
export function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
