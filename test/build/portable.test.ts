import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles, ROOT } from '../helpers/build';

// `npm run portable`'s step after the build, on a build of the real content: every reference in the copy must
// be a file inside it (or the internet), as a browser resolves it from a page opened with file://.
const OUT = join(ROOT, 'test/.output/portable');
const PORTABLE = join(OUT, 'portable');
const ZIP = join(OUT, 'edition.zip');
let files: string[] = [];
let builtDir = '';
let cli = '';

beforeAll(() => {
  const build = inject('siteBuild');
  if (build.status !== 0) throw new Error(`the site did not build:\n${build.output}`);
  builtDir = build.outDir;
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/portable.ts', '--from', build.outDir, '--out', PORTABLE, '--zip', ZIP], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  cli = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`the portable step failed:\n${cli}`);
  files = listFiles(PORTABLE);
  console.log(cli.trim());
});

/** Every URL a page or stylesheet refers to: attributes that load or link, srcset candidates, CSS url(). */
function references(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\s(?:href|src|action|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) found.push(match[1] ?? match[2] ?? '');
  for (const match of text.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi)) found.push(...match[1]!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
  for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) found.push(match[1]!);
  return found.map((url) => url.replace(/&amp;/g, '&')).filter(Boolean);
}

describe('the portable edition of the real site', () => {
  it('has every page of the build and no file only a server can use', () => {
    const built = listFiles(builtDir).filter((file) => file.endsWith('.html'));
    expect(built.length).toBeGreaterThan(50);
    for (const page of built) expect(files, page).toContain(page);
    expect(files.filter((file) => /^pagefind\/|^sw\.js$|^_headers$/.test(file))).toEqual([]);
  });

  it('resolves every link, script, stylesheet and image of every page to a file inside the copy, or leaves it on the internet', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files.filter((name) => /\.(html|css)$/.test(name))) {
      const base = pathToFileURL(join(PORTABLE, file));
      for (const reference of references(readFileSync(join(PORTABLE, file), 'utf8'))) {
        if (/^(https?:|mailto:|data:)/i.test(reference) || reference.startsWith('#')) continue;
        checked++;
        const target = new URL(reference, base);
        if (target.protocol !== 'file:') {
          broken.push(`${file}: ${reference} is neither a file nor the internet`);
          continue;
        }
        const path = fileURLToPath(target);
        if (!path.startsWith(`${PORTABLE}/`)) broken.push(`${file}: ${reference} points outside the copy`);
        else if (!existsSync(path) || !statSync(path).isFile()) broken.push(`${file}: ${reference} is not a file of the copy`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('has no page or stylesheet that refers to a root-relative path', () => {
    const rooted = files
      .filter((name) => /\.(html|css)$/.test(name))
      .flatMap((file) => references(readFileSync(join(PORTABLE, file), 'utf8')).filter((url) => /^\/(?!\/)/.test(url)).map((url) => `${file}: ${url}`));
    expect(rooted).toEqual([]);
  });

  it('loads no module script, no Pagefind and no service worker, and allows nothing inline by default', () => {
    const offending = files
      .filter((name) => name.endsWith('.html'))
      .flatMap((file) => {
        const html = readFileSync(join(PORTABLE, file), 'utf8');
        return [/type="module"/, /<pagefind-/, /\/pagefind\//, /serviceWorker|sw\.js/, /unsafe-inline/].filter((pattern) => pattern.test(html)).map((pattern) => `${file}: ${pattern}`);
      });
    expect(offending).toEqual([]);
  });

  it('zips the copy into one folder', () => {
    const listing = spawnSync('unzip', ['-l', ZIP], { encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/ volume-activation-guide-\d{4}-\d{2}-\d{2}\/index\.html\n/);
    expect(listing).toMatch(/ volume-activation-guide-\d{4}-\d{2}-\d{2}\/_portable\/search-index\.js\n/);
    expect(listing).toContain(`${files.length} files`);
  });
});
