// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { contentChecks } from './src/integrations/content-checks.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { offline } from './src/integrations/offline.ts';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { cspHeaders } from './src/integrations/csp-headers.ts';
import { cspConfig } from './src/lib/csp.ts';
import { SITE, basePath, contentDir } from './src/lib/site.ts';
import { inSitemap } from './src/lib/routes.ts';
import { newBuildId } from './src/lib/offline.ts';
import { markdownPipeline } from './src/lib/markdown/pipeline.ts';

// Tests build fixture content into their own folders; see test/build/.
const outDir = process.env.VAG_OUT_DIR ?? './dist';
const cacheDir = process.env.VAG_CACHE_DIR ?? './node_modules/.astro';
// One id per build, passed to what needs it: the offline cache's name and Pagefind's meta cache tag.
const buildId = newBuildId();
// The path the site is served under: BASE_PATH=/volume-activation-guide for a GitHub Pages project site; the root by default.
const base = basePath(process.env.BASE_PATH);
// Astro hands every variable of the environment to the pages as import.meta.env.<name>, and a BASE_URL there would
// replace the base (src/lib/routes.ts reads import.meta.env.BASE_URL): stop rather than build broken links.
if (process.env.BASE_URL !== undefined && process.env.BASE_URL !== base) {
  throw new Error(`BASE_URL=${process.env.BASE_URL} in the environment would override the base ${base}; unset it and give the path in BASE_PATH.`);
}

export default defineConfig({
  site: SITE.url,
  base,
  output: 'static',
  trailingSlash: 'always',
  outDir,
  cacheDir,
  // Four pages rendered at a time instead of one: while one page waits for its file to be written or its compiled
  // article to load, the next renders. The output is byte for byte the same; at 1,000 articles page generation
  // takes about 3.9 s instead of 5 s (BENCHMARKS.md, change 13).
  build: { concurrency: 4 },
  markdown: {
    // unified (not the default Sätteri) so that remark plugins really run. The plugins are the site's one Markdown
    // pipeline (src/lib/markdown/pipeline.ts), whose remark plugins the content checks parse with too.
    processor: unified(markdownPipeline({ base })),
    // No Shiki: it writes inline style attributes, which the Content-Security-Policy below blocks
    // (and Astro warns about). Code blocks take the site's own theme-aware `pre` style instead.
    syntaxHighlight: false,
  },
  // A strict Content-Security-Policy in a meta tag on every page, with hashes of what Astro inlines;
  // the sources are declared in src/lib/csp.ts. cspHeaders() also writes it to dist/_headers.
  security: { csp: cspConfig },
  // Order matters: the search index is written before the checks read the output, so links to
  // /pagefind/ files resolve; atomicOutput comes last and publishes only a build that passed everything.
  integrations: [mdx(), sitemap({ filter: (page) => inSitemap(page, base) }), searchIndex(), offline({ buildId }), cspHeaders(), contentChecks({ contentDir: contentDir() }), atomicOutput()],
  vite: {
    build: {
      rollupOptions: {
        // Known Astro 7 noise for every MDX entry (withastro/astro#18087); harmless, and it buries real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
