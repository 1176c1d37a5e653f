/**
 * Synthetic content for the build benchmark (bench/bench.ts) and for tests
 * that need many articles: factor articles of every method and both stances,
 * tags from the taxonomy, ~250 words with headings and internal links, a
 * guide, and a decision tree that cites every factor, so the real checks pass.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_IDS, METHODS, WEIGHING_STANCES, TAG_IDS, TAGS, type Method, type Stance, type Tag } from '../../src/lib/taxonomy';

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
  const lines: string[] = ['# Generated by test/helpers/synthetic-content.ts for the build benchmark.', ''];
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

/** One worked scenario: the first question's second answer leads straight to the first method's outcome. */
function scenarioFile(): string {
  const method = METHOD_IDS[0]!;
  return [
    '# Generated by test/helpers/synthetic-content.ts for the build benchmark.',
    'title: "A synthetic organisation"',
    `summary: "One answer in the tree leads it to ${METHODS[method].label}."`,
    'organisation:',
    '  size: "100 users, 100 PCs"',
    '  domain: "One Active Directory domain"',
    '  sites: "One site"',
    '  products: "Windows 11 Enterprise"',
    'path: [hurts]',
    `outcome: use-${method}`,
    'why: |',
    `  A synthetic scenario, so that the benchmark builds the scenario pages and checks them against the tree.`,
    'reviewed: 2026-11-01',
    '',
  ].join('\n');
}

/** Write `count` articles, a guide, a tree and a scenario into `dir` (which is emptied first). */
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
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  writeFileSync(join(dir, 'scenarios', 'synthetic-organisation.yaml'), scenarioFile());
}
