import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import config from '../../astro.config.mjs';
import { FACTORS } from '../../src/lib/collections';
import { readArticle } from '../../src/lib/content/read';
import { remarkPlugins } from '../../src/lib/markdown/pipeline';

// The content checks must read an article as the build's compiler does: same syntax, same tree.
const ARTICLE = `---
title: GFM
---

| Setting | Value |
| --- | --- |
| Port | 1688 |

A ~~struck~~ claim[^source] and www.example.com.

[^source]: Microsoft's documentation.
`;

function nodeTypes(node: Nodes): string[] {
  return [node.type, ...('children' in node ? node.children.flatMap(nodeTypes) : [])];
}

const read = readArticle(FACTORS, 'factors/kms/gfm.mdx', 'content/factors/kms/gfm.mdx', ARTICLE);

describe('the one Markdown pipeline', () => {
  it('has the content reader parse GitHub-flavoured Markdown, as the build renders it', () => {
    const types = nodeTypes(read.article!.tree!);
    for (const type of ['table', 'tableCell', 'delete', 'footnoteReference', 'footnoteDefinition']) expect(types).toContain(type);
    expect(types.filter((type) => type === 'link')).toHaveLength(1);
  });

  it("has the reader parse exactly as a parser made of the build config's remark plugins", () => {
    const processor = config.markdown?.processor as unknown as { options: { gfm?: boolean; remarkPlugins: typeof remarkPlugins } };
    // Astro's own GFM is off: remark-gfm runs only because the pipeline's list has it.
    expect(processor.options.gfm).toBe(false);
    expect(processor.options.remarkPlugins).toEqual(remarkPlugins);
    const compiler = unified().use(remarkParse).use(remarkMdx).use(processor.options.remarkPlugins);
    expect(read.article!.tree).toEqual(compiler.parse(read.article!.compiled));
  });
});
