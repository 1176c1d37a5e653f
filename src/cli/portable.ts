/**
 * `npm run portable`: the portable edition of the site just built — the
 * folder portable/ and volume-activation-guide-<date>.zip, which work from
 * disk or a USB stick with no server and no network (double-click
 * index.html). `npm run portable` builds first; this step alone reads dist/.
 *
 *   tsx src/cli/portable.ts [--from dist] [--out portable] [--zip file.zip]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writePortable } from '../lib/portable/edition';
import { zipArchive } from '../lib/portable/zip';
import { SITE, basePath } from '../lib/site';

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' }, zip: { type: 'string' } } });
const root = process.cwd();
const from = resolve(root, values.from ?? 'dist');
const to = resolve(root, values.out ?? 'portable');
const date = new Date().toISOString().slice(0, 10);
const zipFile = resolve(root, values.zip ?? `volume-activation-guide-${date}.zip`);

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // Not a git checkout: the copy says "unknown".
}

try {
  statSync(join(from, 'index.html'));
} catch {
  console.error(`${from}: no built site (index.html missing); run \`npm run build\` first, or \`npm run portable\`.`);
  process.exit(1);
}

// The same BASE_PATH as the build: its links start with it, and the live site is there.
const base = basePath(process.env.BASE_PATH);
const result = writePortable(from, to, { date, commit, liveUrl: `${SITE.url.replace(/\/+$/, '')}${base.replace(/\/+$/, '')}`, base });
if (result.problems.length) {
  console.error(result.problems.join('\n'));
  console.error(`${result.problems.length} broken links in the portable copy; nothing zipped.`);
  process.exit(1);
}

// One folder inside the archive, so unpacking it makes one folder and not a hundred files.
const folder = `volume-activation-guide-${date}`;
const zipped = zipArchive(result.files.map((file) => ({ name: `${folder}/${file}`, data: readFileSync(join(to, file)) })));
rmSync(zipFile, { force: true });
writeFileSync(zipFile, zipped);
const raw = result.files.reduce((sum, file) => sum + statSync(join(to, file)).size, 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
console.log(`portable edition ${date} (${commit}): ${result.pages} pages, ${result.documents} in the search index, ${result.files.length} files`);
console.log(`  ${to}: ${mb(raw)}`);
console.log(`  ${zipFile}: ${mb(zipped.length)}`);
