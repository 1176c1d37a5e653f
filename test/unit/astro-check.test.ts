import { describe, expect, it } from 'vitest';
import { parseAstroCheck } from '../../src/lib/checks/astro-check';
import { formatProblem } from '../../src/lib/problem';

describe('parseAstroCheck', () => {
  it('turns astro check diagnostics into one-line problems and skips everything else', () => {
    const output = [
      '23:56:14 [check] Getting diagnostics for Astro files in /work/main...',
      '\u001b[36msrc/lib/factors.ts\u001b[0m:12:5 - \u001b[31merror\u001b[0m ts(2322): Type \'string\' is not assignable to type \'number\'.',
      '',
      '12   const x: number = "a";',
      'src/pages/index.astro:3:1 - warning ts(6133): \'unused\' is declared but its value is never read.',
      'Result (71 files):',
      '- 1 error',
    ].join('\n');
    expect(parseAstroCheck(output).map(formatProblem)).toEqual([
      "src/lib/factors.ts:12:5  types/ts2322  Type 'string' is not assignable to type 'number'.",
      "src/pages/index.astro:3:1  types/ts6133  warning: 'unused' is declared but its value is never read.",
    ]);
  });
});
