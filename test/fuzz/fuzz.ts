/**
 * `npm run fuzz [-- --duration 600] [--builds 20] [--seed 42]`: the property-based generators of
 * test/fuzz/generators.ts run for longer than `npm test` runs them, then, for a sample of generated contributions
 * the checks accept, a real build of a tiny site (the basic fixture with the contributions laid over it) must
 * accept them too: whatever `npm run check` accepts, `npm run build` accepts. Bounded in time by `--duration`
 * (seconds, 300 by default): about a third for the properties, the rest for builds (each takes half a minute or
 * more). A failure prints the input, keeps the content folder under test/.output/fuzz/failures/ and exits with 1.
 * It builds with the project's .astro/ folder, as the build tests do: run it when no other build runs.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkContentFolder } from '../../src/lib/checks/run';
import { formatReport, type Problem } from '../../src/lib/problem';
import { buildSite, ROOT } from '../helpers/build';
import { BASIC, contribution, GUIDE_FRONTMATTER, PROPERTIES, scenarioWhy, treeLinks, withTreeLinks, withWhy } from './generators';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    builds: { type: 'string', default: '1000' },
    seed: { type: 'string' },
  },
});
const durationMs = Number(values.duration) * 1000;
const maxBuilds = Number(values.builds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!(durationMs > 0) || !(maxBuilds >= 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--duration <seconds>] [--builds <most builds>] [--seed <integer>]');
  process.exit(2);
}
const deadline = Date.now() + durationMs;
console.log(`fuzz: ${values.duration} s, seed ${seed} (repeat a run with --seed ${seed})`);

// 1. The properties, for about a third of the time.
const perProperty = Math.max(1_000, durationMs / 3 / Object.keys(PROPERTIES).length);
for (const [name, property] of Object.entries(PROPERTIES)) {
  const details = fc.check(property, { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: perProperty, seed });
  if (details.failed) {
    // The reason first: a counterexample can be thousands of characters long.
    console.error(`✗ ${name}: ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`);
    console.error((fc.defaultReportMessage(details) ?? '').slice(0, 4_000));
    process.exit(1);
  }
  console.log(`✓ ${name}: ${details.numRuns} inputs`);
}

// 2. Real builds of what the checks accept, until the time is up.
/** Where the generated content and the kept failures go; the builds go to test/.output/fuzz-build/ (buildSite empties it). */
const OUTPUT = join(ROOT, 'test/.output/fuzz');
const site = fc.record({ guides: fc.array(contribution, { minLength: 1, maxLength: 4 }), why: scenarioWhy, tree: treeLinks });
type Site = typeof site extends fc.Arbitrary<infer T> ? T : never;

/** Lay a generated site over the basic fixture, leaving out the guides in `dropped` and the tree or scenario if `keep` says so. */
function write(dir: string, generated: Site, dropped: ReadonlySet<number>, keep: { tree: boolean; scenario: boolean }): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(BASIC, dir, { recursive: true });
  mkdirSync(join(dir, 'images'));
  generated.guides.forEach((guide, index) => {
    if (dropped.has(index)) return;
    writeFileSync(join(dir, `images/image-${index}.png`), guide.image);
    const body = guide.blocks.join('\n\n').replaceAll('../images/image.png', `../images/image-${index}.png`);
    writeFileSync(join(dir, `guides/fuzz-${index}.mdx`), `${GUIDE_FRONTMATTER(`Fuzz ${index}`)}\n${body || 'Text.'}\n`);
  });
  if (keep.scenario) writeFileSync(join(dir, 'scenarios/small-site.yaml'), withWhy(generated.why));
  if (keep.tree) writeFileSync(join(dir, 'decision-tree.yaml'), withTreeLinks(generated.tree));
}

/**
 * The generated site with what the checks refuse left out (a refused guide dropped, a refused tree or scenario
 * change undone), so that most samples still build something new; undefined when nothing generated is left.
 */
function accepted(dir: string, generated: Site): { dropped: Set<number>; keep: { tree: boolean; scenario: boolean }; refused: Problem[] } | undefined {
  const dropped = new Set<number>();
  const keep = { tree: true, scenario: true };
  const refused: Problem[] = [];
  for (;;) {
    write(dir, generated, dropped, keep);
    const problems = checkContentFolder(ROOT, dir);
    if (!problems.length) return dropped.size === generated.guides.length && !keep.tree && !keep.scenario ? undefined : { dropped, keep, refused };
    refused.push(...problems);
    const shown = relative(ROOT, dir);
    const before = dropped.size + Number(keep.tree) + Number(keep.scenario);
    for (const problem of problems) {
      const guide = /guides\/fuzz-(\d+)\.mdx/.exec(problem.file);
      if (guide) dropped.add(Number(guide[1]));
      else if (problem.file === `${shown}/decision-tree.yaml`) keep.tree = false;
      else if (problem.file === `${shown}/scenarios/small-site.yaml`) keep.scenario = false;
      // A problem elsewhere (a link to a dropped guide, say): drop every guide and undo both changes.
      else {
        generated.guides.forEach((_, index) => dropped.add(index));
        keep.tree = keep.scenario = false;
      }
    }
    if (dropped.size + Number(keep.tree) + Number(keep.scenario) === before) return undefined;
  }
}

const content = join(OUTPUT, 'content');
let builds = 0;
let refusedCount = 0;
for (let sample = 0; builds < maxBuilds && Date.now() < deadline; sample++) {
  const [generated] = fc.sample(site, { seed: seed + sample, numRuns: 1 });
  const verdict = accepted(content, generated!);
  refusedCount += verdict?.refused.length ?? 0;
  if (!verdict) continue;
  builds++;
  const result = buildSite('fuzz-build', relative(ROOT, content));
  const warned = /could not optimize image/.test(result.output);
  if (result.status !== 0 || warned) {
    const kept = join(OUTPUT, 'failures', `seed-${seed}-sample-${sample}`);
    rmSync(kept, { recursive: true, force: true });
    cpSync(content, kept, { recursive: true });
    console.error(`✗ the checks accepted what the build ${warned ? 'could not decode' : 'refused'} (sample ${sample}); the content is in ${relative(ROOT, kept)}`);
    console.error(result.output.split('\n').slice(-40).join('\n'));
    process.exit(1);
  }
  console.log(`✓ build ${builds} (sample ${sample}): ${generated!.guides.length - verdict.dropped.size} generated guides${verdict.keep.tree ? ', tree links' : ''}${verdict.keep.scenario ? ', scenario links' : ''}; the build accepted them`);
  if (verdict.refused.length && process.env.VAG_FUZZ_VERBOSE) console.log(formatReport(verdict.refused));
}
console.log(`fuzz passed: ${builds} builds, ${refusedCount} problems the checks found in generated content on the way (seed ${seed})`);
