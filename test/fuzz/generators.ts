import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkArticle } from '../../src/lib/checks/run';
import type { Problem } from '../../src/lib/problem';
import { renderInline } from '../../src/lib/tree/inline';
import { readTreeFile } from '../../src/lib/tree/load';
import { readScenarioFile } from '../../src/lib/tree/scenarios';
import { ROOT } from '../helpers/build';

/*
 * Generated content for the checks, shared by the property test of `npm test` (test/unit/check-properties.test.ts,
 * a few seconds) and `npm run fuzz` (test/fuzz/fuzz.ts, as long as asked, with real builds). Two kinds:
 * - hostile input (deep nesting by markers and by indentation, long runs of brackets, wide tables, control
 *   characters, random bytes), which the checks must refuse or accept without throwing and within a time budget;
 * - contributions that look like real ones (headings, links to the site's pages with and without fragments,
 *   footnotes, the allowed HTML, images good and damaged, scenario texts and tree links), which the checks accept
 *   or refuse and which, when accepted, the build must accept too.
 */

export const BASIC = join(ROOT, 'test/fixtures/basic/content');
export const BETA = readFileSync(join(BASIC, 'factors/kms/beta-con.mdx'), 'utf8');
export const TREE = readFileSync(join(BASIC, 'decision-tree.yaml'), 'utf8');
export const SCENARIO = readFileSync(join(BASIC, 'scenarios/small-site.yaml'), 'utf8');
export const FILE = 'content/factors/kms/beta-con.mdx';

/** Most time one file may take in one check, in milliseconds: generous, for a loaded 2-core machine. */
export const BUDGET_MS = 1_500;

/** Runs `check`: it must return (never throw) within the budget. */
export function withinBudget<T>(check: () => T): T {
  const start = performance.now();
  const result = check();
  const took = performance.now() - start;
  if (took >= BUDGET_MS) throw new Error(`took ${took.toFixed(0)} ms, over the budget of ${BUDGET_MS} ms`);
  return result;
}

/** Every problem is a well-formed one: a file, a rule, a message, and a position that is a positive number if any. */
export function wellFormed(problems: readonly Problem[]): void {
  for (const problem of problems) {
    if (typeof problem.file !== 'string') throw new Error(`a problem without a file: ${JSON.stringify(problem)}`);
    if (!/^[a-z]+\/[a-z-]+$/.test(problem.rule)) throw new Error(`a rule id that is not "kind/name": ${problem.rule}`);
    if (!problem.message) throw new Error(`a problem without a message: ${JSON.stringify(problem)}`);
    if (problem.line !== undefined && !(problem.line >= 1)) throw new Error(`a line that is not a positive number: ${JSON.stringify(problem)}`);
  }
}

const repeat = (unit: string, max: number) => fc.integer({ min: 1, max }).map((count) => unit.repeat(count));

/** Pieces of hostile Markdown and MDX. */
const hostileFragment = fc.oneof(
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

/** The basic fixture's factor with hostile pieces after it. */
export const hostileArticle = fc.array(hostileFragment, { maxLength: 8 }).map((pieces) => `${BETA}\n${pieces.join('\n')}\n`);

/** YAML scalars to put into the tree and a scenario, and raw text to put between their lines. */
export const yamlText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  repeat('[', 3_000),
  repeat('](', 3_000),
  repeat('](/', 1_000),
  fc.constantFrom('!!js/function "f"', '!!binary aGk=', '*a', '&a [1]', '"\u202e"', '"\u0000"', '{ a: [[[[[[[[ ] }', '|\n  x'),
);

// Contributions that look like real ones.

/** A guide's frontmatter; a generated article is a guide, which the tree need not cite. */
export const GUIDE_FRONTMATTER = (title: string) => `---
title: "${title}"
summary: "A generated guide."
order: 9
sources:
  - title: "Plan for volume activation"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client"
reviewed: 2026-01-15
---
`;

const word = fc.constantFrom('KMS', 'host', 'activation', 'renewal', 'DNS', 'key', 'Office', 'site', 'count', 'slmgr', 'café', 'naïve', 'Ünïcode', '1688', 'x');
/** Text with the characters Markdown and MDX treat specially, escaped as a writer would. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('`slmgr /skms <host>`', '\\<host\\>', '&amp;', 'a & b', '*stress*', '__strong__', '~~gone~~', 'a\\*b', '50 %', '"quoted"', "it's", 'C:\\Windows', '`{x}`', '[not a link]', 'a | b') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((value) => !/[<>{}[\]\\`*_~|#&!]/.test(value)) },
);

/** The pages of the fixture site, and ids on them: some there, some not. */
const page = fc.constantFrom('/', '/about/', '/compare/', '/decide/', '/decide/map/', '/guides/', '/guides/words/', '/factors/kms/alpha-pro/', '/factors/kms/beta-con/', '/factors/mak/gamma-pro/', '/scenarios/', '/scenarios/small-site/', '/tags/', '/tags/dns/', '/kms/', '/search/', '/decision-tree.json', '/decide/outcomes/use-mak/');
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom('#credits', '#sources', '#gvlk', '#main', '#site-menu', '#search-dialog', '#matrix-caption', '#what-it-means-in-practice', '#applies-to', '#correction', '#related', '#on-this-page', '#size', '#use-mak') },
  { weight: 1, arbitrary: fc.constantFrom('#no-such-section', '#GVLK', '#caf%C3%A9', '#%E0%A4%A', '#') },
);
export const siteLink = fc.tuple(page, fragment).map(([path, hash]) => `${path}${hash}`);

/** The images a generated article may point to, by name in the fixture's `images/` folder, with their bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');
export const imageBytes = fc.oneof(
  { weight: 3, arbitrary: fc.constant(PNG) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([PNG.subarray(0, 8), tail])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([PNG.subarray(0, 33), tail])) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 16 }).map((bytes) => { const copy = Buffer.from(PNG); copy.set(bytes, 33 + Math.floor(bytes[0]! % 20)); return copy; }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([Buffer.from('GIF89a', 'latin1'), tail])) },
);

/** One block of a generated article. `image.png` is the article's own image (see `contribution`). */
export const block: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('##', '###', '####'), text).map(([marks, title]) => `${marks} ${title}`),
  fc.tuple(text, text, siteLink, text).map(([before, label, url, after]) => `${before} [${label}](${url}) ${after}.`),
  fc.tuple(text, siteLink).map(([label, url]) => `See [${label}][ref].\n\n[ref]: ${url}`),
  fc.tuple(text, text).map(([body, note]) => `${body}[^n].\n\n[^n]: ${note}`),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `> ${line}`).join('\n')),
  fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }).map((rows) => `| A | B |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a.replace(/\|/g, '\\|')} | ${b.replace(/\|/g, '\\|')} |`).join('\n')}`),
  text.map((code) => `\`\`\`\n${code}\n\`\`\``),
  fc.tuple(text, word).map(([title, short]) => `<abbr title="${title.replace(/"/g, '')}">${short}</abbr> and <kbd>Ctrl</kbd>.`),
  fc.tuple(text, text).map(([summary, body]) => `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`),
  text.map((alt) => `![${alt.replace(/[[\]]/g, '')}](../images/image.png)`),
  fc.constant('<https://learn.microsoft.com/> and https://learn.microsoft.com/windows/'),
  fc.constant('***'),
  text,
);

/** A generated guide: its body, and the bytes of the image it may show. */
export const contribution = fc.record({ blocks: fc.array(block, { maxLength: 8 }), image: imageBytes });

/** A scenario's `why` with site links in it, as a literal block. */
export const scenarioWhy = fc.array(fc.tuple(text, text, siteLink), { minLength: 1, maxLength: 3 }).map((paragraphs) =>
  `why: |\n${paragraphs.map(([before, label, url]) => `  ${before} [${label}](${url}).`).join('\n\n')}\n`,
);

/** A link in the tree's help text and an outcome's next step. */
export const treeLinks = fc.record({ help: siteLink, nextStep: siteLink });

/** The basic fixture's scenario with another `why`. */
export function withWhy(why: string): string {
  return SCENARIO.replace(/why: \|\n[\s\S]*?\nreviewed/, `${why}reviewed`);
}

/** The basic fixture's tree with other links in its first help text and first next step. */
export function withTreeLinks({ help, nextStep }: { help: string; nextStep: string }): string {
  return TREE.replace('(/guides/words/#gvlk)', `(${help})`).replace('href: /guides/words/', `href: ${JSON.stringify(nextStep)}`);
}

/** The checks' properties: each throws when a check throws, goes over its budget or reports badly. */
export const PROPERTIES: Readonly<Record<string, fc.IProperty<unknown[]>>> = {
  'an article check never throws and stays within its time budget': fc.property(hostileArticle, (text) => {
    wellFormed(withinBudget(() => checkArticle(FILE, text)));
  }),
  'an article of random bytes is refused or read, never a crash': fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
    wellFormed(withinBudget(() => checkArticle(FILE, Buffer.concat([Buffer.from(BETA), bytes]))));
    wellFormed(withinBudget(() => checkArticle(FILE, bytes)));
  }),
  'the tree reader never throws and stays within its time budget': fc.property(yamlText, fc.constantFrom('label: "Many"', 'question: "How many machines?"', '- id: network'), (value, place) => {
    const key = place.startsWith('- ') ? '- id' : place.split(':')[0]!;
    wellFormed(withinBudget(() => readTreeFile('tree.yaml', TREE.replace(place, `${key}: ${value}`))).problems);
  }),
  'the tree and scenario readers take random bytes without a crash': fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
    wellFormed(withinBudget(() => readTreeFile('tree.yaml', bytes)).problems);
    wellFormed(withinBudget(() => readScenarioFile('s.yaml', bytes)).problems);
  }),
  'the scenario reader never throws and stays within its time budget': fc.property(yamlText, fc.constantFrom('sites: "One office"', 'outcome: use-mak', 'path: [few]'), (value, place) => {
    wellFormed(withinBudget(() => readScenarioFile('s.yaml', SCENARIO.replace(place, `${place.split(':')[0]}: ${value}`))).problems);
  }),
  'the inline renderer of tree texts never throws, stays within its budget and lets no markup through': fc.property(fc.array(yamlText, { maxLength: 4 }), (pieces) => {
    const html = withinBudget(() => renderInline(pieces.join(' ')));
    // Only the renderer's own elements: code and links.
    if (/[<>]/.test(html.replace(/<\/?code>|<a href="[^"<>]*">|<\/a>/g, ''))) throw new Error(`markup got through: ${html.slice(0, 200)}`);
  }),
  'a contribution that looks like a real one is checked without a throw, within its budget': fc.property(fc.array(fc.oneof(block, hostileFragment), { maxLength: 8 }), (blocks) => {
    wellFormed(withinBudget(() => checkArticle('content/guides/fuzz.mdx', `${GUIDE_FRONTMATTER('Fuzz')}\n${blocks.join('\n\n')}\n`)));
  }),
};
