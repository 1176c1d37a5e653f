/**
 * `npm run lighthouse`: Lighthouse scores (performance, accessibility, best
 * practices, SEO; mobile profile, simulated throttling) of the built site,
 * served from dist/ on 127.0.0.1, for the home page, a factor page, /decide/
 * and /search/. Builds the site first (`npm run build`), so the numbers are
 * those of the source as it is; `--no-build` audits dist/ as it stands.
 * Writes the scores, the audits that cost points, and the byte budgets of the
 * same build to BENCHMARKS.md, each between its own marker comments.
 *
 *   npm run lighthouse                  # build, then the median of 3 runs per page
 *   npm run lighthouse -- --runs 1      # one run per page
 *   npm run lighthouse -- --no-write    # print only
 *   npm run lighthouse -- --no-build    # audit the dist/ already there
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../test/helpers/serve';
import { BUDGETS, budgetTable, formatKb, measureBudgets } from '../src/lib/budgets';
import { replaceSection } from '../src/lib/benchmarks-file';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** The Chromium that Lighthouse drives: CHROME_PATH, or Debian's. */
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A factor page that exists in this build: the usual example if it is there, else the first one. */
function factorPage(): string {
  const preferred = '/factors/kms/branch-offices/';
  if (existsSync(join(DIST, preferred, 'index.html'))) return preferred;
  const dir = join(DIST, 'factors');
  const method = readdirSync(dir).sort()[0]!;
  const slug = readdirSync(join(dir, method)).sort()[0]!;
  return `/factors/${method}/${slug}/`;
}

interface PageResult {
  page: string;
  scores: Record<Category, number>;
  /** Audits that cost points in a category, with their score, from the median run. */
  misses: { category: Category; id: string; title: string; score: number; displayValue?: string }[];
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function audit(url: string, port: number) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
  const misses: PageResult['misses'] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const item = lhr.audits[ref.id];
      if (!item || ref.weight === 0 || item.score === null || item.score >= 1) continue;
      misses.push({ category, id: ref.id, title: item.title, score: item.score, ...(item.displayValue ? { displayValue: item.displayValue } : {}) });
    }
  }
  return { scores, misses, version: lhr.lighthouseVersion };
}

function lighthouseSection(results: readonly PageResult[], runs: number, version: string): string {
  const lines = [
    `Lighthouse ${version} via \`npm run lighthouse\` on ${new Date().toISOString().slice(0, 10)}: mobile profile (the default: emulated phone, simulated slow 4G and 4× CPU slowdown), dist/ served on 127.0.0.1, Chromium ${chromiumVersion()} headless; ${runs === 1 ? 'one run' : `the median of ${runs} runs`} per page.`,
    '',
    '| page | performance | accessibility | best practices | SEO |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(({ page, scores }) => `| ${page} | ${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} | ${scores.seo} |`),
    '',
  ];
  const misses = results.flatMap(({ page, misses: list }) => list.map((miss) => ({ page, ...miss })));
  if (misses.length === 0) lines.push('Every scored audit passed on every page.');
  else {
    lines.push('Scored audits below a full score (from the median run of each page):', '');
    for (const miss of misses) {
      lines.push(`- ${miss.page}, ${miss.category}: ${miss.title} (\`${miss.id}\`, score ${miss.score.toFixed(2)}${miss.displayValue ? `, ${miss.displayValue}` : ''})`);
    }
  }
  return lines.join('\n');
}

function budgetSection(): string {
  const report = measureBudgets(DIST);
  const largestScript = Math.max(0, ...report.articleScripts.map((page) => page.bytes));
  return [
    `The budgets are declared in \`src/lib/budgets.ts\` and checked on every \`npm test\` by \`test/build/budgets.test.ts\`; these numbers are from the dist/ that \`npm run lighthouse\` served. Sizes are gzipped at level 9.`,
    '',
    `- JavaScript on article pages, up front: at most ${formatKb(BUDGETS.articleScriptGzip)}; largest ${formatKb(largestScript)} (the script every page shares: search dialog, offline, highlight, theme switch, copy buttons, current section)`,
    `- article page, HTML plus every stylesheet it links: at most ${formatKb(BUDGETS.articlePageGzip)}; largest ${formatKb(Math.max(0, ...report.rows.filter((row) => row.kind === 'page').map((row) => row.bytes)))}`,
    `- /decide/ script (${report.decideModules.join(', ')}): at most ${formatKb(BUDGETS.decideScriptGzip)}`,
    `- Pagefind's files (search UI and index) loaded up front: ${report.searchUpFront.length ? `on ${report.searchUpFront.join(', ')}` : 'on no page; they load when search is opened or the search page runs'}`,
    '',
    budgetTable(report.rows),
  ].join('\n');
}

function chromiumVersion(): string {
  const result = spawnSync(CHROME, ['--version'], { encoding: 'utf8' });
  return /[\d.]+/.exec(result.stdout ?? '')?.[0] ?? 'unknown';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, 'no-write': { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } },
  });
  const runs = Math.max(1, Number(values.runs));
  if (!values['no-build'] || !existsSync(join(DIST, 'index.html'))) {
    // A dist/ left from an earlier build would be scored as if it were the current source.
    console.log('running npm run build first');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const pages = ['/', factorPage(), '/decide/', '/search/'];
  const { url: origin, server } = await serveStatic(DIST, { compress: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
  const results: PageResult[] = [];
  let version = '';
  try {
    for (const page of pages) {
      const all: Awaited<ReturnType<typeof audit>>[] = [];
      for (let run = 1; run <= runs; run++) all.push(await audit(`${origin}${page}`, chrome.port));
      const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(all.map((one) => one.scores[category]))])) as Record<Category, number>;
      // The run whose performance score is the median stands for the page's audits.
      const representative = all.find((one) => one.scores.performance === scores.performance) ?? all[0]!;
      results.push({ page, scores, misses: representative.misses, runs });
      version = representative.version;
      console.log(`${page}: ${CATEGORIES.map((category) => `${category} ${scores[category]}`).join(', ')}`);
    }
  } finally {
    chrome.kill();
    server.close();
  }
  const section = lighthouseSection(results, runs, version);
  const budgets = budgetSection();
  console.log(`\n${section}\n\n${budgets}`);
  if (!values['no-write']) {
    const file = join(ROOT, 'BENCHMARKS.md');
    replaceSection(file, 'lighthouse', section, 'Lighthouse');
    replaceSection(file, 'budgets', budgets, 'Byte budgets');
    console.log('\nwritten to BENCHMARKS.md');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
