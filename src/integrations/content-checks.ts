import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContentFolderInParallel } from '../lib/checks/content';
import { findBrokenLinks, readPage } from '../lib/checks/links';
import { articlePage, findMissingArticles } from '../lib/checks/pages';
import { formatReport, type Problem } from '../lib/checks/problem';
import { contentDir } from '../lib/site';

/** An error that carries a content report: printed as it is, without a stack. */
export class ContentError extends Error {
  constructor(summary: string, problems: readonly Problem[]) {
    super(`${summary}\n${formatReport(problems)}`);
    this.name = 'ContentError';
    this.stack = this.message;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Checks content before Astro compiles it (schema, MDX syntax) and the built
 * site afterwards (every article has a page with a body, every link resolves).
 * Any problem fails the build with one line per problem.
 */
export function contentChecks(): AstroIntegration {
  let root = process.cwd();
  let articles: string[] = [];
  return {
    name: 'vag:content-checks',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        root = fileURLToPath(config.root);
        // `npm run check` runs these itself before it calls `astro check`.
        if (process.env.VAG_SKIP_CONTENT_CHECKS === '1') return;
        const folder = join(root, contentDir());
        // Large sites are checked on every core (the result is the same as checkContentFolder's).
        const problems = await checkContentFolderInParallel(root, folder, availableParallelism() - 1);
        articles = listFiles(folder).filter((file) => /^(factors|guides)\/.+\.mdx$/.test(file));
        if (problems.length) throw new ContentError('Content check failed: fix these before building.', problems);
        logger.info(`${articles.length} articles passed the content checks`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listFiles(outDir);
        const fileSet = new Set(files);
        // Each page is read once: the article pages are kept for the body check below.
        const articlePages = new Set(articles.map(articlePage));
        const articleHtml = new Map<string, string>();
        const pages = files
          .filter((file) => file.endsWith('.html'))
          .map((file) => {
            const html = readFileSync(join(outDir, file), 'utf8');
            if (articlePages.has(file)) articleHtml.set(file, html);
            return readPage(file, html);
          });
        const problems: Problem[] = findBrokenLinks(pages, fileSet, relative(root, outDir).split(sep).join('/') || '.');
        problems.push(...findMissingArticles(articles, (file) => articleHtml.get(file), contentDir()));
        if (problems.length) throw new ContentError('Built site check failed.', problems);
        logger.info(`${pages.length} pages checked: every internal link and fragment resolves`);
      },
    },
  };
}
