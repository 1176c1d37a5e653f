import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * MDX trees that the content checks parsed, handed on to the build's MDX
 * compiler so that each article is parsed once per build instead of twice.
 *
 * A tree is keyed by the exact text it was parsed from (the file with its
 * frontmatter blanked, as Astro hands it to the compiler), so the compiler
 * only ever receives a tree of the very text it was asked to compile: an
 * article edited since the checks ran is parsed afresh. Each tree is given out
 * once, because the compiler transforms the tree it receives.
 */
export class ParsedTrees {
  readonly #trees = new Map<string, Root>();

  /** Keep `tree`, parsed from `text`, for the compiler. */
  offer(text: string, tree: Root): void {
    this.#trees.set(text, tree);
  }

  /** The tree parsed from exactly `text`, once; afterwards undefined. */
  take(text: string): Root | undefined {
    const tree = this.#trees.get(text);
    if (tree) this.#trees.delete(text);
    return tree;
  }

  /** How many trees are still waiting for the compiler. */
  get size(): number {
    return this.#trees.size;
  }

  /** Drop every tree not taken (a build that ends frees them). */
  clear(): void {
    this.#trees.clear();
  }
}

/**
 * A remark plugin (for `markdown.processor`'s remarkPlugins, which MDX inherits):
 * the processor's parser first asks `trees` for a tree of the same text and
 * parses only when there is none. It must come after the parser's own plugins
 * (remark-parse, remark-mdx, remark-gfm), which is where Astro puts the plugins
 * it is given.
 */
export function remarkParsedTrees(this: Processor, trees: ParsedTrees): void {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => trees.take(document) ?? parse(document, file);
}
