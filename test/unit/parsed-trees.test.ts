import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { readArticle } from '../../src/lib/content/read';
import { FACTORS } from '../../src/lib/collections';
import { ParsedTrees, remarkParsedTrees } from '../../src/lib/markdown/parsed-trees';

// A compiler's parser set up as Astro's MDX integration sets it up: remark-parse, remark-mdx, then the site's plugins.
function compiler(trees: ParsedTrees) {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkParsedTrees, trees);
}

const FILE = `---
title: A test article
---

## Where it applies

Clients find the host through [DNS](/guides/kms/#dns).
`;

describe('handing the checked trees to the compiler', () => {
  it('gives the compiler the very tree the checks read, for the same text', () => {
    const read = readArticle(FACTORS, 'factors/kms/test.mdx', 'content/factors/kms/test.mdx', FILE);
    const trees = new ParsedTrees();
    trees.offer(read.article!.compiled, read.article!.tree!);
    expect(compiler(trees).parse(read.article!.compiled)).toBe(read.article!.tree);
    expect(trees.size).toBe(0);
  });

  it('gives each tree once, and parses a text it was not offered, such as an article edited since', () => {
    const read = readArticle(FACTORS, 'factors/kms/test.mdx', 'content/factors/kms/test.mdx', FILE);
    const trees = new ParsedTrees();
    trees.offer(read.article!.compiled, read.article!.tree!);
    const edited = read.article!.compiled.replace('DNS', 'DNS records');
    const parsed = compiler(trees).parse(edited) as Root;
    expect(parsed).not.toBe(read.article!.tree);
    expect(JSON.stringify(parsed)).toContain('DNS records');
    expect(trees.size).toBe(1);
    expect(compiler(trees).parse(read.article!.compiled)).toBe(read.article!.tree);
    expect(compiler(trees).parse(read.article!.compiled)).not.toBe(read.article!.tree);
  });

  it('parses to the same tree as the compiler would on its own', () => {
    const read = readArticle(FACTORS, 'factors/kms/test.mdx', 'content/factors/kms/test.mdx', FILE);
    const fresh = compiler(new ParsedTrees()).parse(read.article!.compiled);
    expect(fresh).toEqual(read.article!.tree);
  });
});
