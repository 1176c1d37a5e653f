import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from '../fuzz/generators';

/*
 * Property-based: generated hostile Markdown, MDX and YAML (deep nesting by markers and by indentation, long runs
 * of brackets, wide tables, control characters, random bytes) and generated contributions that look like real ones,
 * fed to the checks (test/fuzz/generators.ts). Whatever comes in, a check returns problems (it never throws) and
 * stays under a time budget per file. Each property runs for a bounded time (interruptAfterTimeLimit), so the whole
 * file stays within a few seconds of `npm test`. A longer run, with real builds of what the checks accept, is
 * `npm run fuzz` (test/fuzz/fuzz.ts).
 */

/** How many inputs each property tries at most, and for how long. */
const RUNS = 150;
const TIME_LIMIT_MS = 500;

describe('the checks, fed generated input', { timeout: TIME_LIMIT_MS + 20_000 }, () => {
  for (const [name, property] of Object.entries(PROPERTIES)) {
    it(name, () => {
      fc.assert(property, { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS });
    });
  }
});
