import type { Problem } from '../../problem';
import { eachArticle } from './each-article';

/** Most cells a table may have, counted as the build lays it out: every row as wide as the header. */
export const MAX_TABLE_CELLS = 1_000;

/**
 * `safety/table-size`: the build pads every row of a GFM table to the width of its header, so a small file
 * with a wide header and many short rows becomes millions of cells and runs the build out of memory.
 * Counted as the build will lay the table out (header width × rows) and refused at the table's line.
 */
export const tableSize = eachArticle((article) => {
  if (!article.tree) return [];
  const problems: Problem[] = [];
  const walk = (node: { type: string; children?: unknown[]; align?: unknown[] | null; position?: { start: { line: number; column: number } } }) => {
    if (node.type === 'table') {
      const columns = (node.children ?? []).reduce<number>((widest, row) => Math.max(widest, ((row as { children?: unknown[] }).children ?? []).length), node.align?.length ?? 0);
      const rows = node.children?.length ?? 0;
      if (columns * rows > MAX_TABLE_CELLS) {
        problems.push({
          file: article.file,
          line: node.position?.start.line,
          column: node.position?.start.column,
          rule: 'safety/table-size',
          message: `this table is ${columns} columns by ${rows} rows, ${(columns * rows).toLocaleString('en')} cells once every row is as wide as the header; a table may have at most ${MAX_TABLE_CELLS.toLocaleString('en')}`,
          hint: 'split it into smaller tables, or make it a list',
        });
      }
      return;
    }
    for (const child of node.children ?? []) walk(child as Parameters<typeof walk>[0]);
  };
  walk(article.tree);
  return problems;
});
