/**
 * `npm run check`: every check a pull request must pass, in one report —
 * the content checks that run inside `npm run build` (safety lint, schema,
 * MDX syntax, internal links, decision tree) and `astro check` (types).
 * One line per problem, `file:line:column  rule  message`, all at once;
 * exit code 1 when there is any.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkContentFolder } from '../lib/checks/run';
import { parseAstroCheck } from '../lib/checks/astro-check';
import { formatReport, type Problem } from '../lib/problem';
import { contentDir } from '../lib/site';

const root = process.cwd();
const content = checkContentFolder(root, join(root, contentDir()));

const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'check'], {
  cwd: root,
  encoding: 'utf8',
  // astro check leaves the content checks (run above) to this command.
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
});
const types = parseAstroCheck(`${result.stdout}\n${result.stderr}`);
const problems: Problem[] = [...content, ...types];
if (result.status !== 0 && types.length === 0 && content.length === 0) {
  const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join(' | ');
  problems.push({ file: 'astro.config.mjs', rule: 'types/astro-check', message: `astro check failed without a diagnostic: ${tail}` });
}

if (problems.length) {
  console.error(formatReport(problems));
  process.exitCode = 1;
} else {
  console.log('All checks passed: content (safety, schema, MDX, links, decision tree) and types.');
}
