import type { Element, ElementContent, Root } from 'hast';

/** Walk a hast tree, calling `visit` with each element and its parent's children. */
function walk(node: Root | Element, visit: (element: Element, siblings: ElementContent[], index: number) => number | void): void {
  const children = node.children as ElementContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'element') continue;
    const skip = visit(child, children, index);
    if (typeof skip === 'number') index += skip;
    else walk(child, visit);
  }
}

function text(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(text).join('') : '';
}

/**
 * A rehype plugin: after each h2 and h3 that has an id, a "#" link to it, so a
 * reader can copy a link to the section. The link is outside the heading (its
 * name stays the heading's text), says which section it links to, and is left
 * out of the search index.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    walk(tree, (element, siblings, index) => {
      if (!/^h[23]$/.test(element.tagName) || typeof element.properties.id !== 'string') return;
      const id = element.properties.id;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: '' },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
          { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Link to the section “${text(element)}”` }] },
        ],
      };
      const wrapper: Element = { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', element.tagName] }, children: [element, anchor] };
      siblings.splice(index, 1, wrapper);
      return 0;
    });
  };
}
