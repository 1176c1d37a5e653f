import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/heading-anchors';

const heading = (tagName: string, id: string | undefined, text: string): Element => ({
  type: 'element',
  tagName,
  properties: id ? { id } : {},
  children: [{ type: 'text', value: text }],
});

function run(...children: Element[]): Root {
  const tree: Root = { type: 'root', children };
  rehypeHeadingAnchors()(tree);
  return tree;
}

describe('rehypeHeadingAnchors', () => {
  it('puts a link to each h2 and h3 after it, named after the section, outside the heading and the search index', () => {
    const tree = run(heading('h2', 'host-and-clients', 'Host and clients'), heading('h3', 'port', 'Port 1688'));
    const [first, second] = tree.children as Element[];
    expect(first!.properties.className).toEqual(['heading-wrapper', 'h2']);
    const [h2, anchor] = first!.children as Element[];
    expect(h2!.tagName).toBe('h2');
    expect(h2!.children).toEqual([{ type: 'text', value: 'Host and clients' }]);
    expect(anchor!.properties).toMatchObject({ href: '#host-and-clients', dataPagefindIgnore: '' });
    const hidden = (anchor!.children as Element[]).find((child) => child.properties.className);
    expect(hidden!.children).toEqual([{ type: 'text', value: 'Link to the section “Host and clients”' }]);
    expect(((second!.children as Element[])[1]!).properties.href).toBe('#port');
  });

  it('leaves h1, h4 and headings without an id alone', () => {
    const tree = run(heading('h1', 'title', 'Title'), heading('h4', 'small', 'Small'), heading('h2', undefined, 'No id'));
    expect((tree.children as Element[]).map((child) => child.tagName)).toEqual(['h1', 'h4', 'h2']);
  });
});
