/**
 * `npm run docs`: rewrite the generated tables of CONTRIBUTING.md (frontmatter
 * fields, methods, stances, tags) from the schema and taxonomy.ts.
 * `npm run docs -- --check` only reports whether they are up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { markers, updateSections } from '../lib/docs/contributing-tables';

const FILE = 'CONTRIBUTING.md';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const path = resolve(process.cwd(), FILE);
  const { text, changed, missing } = updateSections(readFileSync(path, 'utf8'));
  for (const name of missing) {
    const { start, end } = markers(name);
    console.error(`${FILE}: the markers of the "${name}" table are missing; add ${start} and ${end} where it belongs`);
  }
  if (missing.length) return 1;
  if (!changed.length) {
    console.log(`${FILE} is up to date.`);
    return 0;
  }
  if (check) {
    console.error(`${FILE} is out of date (${changed.join(', ')}): run npm run docs`);
    return 1;
  }
  writeFileSync(path, text);
  console.log(`${FILE}: rewrote the ${changed.join(', ')} table${changed.length === 1 ? '' : 's'}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
