import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build';
import { BUDGETS, budgetTable, formatKb, measureBudgets, SEARCH_PAGES, type BudgetReport } from '../../src/lib/budgets';

// The byte budgets of src/lib/budgets.ts, checked on a build of the real content.
let build: BuildResult;
let report: BudgetReport;

beforeAll(() => {
  build = buildSite('budgets', 'content');
  if (build.status !== 0) throw new Error(`the site did not build:\n${build.output}`);
  report = measureBudgets(build.outDir);
  const articles = report.rows.filter((row) => !row.page.startsWith('/decide/ ('));
  console.log(
    [
      `Byte budgets (gzip level 9), ${articles.length} article pages:`,
      budgetTable(report.rows),
      `<script> on article pages: ${report.articleScripts.reduce((sum, page) => sum + page.count, 0)} (budget ${BUDGETS.articleScripts})`,
      `/decide/ loads up front: ${report.decideModules.join(', ') || 'nothing'}`,
      `pages other than ${SEARCH_PAGES.join(', ')} that reference the search bundle: ${report.searchOutsideSearchPage.join(', ') || 'none'}`,
    ].join('\n'),
  );
});

describe('byte budgets of the real site', () => {
  it('measures every factor, guide and recommendation page', () => {
    const pages = report.rows.map((row) => row.page);
    expect(pages.some((page) => page.startsWith('/factors/'))).toBe(true);
    expect(pages.some((page) => page.startsWith('/guides/'))).toBe(true);
    expect(pages.some((page) => page.startsWith('/decide/outcomes/'))).toBe(true);
    expect(pages).not.toContain('/guides/');
  });

  it('ships no JavaScript on article pages', () => {
    expect(report.articleScripts).toEqual([]);
  });

  it(`keeps every article page, HTML plus linked CSS, within ${formatKb(BUDGETS.articlePageGzip)} gzipped`, () => {
    const over = report.rows.filter((row) => !row.page.startsWith('/decide/ (') && row.bytes > BUDGETS.articlePageGzip);
    expect(over).toEqual([]);
  });

  it(`keeps the decision tree script within ${formatKb(BUDGETS.decideScriptGzip)} gzipped`, () => {
    const row = report.rows.find((candidate) => candidate.page === '/decide/ (script)');
    expect(row, 'the /decide/ page has a script').toBeDefined();
    expect(row!.bytes).toBeGreaterThan(0);
    expect(row!.bytes).toBeLessThanOrEqual(BUDGETS.decideScriptGzip);
  });

  it('loads the search code only on the search page', () => {
    expect(report.searchOutsideSearchPage).toEqual([]);
  });
});
