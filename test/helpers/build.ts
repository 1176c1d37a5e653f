import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { listFiles as listOutput } from '../../src/lib/files';
import { pageScripts } from '../../src/lib/budgets';

export const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * A content folder made of the basic fixture site with the files of one
 * broken case laid over it (test/fixtures/broken/<name>/), so each case differs
 * from a valid site by exactly the mistake it demonstrates.
 */
export function brokenContent(name: string, folder = 'test/fixtures/broken'): string {
  const dir = join(ROOT, 'test/.output/content', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/basic/content'), dir, { recursive: true });
  cpSync(join(ROOT, folder, name), dir, { recursive: true });
  return relative(ROOT, dir);
}

/** The basic fixture site with a valid change laid over it (test/fixtures/overlays/<name>/). */
export function overlayContent(name: string): string {
  return brokenContent(name, 'test/fixtures/overlays');
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colours removed. */
  output: string;
  outDir: string;
}

export interface BuildOptions {
  /** Remove the previous output and cache first (default). */
  fresh?: boolean;
  /** The path the site is served under (BASE_PATH, Astro's `base`), e.g. '/volume-activation-guide/'; the root by default. */
  base?: string;
  /** More variables for the build's environment. */
  env?: Record<string, string>;
}

/**
 * Build the site from a content folder into test/.output/<name>, with its own
 * cache so fixture builds never see each other's content.
 */
export function buildSite(name: string, contentDir: string, { fresh = true, base = '', env = {} }: BuildOptions = {}): BuildResult {
  const outDir = join(ROOT, 'test/.output', name, 'dist');
  if (fresh) rmSync(join(ROOT, 'test/.output', name), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      // Not Vitest's BASE_URL ('/', its import.meta.env), which Astro would hand to the pages in place of the base.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'BASE_URL')),
      VAG_CONTENT_DIR: relative(ROOT, resolve(ROOT, contentDir)),
      VAG_OUT_DIR: outDir,
      VAG_CACHE_DIR: join(ROOT, 'test/.output', name, 'cache'),
      BASE_PATH: base,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output, outDir };
}

/** Every file in a folder, relative, with forward slashes (none when the folder is missing: a build that failed early). */
export function listFiles(dir: string): string[] {
  return existsSync(dir) ? listOutput(dir) : [];
}

export function readHtml(outDir: string, urlPath: string): string {
  return readFileSync(join(outDir, urlPath.replace(/^\//, ''), 'index.html'), 'utf8');
}

/** The hrefs of links inside the element that starts at `marker` and ends at `endMarker`. */
export function hrefsBetween(html: string, marker: string, endMarker: string): string[] {
  const start = html.indexOf(marker);
  if (start < 0) return [];
  const end = html.indexOf(endMarker, start);
  const part = html.slice(start, end < 0 ? undefined : end);
  return [...part.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
}

/** The scripts of a page, each as its `src` or its inline code, to compare pages' scripts. */
export function siteScripts(html: string): string[] {
  return pageScripts(html).map((script) => script.src ?? script.code ?? '');
}
