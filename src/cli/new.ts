/**
 * `npm run new`: scaffold a factor article. Asks for what the flags did not
 * give (method, stance, title, tags, the tree answers it bears on), then writes
 * content/factors/<method>/<slug>.mdx with complete frontmatter and the house
 * headings. The checks and the text live in src/lib/scaffold.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import * as prompts from '@clack/prompts';
import {
  articlePath,
  articleText,
  checkInput,
  checkSlug,
  checkTitle,
  clashingFile,
  missingFields,
  nextSteps,
  parseFlags,
  slugify,
  treeAnswerChoices,
  USAGE,
  validateAnswers,
  type ScaffoldInput,
  type TreeAnswerChoice,
} from '../lib/scaffold';
import { contentDir } from '../lib/site';
import { METHOD_IDS, METHODS, WEIGHING_STANCES, STANCES, TAG_IDS, TAGS, type Method } from '../lib/taxonomy';
import { readTreeFile, TREE_FILE } from '../lib/tree/load';

const root = process.cwd();

/** A path as the contributor sees it: relative to the project, forward slashes. */
function shown(path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

/** The answers of the decision tree, or undefined when the tree cannot be read. */
function readTreeAnswers(content: string): TreeAnswerChoice[] | undefined {
  const path = join(content, TREE_FILE);
  if (!existsSync(path)) return undefined;
  const { nodes } = readTreeFile(shown(path), readFileSync(path, 'utf8'));
  return treeAnswerChoices(nodes);
}

/** Where the article would be written, and a refusal when that file (or one differing only in case or punctuation) exists. */
function target(content: string, method: string, slug: string): { path: string; exists: string | undefined } {
  const path = resolve(root, articlePath(content, { method: method as Method, slug }));
  const folder = dirname(path);
  const clash = existsSync(path) ? basename(path) : existsSync(folder) ? clashingFile(slug, readdirSync(folder)) : undefined;
  return {
    path,
    exists: clash ? `${shown(join(folder, clash))} already exists; choose another title or give another --slug` : undefined,
  };
}

class Cancelled extends Error {}

/** The value a prompt returned; Ctrl+C (clack's cancel symbol) stops the whole flow. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/** Ask for everything the flags left out, then for confirmation; returns the completed input. */
async function ask(given: ScaffoldInput, content: string, tree: TreeAnswerChoice[] | undefined): Promise<ScaffoldInput> {
  const input = { ...given };
  prompts.intro('New pro or con article');
  input.method ??= answered(
    await prompts.select<string>({
      message: 'Which activation method is it about?',
      options: METHOD_IDS.map((id) => ({ value: id, label: METHODS[id].label, hint: METHODS[id].name })),
    }),
  );
  input.stance ??= answered(
    await prompts.select<string>({
      message: 'Is it a pro or a con?',
      options: WEIGHING_STANCES.map((id) => ({ value: id, label: STANCES[id].label })),
    }),
  );
  const method = input.method;
  input.title ??= answered(
    await prompts.text({
      message: 'Title: the claim in a few words',
      placeholder: 'Clients find the KMS host on their own through DNS',
      validate: (value = '') => checkTitle(value)[0] ?? (given.slug ? undefined : target(content, method, slugify(value)).exists),
    }),
  ).trim();
  if (!given.slug) {
    input.slug = answered(
      await prompts.text({
        message: 'File name (the last part of the page address)',
        initialValue: slugify(input.title),
        validate: (value = '') => checkSlug(value)[0] ?? target(content, method, value).exists,
      }),
    );
  }
  if (!input.tags?.length) {
    input.tags = answered(
      await prompts.multiselect<string>({
        message: 'Tags (space to select, enter to confirm)',
        options: TAG_IDS.map((id) => ({ value: id, label: TAGS[id].label, hint: TAGS[id].description })),
        required: true,
        maxItems: 10,
      }),
    );
  }
  if (input.decides === undefined && tree?.length) {
    input.decides = answered(
      await prompts.multiselect<string>({
        message: `Which answers of ${TREE_FILE} does it bear on? (none: you cite it from the tree yourself)`,
        options: tree.map((answer) => ({ value: answer.ref, label: `${answer.question} → ${answer.label}`, hint: answer.ref })),
        required: false,
        maxItems: 10,
      }),
    );
  }
  const path = target(content, input.method, input.slug ?? slugify(input.title)).path;
  if (!answered(await prompts.confirm({ message: `Create ${shown(path)}?` }))) throw new Cancelled();
  return input;
}

function fail(lines: readonly string[]): number {
  for (const line of lines) console.error(line);
  console.error('Nothing was written. Run npm run new -- --help for the options.');
  return 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.problems.length) return fail(flags.problems);

  const content = resolve(root, contentDir());
  const tree = readTreeAnswers(content);
  const treeRefs = tree?.map((answer) => answer.ref);
  const given = checkInput(flags.input, treeRefs);
  if (given.length) return fail(given);

  let input = flags.input;
  const missing = missingFields(input);
  if (missing.length) {
    if (flags.yes || !process.stdin.isTTY) {
      return fail([`missing ${missing.map((field) => `--${field}`).join(', ')}: give every required flag, or run npm run new in a terminal to be asked`]);
    }
    try {
      input = await ask(input, content, tree);
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      prompts.cancel('Cancelled; nothing was written.');
      return 1;
    }
  }

  const { answers, problems } = validateAnswers(input, treeRefs);
  if (!answers) return fail(problems);
  const { path, exists } = target(content, answers.method, answers.slug);
  if (exists) return fail([`refusing to overwrite: ${exists}`]);

  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, articleText(answers, new Date()), { flag: 'wx' });
  const steps = nextSteps(shown(path), answers, shown(join(content, TREE_FILE)));
  if (missing.length) {
    prompts.note(steps.join('\n'), 'Next steps');
    prompts.outro(`Created ${shown(path)}`);
  } else {
    console.log(`Created ${shown(path)}\n\nNext steps:\n${steps.map((step) => `  ${step}`).join('\n')}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
