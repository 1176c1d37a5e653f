import type { Problem } from '../problem';

// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;
const DIAGNOSTIC = /^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+) - (?<severity>error|warning) (?<code>[a-z]+\(\d+\)|[\w-]+): (?<message>.*)$/;

/** The diagnostics of `astro check` output, one problem each, rule `types/<code>`. */
export function parseAstroCheck(output: string): Problem[] {
  const problems: Problem[] = [];
  for (const raw of output.replace(COLOUR, '').split('\n')) {
    const match = DIAGNOSTIC.exec(raw.trim());
    if (!match?.groups) continue;
    const { file = '', line = '1', column = '1', severity = 'error', code = '', message = '' } = match.groups;
    problems.push({
      file: file.replace(/\\/g, '/'),
      line: Number(line),
      column: Number(column),
      rule: `types/${code.replace(/[()]/g, '')}`,
      message: severity === 'warning' ? `warning: ${message}` : message,
    });
  }
  return problems;
}
