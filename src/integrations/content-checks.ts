import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isArticlePath } from '../lib/collections';
import { findBrokenLinks, readPage } from '../lib/checks/links';
import { contentPages, pageSources, type ContentPages, type TemplateRoute } from '../lib/checks/page-sources';
import { findMissingArticles } from '../lib/checks/pages';
import { runStages, safeIndex } from '../lib/checks/run';
import { formatReport, type Problem } from '../lib/problem';
import { listFiles } from '../lib/files';

/**
 * Stop the build on content problems: the report alone on stderr, then exit with status 1. Not a thrown
 * error: Astro prints every error thrown from a hook under "An unhandled error occurred while running the
 * hook" with a stack-trace heading, and a content mistake is not a crash.
 * Nothing is half-written: before the build nothing exists yet, and after it the output is still in
 * dist.partial/, which atomicOutput() publishes only when the build got that far.
 */
function failBuild(summary: string, problems: readonly Problem[]): never {
  process.stderr.write(`${summary}\n${formatReport(problems)}\n`);
  process.exit(1);
}

export interface ContentChecksOptions {
  /** The content folder, relative to the project root. */
  contentDir: string;
}


/**
 * Checks content before Astro compiles it (every rule of `npm run check`
 * except types) and the built site afterwards (every article has a page with
 * a body, every link resolves). Any problem fails the build with one line per
 * problem. `astro check` (command "sync") leaves the content to `npm run check`.
 */
export function contentChecks({ contentDir }: ContentChecksOptions): AstroIntegration {
  let root = process.cwd();
  // Astro's base: the built pages' links start with it.
  let base = '/';
  let articles: string[] = [];
  // What the content makes and the templates' routes: a problem found on a built page names the file it came from.
  let pages: ContentPages | undefined;
  let templates: TemplateRoute[] = [];
  return {
    name: 'vag:content-checks',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build' && command !== 'dev') return;
        const index = safeIndex(root, join(root, contentDir));
        const problems = 'rule' in index ? [index] : runStages(index);
        if ('rule' in index || problems.length) failBuild('Content check failed: fix these before building.', problems);
        articles = index.names.map((name) => name.path).filter(isArticlePath);
        pages = contentPages(index);
        logger.info(`${articles.length} articles passed the content checks`);
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:routes:resolved': ({ routes }) => {
        templates = routes.filter((route) => route.origin === 'project').map((route) => ({ entrypoint: route.entrypoint, patternRegex: route.patternRegex }));
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listFiles(outDir);
        const fileSet = new Set(files);
        // Each page is read and parsed once, for the link check and the article body check below.
        const built = files.filter((file) => file.endsWith('.html')).map((file) => readPage(file, readFileSync(join(outDir, file), 'utf8')));
        const byFile = new Map(built.map((page) => [page.file, page]));
        // Named by the folder the build publishes to, not the one it is written in (atomic-output.ts).
        const shownOut = (relative(root, outDir).split(sep).join('/') || '.').replace(/\.partial$/, '');
        const sourceOf = pages && pageSources(pages, base, templates);
        const problems: Problem[] = findBrokenLinks(built, fileSet, shownOut, base, sourceOf);
        problems.push(...findMissingArticles(articles, (file) => byFile.get(file), contentDir));
        if (problems.length) failBuild('Built site check failed.', problems);
        logger.info(`${built.length} pages checked: every internal link and fragment resolves`);
      },
    },
  };
}
