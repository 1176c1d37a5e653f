import type { Problem } from '../../problem';

export { short } from '../../problem';

/** A place in the file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** Adds one problem of the file being linted. */
export type Report = (at: Place | undefined, rule: string, message: string, hint?: string) => void;

/** A {@link Report} that collects into `problems`. */
export function reporter(file: string, problems: Problem[]): Report {
  return (at, rule, message, hint) => problems.push({ file, line: at?.line, column: at?.column, rule, message, ...(hint ? { hint } : {}) });
}
