import { rehypeHeadingIds, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { rehypeBaseLinks } from './base-links';
import { rehypeHeadingAnchors } from './heading-anchors';
import { rehypeTableScroll } from './table-scroll';

/**
 * The remark plugins of every article: GitHub-flavoured Markdown (tables, strikethrough, footnotes, autolinks).
 * The build's compiler runs them (`markdownPipeline`) and the content reader parses with them
 * (`src/lib/content/read.ts`), so the checks read an article as the build does: a plugin added here is in both.
 */
export const remarkPlugins = [remarkGfm];

/**
 * The site's one Markdown pipeline, for `markdown.processor: unified(…)` in `astro.config.mjs` (MDX inherits it).
 * `gfm: false` turns off Astro's own copy of remark-gfm: GFM comes from `remarkPlugins` alone, so dropping it
 * there drops it from the build too, never from the checks only (Astro's SmartyPants stays on: it changes quotes
 * and dashes in the text, not the syntax the checks read). Rehype plugins: the heading ids first (the
 * anchors need them, and Astro would add them only after these), a "#" link after each section heading, each
 * table in a scroll region of its own (a wide table never widens a phone's page), and `base` in front of the
 * root-relative links authors write, when the site is served under a path.
 */
export function markdownPipeline({ base }: { base: string }): UnifiedProcessorOptions {
  return {
    gfm: false,
    remarkPlugins,
    rehypePlugins: [rehypeHeadingIds, rehypeHeadingAnchors, rehypeTableScroll, [rehypeBaseLinks, { base }]],
  };
}
