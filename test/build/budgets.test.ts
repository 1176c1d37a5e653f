import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../helpers/build';
import { BUDGETS, budgetTable, formatKb, measureBudgets, type BudgetReport } from '../../src/lib/budgets';

// The byte budgets of src/lib/budgets.ts, checked on a build of the real content.
let build: BuildResult;
let report: BudgetReport;

beforeAll(() => {
  build = inject('siteBuild');
  if (build.status !== 0) throw new Error(`the site did not build:\n${build.output}`);
  report = measureBudgets(build.outDir);
  const articles = report.rows.filter((row) => row.kind === 'page');
  console.log(
    [
      `Byte budgets (gzip level 9), ${articles.length} article pages:`,
      budgetTable(report.rows),
      `/decide/ loads up front: ${report.decideModules.join(', ') || 'nothing'}`,
      `pages that load Pagefind's files up front: ${report.searchUpFront.join(', ') || 'none'}`,
    ].join('\n'),
  );
});

describe('byte budgets of the real site', () => {
  it('measures every factor, guide and recommendation page', () => {
    const pages = report.rows.filter((row) => row.kind === 'page').map((row) => row.page);
    expect(pages.some((page) => page.startsWith('/factors/'))).toBe(true);
    expect(pages.some((page) => page.startsWith('/guides/'))).toBe(true);
    expect(pages.some((page) => page.startsWith('/decide/outcomes/'))).toBe(true);
    expect(pages).not.toContain('/guides/');
    expect(report.articleScripts.map((entry) => entry.page)).toEqual(pages);
  });

  it(`ships at most ${formatKb(BUDGETS.articleScriptGzip)} of JavaScript up front on article pages`, () => {
    const over = report.articleScripts.filter((entry) => entry.bytes > BUDGETS.articleScriptGzip);
    expect(over).toEqual([]);
    // The search trigger is there (the header's search button needs it), and it is all there is.
    expect(Math.min(...report.articleScripts.map((entry) => entry.bytes))).toBeGreaterThan(0);
  });

  it(`keeps every article page, HTML plus linked CSS, within ${formatKb(BUDGETS.articlePageGzip)} gzipped`, () => {
    const over = report.rows.filter((row) => row.kind === 'page' && row.bytes > BUDGETS.articlePageGzip);
    expect(over).toEqual([]);
  });

  it(`keeps the decision tree page's script within ${formatKb(BUDGETS.decideScriptGzip)} gzipped`, () => {
    const row = report.rows.find((candidate) => candidate.page === '/decide/ (script)');
    expect(row, 'the /decide/ page has a script').toBeDefined();
    expect(row!.bytes).toBeGreaterThan(0);
    expect(row!.bytes).toBeLessThanOrEqual(BUDGETS.decideScriptGzip);
  });

  it('loads the search code on demand only: no page loads Pagefind files up front', () => {
    expect(report.searchUpFront).toEqual([]);
  });
});
