import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/checks/run';
import type { Problem } from '../../src/lib/problem';
import { renderInline } from '../../src/lib/tree/inline';
import { readTreeFile } from '../../src/lib/tree/load';
import { readScenarioFile } from '../../src/lib/tree/scenarios';
import { ROOT } from '../helpers/build';

/*
 * Property-based: generated hostile Markdown, MDX and YAML (deep nesting by markers and by indentation, long runs
 * of brackets, wide tables, control characters, random bytes) fed to the checks. Whatever comes in, a check
 * returns problems (it never throws) and stays under a time budget per file. Each property runs for a bounded
 * time (interruptAfterTimeLimit), so the whole file stays within a few seconds of `npm test`; a longer run is
 * `VAG_PROPERTY_RUNS=2000 npx vitest run --project unit test/unit/check-properties.test.ts`.
 */

const BASIC = join(ROOT, 'test/fixtures/basic/content');
const BETA = readFileSync(join(BASIC, 'factors/kms/beta-con.mdx'), 'utf8');
const TREE = readFileSync(join(BASIC, 'decision-tree.yaml'), 'utf8');
const SCENARIO = readFileSync(join(BASIC, 'scenarios/small-site.yaml'), 'utf8');
const FILE = 'content/factors/kms/beta-con.mdx';

/** Most time one file may take in one check, in milliseconds: generous, for a loaded 2-core machine. */
const BUDGET_MS = 1_500;
/** How many inputs each property tries at most, and for how long. */
const RUNS = Number(process.env.VAG_PROPERTY_RUNS ?? 150);
const TIME_LIMIT_MS = process.env.VAG_PROPERTY_RUNS ? 120_000 : 700;

/** Runs `check` on `input`: it must return (never throw) within the budget. */
function withinBudget<T>(check: () => T): T {
  const start = performance.now();
  const result = check();
  const took = performance.now() - start;
  expect(took, `took ${took.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  return result;
}

/** Every problem is a well-formed one: a file, a rule, a message, and a position that is a positive number if any. */
function wellFormed(problems: readonly Problem[]): void {
  for (const problem of problems) {
    expect(typeof problem.file).toBe('string');
    expect(problem.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
    expect(problem.message.length).toBeGreaterThan(0);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
  }
}

const repeat = (unit: string, max: number) => fc.integer({ min: 1, max }).map((count) => unit.repeat(count));

/** Pieces of hostile Markdown and MDX. */
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  repeat('[', 5_000),
  repeat('](', 5_000),
  repeat('[a](', 2_000),
  repeat('> ', 400),
  repeat('- ', 400),
  repeat('<div>', 300),
  repeat('{', 300),
  repeat('*_', 2_000),
  repeat('`', 2_000),
  fc.integer({ min: 1, max: 300 }).map((depth) => Array.from({ length: depth }, (_, level) => `${' '.repeat(2 * level)}- item`).join('\n')),
  fc.integer({ min: 1, max: 300 }).map((depth) => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}1. item`).join('\n')),
  fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }))
    .map(([columns, rows]) => `| ${'h | '.repeat(columns)}\n|${' - |'.repeat(columns)}\n${'|\n'.repeat(rows)}`),
  fc.constantFrom('[x]: //evil.example/', '[x]: \\\\evil', '![x](../../x.png)', '## Sources', '<script>', '{1+1}', 'import x from "y"', '\u202e', '\u0000', '\ufeff', '\u200b'),
);

const article = fc.array(fragment, { maxLength: 8 }).map((pieces) => `${BETA}\n${pieces.join('\n')}\n`);

/** YAML scalars to put into the tree and a scenario, and raw text to put between their lines. */
const yamlText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  repeat('[', 3_000),
  repeat('](', 3_000),
  repeat('](/', 1_000),
  fc.constantFrom('!!js/function "f"', '!!binary aGk=', '*a', '&a [1]', '"\u202e"', '"\u0000"', '{ a: [[[[[[[[ ] }', '|\n  x'),
);

describe('the checks, fed generated hostile input', { timeout: TIME_LIMIT_MS + 20_000 }, () => {
  it('an article check never throws and stays within its time budget', () => {
    fc.assert(
      fc.property(article, (text) => {
        wellFormed(withinBudget(() => checkArticle(FILE, text)));
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('an article of random bytes is refused or read, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
        wellFormed(withinBudget(() => checkArticle(FILE, Buffer.concat([Buffer.from(BETA), bytes]))));
        wellFormed(withinBudget(() => checkArticle(FILE, bytes)));
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('the tree reader never throws and stays within its time budget', () => {
    fc.assert(
      fc.property(yamlText, fc.constantFrom('label: "Many"', 'question: "How many machines?"', '- id: network'), (value, place) => {
        const key = place.startsWith('- ') ? '- id' : place.split(':')[0]!;
        const text = TREE.replace(place, `${key}: ${value}`);
        wellFormed(withinBudget(() => readTreeFile('tree.yaml', text)).problems);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('the tree and scenario readers take random bytes without a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
        wellFormed(withinBudget(() => readTreeFile('tree.yaml', bytes)).problems);
        wellFormed(withinBudget(() => readScenarioFile('s.yaml', bytes)).problems);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('the scenario reader never throws and stays within its time budget', () => {
    fc.assert(
      fc.property(yamlText, fc.constantFrom('sites: "One office"', 'outcome: use-mak', 'path: [few]'), (value, place) => {
        const text = SCENARIO.replace(place, `${place.split(':')[0]}: ${value}`);
        wellFormed(withinBudget(() => readScenarioFile('s.yaml', text)).problems);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('the inline renderer of tree texts never throws, stays within its budget and lets no markup through', () => {
    fc.assert(
      fc.property(fc.array(yamlText, { maxLength: 4 }), (pieces) => {
        const html = withinBudget(() => renderInline(pieces.join(' ')));
        // Only the renderer's own elements: code and links.
        expect(html.replace(/<\/?code>|<a href="[^"<>]*">|<\/a>/g, '')).not.toMatch(/[<>]/);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});
