import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, listFiles, ROOT } from './build';

/** The path a GitHub Pages project site of this repository is served under. */
export const BASE = '/volume-activation-guide/';

const NAME = 'base-path';
const OUT = join(ROOT, 'test/.output', NAME);
/** What the build reads: a change to any of these builds again. */
const INPUTS = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json', 'build.env'];

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(ROOT, input);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? listFiles(path).map((file) => `${input}/${file}`) : [input];
    for (const file of files.sort()) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file)));
  }
  return hash.digest('hex');
}

/**
 * The real site built under BASE into test/.output/base-path/dist, shared by the build test and the browser
 * test of the site under a path: built once, and again only when the sources or the content change.
 */
export function baseSiteBuild(): string {
  const stamp = join(OUT, 'inputs.sha256');
  const hash = inputsHash();
  const dist = join(OUT, 'dist');
  if (existsSync(join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return dist;
  const build = buildSite(NAME, 'content', { base: BASE });
  if (build.status !== 0) throw new Error(`the site did not build under ${BASE}:\n${build.output}`);
  writeFileSync(stamp, hash);
  return build.outDir;
}
