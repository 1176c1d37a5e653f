/**
 * `npm run bench`: how the full build (`npm run build`: content checks, tree
 * linking, pages, search index, service worker, link check) scales with the
 * number of articles, against a plain Astro 7 project that builds the same MDX
 * files with the same Markdown pipeline and one minimal page per entry.
 *
 * For each size it generates synthetic factor articles (all methods, both
 * stances, tags from the taxonomy, ~250 words with headings and internal
 * links), a guide and a decision tree that cites every factor, under
 * test/.output/bench/, builds both projects cold under `/usr/bin/time -v` while
 * sampling the memory of the whole process tree, and writes the table to
 * BENCHMARKS.md between the `bench` markers.
 *
 *   npm run bench                               # 100, 1,000 and 5,000 articles, the fastest of 3 runs each
 *   npm run bench -- --sizes 100,1000 --runs 1  # one run per size
 *   npm run bench -- --keep                     # keep the generated projects afterwards
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { METHOD_IDS, METHODS, WEIGHING_STANCES, TAG_IDS, TAGS, type Method, type Stance, type Tag } from '../lib/taxonomy';
import { replaceSection } from '../lib/benchmarks-file';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, 'test/.output/bench');
const PLAIN_DIR = join(BENCH_DIR, 'plain');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- synthetic content

/** A small deterministic random number generator (mulberry32), so every run builds the same content. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['clients', 'hosts', 'branch sites', 'laptops', 'virtual machines', 'lab images', 'servers', 'Office installs', 'domain controllers', 'isolated networks'];
const VERBS = ['renew', 'activate', 'report', 'reconnect', 'count', 'fail over', 'reinstall', 'migrate', 'roll back', 'check in'];
const DETAILS = [
  'every 7 days',
  'within the 180-day window',
  'before the grace period ends',
  'once the threshold of 25 is met',
  'through the `_vlmcs._tcp` SRV record',
  'with `slmgr /ato`',
  'once `slmgr /skms <host>:<port>` points them at a host',
  'over TCP 1688',
  'through VAMT',
  'after a hardware change',
  'when the image is captured',
];
const SENTENCES = [
  (s: string, v: string, d: string) => `In most estates the ${s} ${v} ${d}, and nobody notices until a change breaks it.`,
  (s: string, v: string, d: string) => `Administrators planning for ${s} should expect them to ${v} ${d}.`,
  (s: string, v: string, d: string) => `Microsoft's documentation says that ${s} ${v} ${d}; the event log records each attempt.`,
  (s: string, v: string, d: string) => `When ${s} cannot ${v} ${d}, the error codes in the troubleshooting guide tell you where to look.`,
  (s: string, v: string, d: string) => `A pilot with a handful of ${s} shows quickly whether they ${v} ${d} as planned.`,
  (s: string, v: string, d: string) => `Monitoring tools can alert when ${s} stop trying to ${v} ${d}.`,
  (s: string, v: string, d: string) => `Budget time for ${s} that ${v} ${d} during the first weeks of a rollout.`,
  (s: string, v: string, d: string) => `Documented procedures help new staff understand why ${s} ${v} ${d}.`,
];

export interface SyntheticFactor {
  id: string;
  method: Method;
  stance: Stance;
  tags: Tag[];
  title: string;
}

/** The factor list for `count` articles: methods in turn, stances alternating, one to three tags each. */
export function syntheticFactors(count: number): SyntheticFactor[] {
  const next = random(count);
  return Array.from({ length: count }, (_, index) => {
    const method = METHOD_IDS[index % METHOD_IDS.length]!;
    const stance = WEIGHING_STANCES[Math.floor(index / METHOD_IDS.length) % WEIGHING_STANCES.length]!;
    const tags = new Set<Tag>();
    const wanted = 1 + Math.floor(next() * 3);
    while (tags.size < wanted) tags.add(TAG_IDS[Math.floor(next() * TAG_IDS.length)]!);
    const subject = SUBJECTS[index % SUBJECTS.length]!;
    const verb = VERBS[Math.floor(index / SUBJECTS.length) % VERBS.length]!;
    const number = String(index + 1).padStart(5, '0');
    return {
      id: `${method}/${stance}-${subject.replace(/\s+/g, '-').toLowerCase()}-${number}`,
      method,
      stance,
      tags: [...tags],
      title: `${METHODS[method].label}: ${subject} ${verb} ${stance === 'pro' ? 'without extra work' : 'only with extra care'} (${number})`,
    };
  });
}

/** The tree question that stands for a tag; each factor bears on the question of its first tag. */
const questionId = (tag: Tag) => `topic-${tag}`;
const answerFor = (stance: Stance) => (stance === 'pro' ? 'helps' : 'hurts');

function factorFile(factor: SyntheticFactor, factors: readonly SyntheticFactor[], index: number, next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => pick(SENTENCES)(pick(SUBJECTS), pick(VERBS), pick(DETAILS))).join(' ');
  const linked = [factors[(index + 1) % factors.length]!, factors[(index * 7 + 3) % factors.length]!, factors[(index * 13 + 5) % factors.length]!];
  const [first, second, third] = linked;
  return `---
title: "${factor.title}"
summary: "A synthetic ${factor.stance} of ${METHODS[factor.method].label} about ${factor.tags.join(', ')}, generated for the build benchmark."
method: ${factor.method}
stance: ${factor.stance}
tags: [${factor.tags.join(', ')}]
appliesTo:
  - "Windows 10 and 11"
  - "Windows Server 2016 to 2025"
sources:
  - title: "Plan for volume activation"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client"
  - title: "Key Management Services (KMS) activation planning"
    url: "https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning"
reviewed: 2025-06-01
decides: [${questionId(factor.tags[0]!)}/${answerFor(factor.stance)}]
---

${paragraph(4)} Compare it with [${first!.title}](/factors/${first!.id}/).

${paragraph(3)}

## What it means in practice

${paragraph(3)} The [overview guide](/guides/bench-overview/#how-the-methods-differ) puts it in context.

- ${pick(SENTENCES)(pick(SUBJECTS), pick(VERBS), pick(DETAILS))}
- ${pick(SENTENCES)(pick(SUBJECTS), pick(VERBS), pick(DETAILS))}
- See also [${second!.title}](/factors/${second!.id}/#what-to-do).

## What to do

${paragraph(2)} Before you decide, read [${third!.title}](/factors/${third!.id}/#what-it-means-in-practice).
`;
}

function guideFile(factors: readonly SyntheticFactor[]): string {
  const examples = METHOD_IDS.map((method) => factors.find((factor) => factor.method === method)!).filter(Boolean);
  return `---
title: "Benchmark overview"
summary: "A synthetic guide that links into the generated articles, for the build benchmark."
order: 1
sources:
  - title: "Plan for volume activation"
    url: "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client"
reviewed: 2025-06-01
---

This guide exists so that the benchmark builds a guide page too. Each method has its own trade-offs, listed on its page.

## How the methods differ

${examples.map((factor) => `- ${METHODS[factor.method].name}: for example [${factor.title}](/factors/${factor.id}/).`).join('\n')}

## Where to start

Answer the questions of the [decision tree](/decide/) or browse [the topics](/tags/).
`;
}

/**
 * The tree: a chain of one question per tag in use (each factor decides an
 * answer of its first tag's question through `decides`; "hurts" ends at an
 * outcome, so the paths stay few), then a question whose answers cite a tag
 * query per method and stance, then one outcome per method citing a pro and a
 * con of it by id.
 */
function treeFile(factors: readonly SyntheticFactor[]): string {
  const tags = TAG_IDS.filter((tag) => factors.some((factor) => factor.tags[0] === tag));
  const lines: string[] = ['# Generated by src/cli/bench.ts for the build benchmark.', ''];
  tags.forEach((tag, index) => {
    const next = index + 1 < tags.length ? questionId(tags[index + 1]!) : 'method';
    lines.push(
      `- id: ${questionId(tag)}`,
      '  type: question',
      `  question: "Does ${TAGS[tag].label.toLowerCase()} matter in this part of the network?"`,
      `  help: "See [the topic page](/tags/${tag}/) for every article on it."`,
      '  answers:',
      `    - { id: helps, label: "It speaks for the method", next: ${next} }`,
      `    - { id: hurts, label: "It speaks against the method", next: use-${METHOD_IDS[index % METHOD_IDS.length]} }`,
      '',
    );
  });
  lines.push('- id: method', '  type: question', '  question: "Which method do you lean towards?"', '  answers:');
  for (const method of METHOD_IDS) {
    lines.push(`    - id: lean-${method}`, `      label: "${METHODS[method].label}"`, `      next: use-${method}`, '      cites:');
    for (const stance of WEIGHING_STANCES) if (factors.some((f) => f.method === method && f.stance === stance)) lines.push(`        - { method: ${method}, stance: ${stance} }`);
  }
  lines.push('');
  for (const method of METHOD_IDS) {
    const pro = factors.find((factor) => factor.method === method && factor.stance === 'pro');
    const con = factors.find((factor) => factor.method === method && factor.stance === 'con');
    lines.push(
      `- id: use-${method}`,
      '  type: outcome',
      `  title: "Use ${METHODS[method].label}"`,
      `  recommends: [${method}]`,
      `  rationale: "A synthetic recommendation of ${METHODS[method].name}."`,
      '  nextSteps:',
      `    - { label: "All ${METHODS[method].label} pros and cons", href: /${method}/ }`,
      `  cites: [${[pro, con].filter(Boolean).map((factor) => factor!.id).join(', ')}]`,
      '',
    );
  }
  return lines.join('\n');
}

/** Write `count` articles, a guide and a tree into `dir` (which is emptied first). */
export function writeSyntheticContent(dir: string, count: number): void {
  if (count < 2 * METHOD_IDS.length * WEIGHING_STANCES.length) throw new Error(`use at least ${2 * METHOD_IDS.length * WEIGHING_STANCES.length} articles`);
  rmSync(dir, { recursive: true, force: true });
  const factors = syntheticFactors(count);
  const next = random(count * 31 + 7);
  for (const method of METHOD_IDS) mkdirSync(join(dir, 'factors', method), { recursive: true });
  mkdirSync(join(dir, 'guides'), { recursive: true });
  factors.forEach((factor, index) => writeFileSync(join(dir, 'factors', `${factor.id}.mdx`), factorFile(factor, factors, index, next)));
  writeFileSync(join(dir, 'guides', 'bench-overview.mdx'), guideFile(factors));
  writeFileSync(join(dir, 'decision-tree.yaml'), treeFile(factors));
}

// ---------------------------------------------------------------- the plain baseline

/** A minimal Astro project: the same MDX files and Markdown pipeline, a permissive schema, one page per entry. */
function writePlainProject(): void {
  rmSync(join(PLAIN_DIR, 'src'), { recursive: true, force: true });
  mkdirSync(join(PLAIN_DIR, 'src/pages'), { recursive: true });
  writeFileSync(
    join(PLAIN_DIR, 'package.json'),
    `${JSON.stringify({ name: 'bench-plain', private: true, type: 'module', scripts: { build: 'astro build' } }, null, 2)}\n`,
  );
  writeFileSync(
    join(PLAIN_DIR, 'astro.config.mjs'),
    `// Generated by src/cli/bench.ts: the plain baseline. node_modules resolve from the repository above.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.BENCH_OUT_DIR,
  cacheDir: process.env.BENCH_CACHE_DIR,
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [mdx()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`,
  );
  writeFileSync(
    join(PLAIN_DIR, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const content = process.env.BENCH_CONTENT_DIR!;
const permissive = z.looseObject({ title: z.string() });

export const collections = {
  factors: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: \`\${content}/factors\` }), schema: permissive }),
  guides: defineCollection({ loader: glob({ pattern: '*.mdx', base: \`\${content}/guides\` }), schema: permissive }),
};
`,
  );
  writeFileSync(
    join(PLAIN_DIR, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const factors = (await getCollection('factors')).map((entry) => ({ params: { slug: \`factors/\${entry.id}\` }, props: { entry } }));
  const guides = (await getCollection('guides')).map((entry) => ({ params: { slug: \`guides/\${entry.id}\` }, props: { entry } }));
  return [...factors, ...guides];
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content /></body>
</html>
`,
  );
}

// ---------------------------------------------------------------- measuring

export interface Measurement {
  /** Wall time in seconds. */
  seconds: number;
  /** Peak memory of the process tree in MiB (see BENCHMARKS.md for how it is measured). */
  peakMiB: number;
  /** Largest single-process maximum RSS reported by /usr/bin/time, MiB (0 without it). */
  maxProcessMiB: number;
  /** Highest sum of the RSS of every process in the tree, sampled, MiB. */
  treeMiB: number;
  status: number | null;
  output: string;
}

/** Process group of the build being measured, if any. */
let running: number | undefined;

/** On Ctrl+C or a kill, stop the build being measured too. */
function stopBuildsOnSignal(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (running) {
        try {
          process.kill(-running, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      process.exit(130);
    });
  }
}

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Run a command and sample its process tree every 100 ms: the highest summed RSS, and each process's VmHWM. */
function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measurement> {
  const useTime = existsSync(TIME);
  const timeFile = join(BENCH_DIR, `time-${process.pid}.txt`);
  const [file, argv] = useTime ? [TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    // In its own process group, so that an interrupted benchmark stops the whole build with it.
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running = child.pid;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let treeKb = 0;
    const hwm = new Map<number, number>();
    const sample = () => {
      const parentOf = parents();
      const tree = new Set<number>([child.pid!]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const [pid, ppid] of parentOf) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
      }
      let sum = 0;
      for (const pid of tree) {
        sum += statusKb(pid, 'VmRSS');
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, 'VmHWM')));
      }
      treeKb = Math.max(treeKb, sum);
    };
    const timer = setInterval(sample, 100);
    child.on('error', fail);
    child.on('close', (status) => {
      clearInterval(timer);
      running = undefined;
      const seconds = (performance.now() - started) / 1000;
      let maxProcessKb = Math.max(0, ...hwm.values());
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        maxProcessKb = Math.max(maxProcessKb, Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0));
        rmSync(timeFile, { force: true });
      }
      const mib = (kb: number) => kb / 1024;
      done({
        seconds,
        peakMiB: mib(Math.max(treeKb, maxProcessKb)),
        maxProcessMiB: mib(maxProcessKb),
        treeMiB: mib(treeKb),
        status,
        output,
      });
    });
  });
}

/** Busy share of all cores over `ms` milliseconds, from /proc/stat (0 when it cannot be read). */
async function busyShare(ms = 1000): Promise<number> {
  const read = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  try {
    const before = read();
    await new Promise((done) => setTimeout(done, ms));
    const after = read();
    return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  } catch {
    return 0;
  }
}

/**
 * Other work on the machine (another build, a browser test) slows a build down
 * and makes the numbers noise: wait, up to `maxSeconds`, for the cores to be
 * nearly idle. Returns false when they never were.
 */
async function waitForIdle(maxSeconds: number): Promise<boolean> {
  const until = Date.now() + maxSeconds * 1000;
  let quietSeconds = 0;
  while (Date.now() < until) {
    quietSeconds = (await busyShare()) < 0.1 ? quietSeconds + 1 : 0;
    if (quietSeconds >= 3) return true;
  }
  return false;
}

/** `npm run build` of this site on a content folder, cold (fresh output and cache folders). */
function buildOurs(size: number): Promise<Measurement> {
  const dir = join(BENCH_DIR, String(size));
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  return measure('npm', ['run', 'build'], ROOT, {
    ...process.env,
    VAG_CONTENT_DIR: relative(ROOT, join(dir, 'content')),
    VAG_OUT_DIR: join(dir, 'dist'),
    VAG_CACHE_DIR: join(dir, 'cache'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
}

/** `npm run build` of the plain baseline on the same content folder, cold. */
function buildPlain(size: number): Promise<Measurement> {
  const dir = join(BENCH_DIR, String(size));
  rmSync(join(dir, 'plain-dist'), { recursive: true, force: true });
  rmSync(join(dir, 'plain-cache'), { recursive: true, force: true });
  rmSync(join(PLAIN_DIR, '.astro'), { recursive: true, force: true });
  return measure('npm', ['run', 'build'], PLAIN_DIR, {
    ...process.env,
    BENCH_CONTENT_DIR: join(dir, 'content'),
    BENCH_OUT_DIR: join(dir, 'plain-dist'),
    BENCH_CACHE_DIR: join(dir, 'plain-cache'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
}

/**
 * Several runs of one build as one: the fastest time (the least disturbed by
 * anything else on the machine) and the highest memory readings (the worst case).
 */
export function summarise(runs: readonly Measurement[]): Measurement {
  const fastest = runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
  const highest = (key: 'peakMiB' | 'maxProcessMiB' | 'treeMiB') => Math.max(...runs.map((run) => run[key]));
  return { ...fastest, peakMiB: highest('peakMiB'), maxProcessMiB: highest('maxProcessMiB'), treeMiB: highest('treeMiB') };
}

function failed(what: string, result: Measurement): never {
  console.error(result.output.split('\n').slice(-40).join('\n'));
  throw new Error(`${what} failed with exit code ${result.status}`);
}

// ---------------------------------------------------------------- report

export interface BenchRow {
  articles: number;
  ours: Measurement;
  plain: Measurement;
}

function machine(): string {
  const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (nproc; ${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node ${process.version}, Astro ${astro.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The benchmark section of BENCHMARKS.md: the table, the machine, and each target met or missed. */
export function benchSection(rows: readonly BenchRow[], runs: number, busyBuilds = 0): string {
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  const table = [
    '| articles | our time (s) | plain time (s) | ratio | our peak (MiB) | plain peak (MiB) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ articles, ours, plain }) =>
        `| ${articles.toLocaleString('en')} | ${fmt(ours.seconds)} | ${fmt(plain.seconds)} | ${fmt(ours.seconds / plain.seconds, 2)}× | ${fmt(ours.peakMiB, 0)} | ${fmt(plain.peakMiB, 0)} |`,
    ),
  ];
  const at = (articles: number) => rows.find((row) => row.articles === articles);
  const targets: string[] = [];
  const thousand = at(1000);
  if (thousand) {
    const ratio = thousand.ours.seconds / thousand.plain.seconds;
    targets.push(`- at most 1.25× plain at 1,000 articles: ${fmt(ratio, 2)}× — ${ratio <= 1.25 ? 'met' : 'missed'}`);
  }
  const five = at(5000);
  if (thousand && five) {
    const growth = five.ours.seconds / thousand.ours.seconds;
    const plainGrowth = five.plain.seconds / thousand.plain.seconds;
    // Linear: five times the articles take at most about five times as long (fixed start-up costs make it less).
    targets.push(
      `- time linear from 1,000 to 5,000 articles: ×${fmt(growth, 2)} for ×5 the articles (plain: ×${fmt(plainGrowth, 2)}) — ${growth <= 5.5 ? 'met' : 'missed'}`,
    );
  }
  if (five) targets.push(`- 5,000 articles within 3 GiB peak on ${cpus().length} cores: ${fmt(five.ours.peakMiB, 0)} MiB — ${five.ours.peakMiB <= 3072 ? 'met' : 'missed'}`);
  const detail = rows.map(
    ({ articles, ours, plain }) =>
      `| ${articles.toLocaleString('en')} | ${fmt(ours.maxProcessMiB, 0)} / ${fmt(ours.treeMiB, 0)} | ${fmt(plain.maxProcessMiB, 0)} / ${fmt(plain.treeMiB, 0)} |`,
  );
  return [
    `Machine: ${machine()}.`,
    `Cold builds (fresh output and cache folders), ${runs === 1 ? 'one run per size' : `${runs} runs per size: the fastest time, and the highest memory of any run`}, the plain build first in each run, each build started once the cores had been idle for 3 s${busyBuilds ? ` (except ${busyBuilds} build${busyBuilds === 1 ? '' : 's'}, started while other work kept the machine busy)` : ''}; generated by \`npm run bench\`.`,
    '',
    ...table,
    '',
    'Targets:',
    '',
    ...targets,
    '',
    'Peak memory is the larger of two readings: the largest single process (`/usr/bin/time -v`, maximum resident set size) and the highest sum of the resident memory of every process in the tree (`/proc/<pid>/status` VmRSS, sampled every 100 ms).',
    '',
    '| articles | ours: largest process / tree sum (MiB) | plain: largest process / tree sum (MiB) |',
    '| ---: | ---: | ---: |',
    ...detail,
  ].join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      runs: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      'idle-wait': { type: 'string', default: '120' },
    },
  });
  let busyBuilds = 0;
  const settle = async () => {
    if (await waitForIdle(Number(values['idle-wait']))) return;
    busyBuilds++;
    console.log('  (the machine stayed busy with other work; measuring anyway)');
  };
  stopBuildsOnSignal();
  const sizes = values.sizes.split(',').map((size) => Number(size.replace(/_/g, '')));
  const runs = Math.max(1, Number(values.runs));
  mkdirSync(BENCH_DIR, { recursive: true });
  writePlainProject();
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    console.log(`${size} articles: generating…`);
    writeSyntheticContent(join(BENCH_DIR, String(size), 'content'), size);
    const oursRuns: Measurement[] = [];
    const plainRuns: Measurement[] = [];
    for (let run = 1; run <= runs; run++) {
      await settle();
      const plain = await buildPlain(size);
      if (plain.status !== 0) failed(`the plain build of ${size} articles`, plain);
      console.log(`  plain build: ${plain.seconds.toFixed(1)} s, peak ${plain.peakMiB.toFixed(0)} MiB`);
      await settle();
      const ours = await buildOurs(size);
      if (ours.status !== 0) failed(`our build of ${size} articles`, ours);
      console.log(`  our build:   ${ours.seconds.toFixed(1)} s, peak ${ours.peakMiB.toFixed(0)} MiB`);
      plainRuns.push(plain);
      oursRuns.push(ours);
    }
    rows.push({ articles: size, ours: summarise(oursRuns), plain: summarise(plainRuns) });
    if (!values.keep) rmSync(join(BENCH_DIR, String(size)), { recursive: true, force: true });
  }
  const section = benchSection(rows, runs, busyBuilds);
  console.log(`\n${section}`);
  if (!values['no-write']) {
    replaceSection(join(ROOT, 'BENCHMARKS.md'), 'bench', section, 'Build time and memory');
    console.log('\nwritten to BENCHMARKS.md');
  }
  // The plain project is not part of the site: astro check must not find it.
  if (!values.keep) rmSync(BENCH_DIR, { recursive: true, force: true });
}

// Run only as a command, so that tests and profiling scripts can import the generator.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
