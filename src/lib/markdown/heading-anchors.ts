import type { Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/**
 * A rehype plugin: after each h2 and h3 that has an id, a "#" link to it, so a
 * reader can copy a link to the section. The link is outside the heading (its
 * name stays the heading's text), says which section it links to, and is left
 * out of the search index. Built as Starlight builds its heading links.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (heading, index, parent) => {
      const id = heading.properties.id;
      if (!/^h[23]$/.test(heading.tagName) || typeof id !== 'string' || index === undefined || !parent) return;
      const anchor = h('a', { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: '' }, [
        h('span', { ariaHidden: 'true' }, '#'),
        h('span', { className: ['visually-hidden'] }, `Link to the section “${toString(heading)}”`),
      ]);
      parent.children.splice(index, 1, h('div', { className: ['heading-wrapper', heading.tagName] }, [heading, anchor]));
      // The wrapper takes the heading's place; go on with the next sibling.
      return SKIP;
    });
  };
}
