import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeTableScroll } from '../../src/lib/markdown/table-scroll';

function run(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeTableScroll()(tree);
  return toHtml(tree);
}

describe('rehypeTableScroll', () => {
  it('puts each table in a focusable scroll region named after its section', () => {
    expect(run('<h2>Ports</h2><p>x</p><table><tr><th>Port</th></tr></table><h3>Keys</h3><table><tr><td>GVLK</td></tr></table>')).toBe(
      '<h2>Ports</h2><p>x</p><div class="table-scroll" role="region" tabindex="0" aria-label="Table: Ports"><table><tbody><tr><th>Port</th></tr></tbody></table></div>' +
        '<h3>Keys</h3><div class="table-scroll" role="region" tabindex="0" aria-label="Table: Keys"><table><tbody><tr><td>GVLK</td></tr></tbody></table></div>',
    );
  });

  it('numbers a second table of the same section, so no two regions share a name', () => {
    const html = run('<h2>Keys</h2><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>');
    expect([...html.matchAll(/aria-label="([^"]+)"/g)].map((match) => match[1])).toEqual(['Table: Keys', 'Table 2: Keys']);
  });

  it('names a table before any heading by its first row, and wraps a table only once', () => {
    const html = run('<table><thead><tr><th>Method</th><th></th><th>Count</th></tr></thead><tbody><tr><td>KMS</td></tr></tbody></table>');
    expect(html.match(/table-scroll/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Table: Method, Count"');
  });
});
