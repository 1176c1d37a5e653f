import type { Problem } from '../../problem';
import { isRootRelative } from '../../routes';
import { inlineLinks as inlineLinkTargets } from '../../tree/inline';
import type { TreeNode } from '../../tree/schema';
import type { ContentIndex } from '../index';
import { siteRoutes } from '../routes';
import { checkLinksToRoutes, type ContentLink } from './links-to-routes';

/** Site links in the decision tree: help texts and path notes (inline Markdown) and next steps, at the line of their node. */
export function treeLinks(nodes: readonly TreeNode[], lines: ReadonlyMap<TreeNode, number>): ContentLink[] {
  // Read by the Markdown parser, as the pages render them (tree/inline.ts), not by a pattern.
  const inlineLinks = (text: string) => inlineLinkTargets(text).map((link) => link.url);
  return nodes.flatMap((node) => {
    const line = lines.get(node) ?? 1;
    const urls =
      node.type === 'question'
        ? [
            ...inlineLinks(node.help ?? ''),
            ...node.answers.flatMap((answer) => [...answer.notes.flatMap((note) => inlineLinks(note.text)), ...answer.nextSteps.map((step) => step.href)]),
          ]
        : node.nextSteps.map((step) => step.href);
    return urls.filter(isRootRelative).map((url) => ({ url, line, column: 1 }));
  });
}

/** Links of the decision tree reach pages the build will have (a tree with problems of its own is left to the tree rule). */
export function treeLinksRule(index: ContentIndex): Problem[] {
  const { file, parsed } = index.tree;
  if (!parsed || parsed.problems.length) return [];
  return checkLinksToRoutes(file, treeLinks(parsed.nodes, parsed.lines), siteRoutes(index));
}
