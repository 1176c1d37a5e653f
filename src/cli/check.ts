/**
 * `npm run check`: every check a pull request must pass, in one report —
 * the content checks that run inside `npm run build` (safety lint, schema,
 * MDX syntax, internal links, decision tree) and then, once the content
 * passes, `astro check` (types).
 * One line per problem, `file:line:column  rule  message`, all at once;
 * exit code 1 when there is any.
 *
 *   npm run check               # content, then types
 *   npm run check -- --content  # content only (types are checked by `npm run typecheck` and `npm test`)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentFolder } from '../lib/checks/run';
import { parseAstroCheck } from '../lib/checks/astro-check';
import { formatReport, type Problem } from '../lib/problem';
import { contentDir } from '../lib/site';

const { values: options } = parseArgs({ options: { content: { type: 'boolean', default: false } } });
const root = process.cwd();
const content = checkContentFolder(root, join(root, contentDir()));

/**
 * `astro check` (types), once the content passes: it loads every article through Astro's loaders,
 * which would read what the content checks refused (a symbolic link to /dev/zero, say).
 */
function checkTypes(): Problem[] {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'check'], {
    cwd: root,
    encoding: 'utf8',
    // astro check leaves the content checks (run above) to this command.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const types = parseAstroCheck(`${result.stdout}\n${result.stderr}`);
  if (result.status !== 0 && types.length === 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join(' | ');
    return [{ file: 'astro.config.mjs', rule: 'types/astro-check', message: `astro check failed without a diagnostic: ${tail}` }];
  }
  return types;
}

const problems: Problem[] = content.length || options.content ? content : checkTypes();
if (problems.length) {
  console.error(formatReport(problems));
  if (content.length) console.error('Types were not checked: they are checked once the content passes.');
  process.exitCode = 1;
} else {
  console.log(`All checks passed: content (safety, schema, MDX, links, decision tree)${options.content ? '; types not checked (--content)' : ' and types'}.`);
}
