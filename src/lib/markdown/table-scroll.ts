import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/**
 * A rehype plugin: each table of an article sits in its own scroll region, so a table wider than a phone's screen
 * scrolls sideways on its own instead of widening the page. The region can be focused and scrolled with the
 * keyboard, and is named after the section it is in (its last h2 or h3 before it), or the table's first row;
 * a second table under the same name gets a number, since two regions of a page must not share a name.
 */
export function rehypeTableScroll() {
  return (tree: Root) => {
    let section: string | undefined;
    const named = new Map<string, number>();
    visit(tree, 'element', (element, index, parent) => {
      if (/^h[23]$/.test(element.tagName)) section = toString(element);
      if (element.tagName !== 'table' || index === undefined || !parent) return;
      const name = section ?? firstRow(element);
      const count = (named.get(name) ?? 0) + 1;
      named.set(name, count);
      const region = h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: `Table${count > 1 ? ` ${count}` : ''}: ${name}` }, [element]);
      parent.children.splice(index, 1, region);
      return SKIP;
    });
  };
}

/** The text of a table's header cells, as a name when no heading precedes it. */
function firstRow(table: Element): string {
  let cells: string[] = [];
  visit(table, 'element', (row) => {
    if (row.tagName !== 'tr' || cells.length) return;
    cells = row.children.flatMap((cell) => (cell.type === 'element' ? [toString(cell).trim()] : [])).filter(Boolean);
  });
  return cells.join(', ') || 'table';
}
