/**
 * The pure part of `npm run new`: turn a contributor's answers (from flags or
 * prompts) into a checked set of values, a file name and the text of a new
 * factor article. The CLI in src/cli/new.ts only asks, reads and writes.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ENTRY_NAME, slugKey } from './collections';
import { isoDate } from './format';
import { factorSchema } from './schema/factor';
import { titleSchema } from './schema/fields';
import { parseFields } from './schema/format-issues';
import { closest } from './suggest';
import { METHOD_IDS, METHODS, STANCES, TAG_IDS, WEIGHING_STANCES, type Method, type Stance, type Tag } from './taxonomy';
import type { TreeNode } from './tree/schema';

/** What a contributor gave, as typed: any field may be missing or wrong. */
export interface ScaffoldInput {
  method?: string;
  stance?: string;
  title?: string;
  tags?: string[];
  /** Answers of the decision tree the article bears on, as `question-id/answer-id`. */
  decides?: string[];
  /** File name without `.mdx`; derived from the title when not given. */
  slug?: string;
}

/** Checked answers, ready to be written. */
export interface ScaffoldAnswers {
  method: Method;
  stance: Stance;
  title: string;
  tags: Tag[];
  decides: string[];
  slug: string;
}

/** The fields a contributor must give; the rest is optional or derived. */
export const REQUIRED_FIELDS = ['method', 'stance', 'title', 'tags'] as const;

/** The word that marks every value a contributor still has to fill in; the build refuses it. */
export const PLACEHOLDER_MARK = 'REPLACE';

/** Placeholder values written into a new article's frontmatter. */
export const PLACEHOLDERS = {
  summary: `${PLACEHOLDER_MARK}: one sentence of at most 200 characters that says what this means for an administrator.`,
  appliesTo: `${PLACEHOLDER_MARK}: the products and versions this holds for, e.g. Windows 10 and 11`,
  source: { title: `${PLACEHOLDER_MARK}: Microsoft documentation page title`, url: 'https://learn.microsoft.com/REPLACE-ME' },
} as const;

const ANSWER_REF = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** Longest slug `slugify` produces; long titles are cut at a word boundary. */
export const SLUG_MAX = 60;

/**
 * A file name from a title: lower-case ASCII words joined by hyphens, accents
 * dropped, apostrophes removed ("don't" → "dont"), at most SLUG_MAX characters.
 */
export function slugify(title: string, maxLength = SLUG_MAX): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/** The existing file in a folder that a new slug would clash with, if any. */
export function clashingFile(slug: string, existing: readonly string[]): string | undefined {
  const key = slugKey(slug);
  return existing.find((name) => /\.mdx?$/.test(name) && slugKey(name) === key);
}

/** `--method: unknown method "kmss" — did you mean "kms"? Known methods: kms, …` */
function unknownValue(flag: string, noun: string, value: string, known: readonly string[]): string {
  const guess = closest(value, known);
  const didYouMean = guess ? ` — did you mean "${guess}"?` : '.';
  return `--${flag}: unknown ${noun} "${value}"${didYouMean} Known ${noun}s: ${known.join(', ')}`;
}

/** Problems with a method id, one line each (empty when it is known). */
export function checkMethod(method: string): string[] {
  return (METHOD_IDS as readonly string[]).includes(method) ? [] : [unknownValue('method', 'method', method, METHOD_IDS)];
}

/** Problems with a stance id. */
export function checkStance(stance: string): string[] {
  return (WEIGHING_STANCES as readonly string[]).includes(stance) ? [] : [unknownValue('stance', 'stance', stance, WEIGHING_STANCES)];
}

/** Problems with a title, by the same rule as the frontmatter schema. */
export function checkTitle(title: string): string[] {
  const result = titleSchema.safeParse(title);
  if (result.success) {
    return slugify(title) ? [] : ['--title: must contain at least one letter or digit, to make a file name from'];
  }
  const length = title.trim().length > 100 ? ` (it has ${title.trim().length} characters)` : '';
  return result.error.issues.map((issue) => `--title: ${issue.message}${length}`);
}

/** The `tags` field alone, by the frontmatter schema's rule, so `npm run new` and the build say the same. */
const tagsField = z.strictObject({ tags: factorSchema.shape.tags });

/** Problems with a list of tags, by the frontmatter schema: unknown ones (with a did-you-mean), repeats, none at all. */
export function checkTags(tags: readonly string[]): string[] {
  const result = parseFields(tagsField, { tags }, { tags: 'tag' });
  return result.success ? [] : result.issues.map((issue) => `--tags: ${issue.text}`);
}

/**
 * Problems with `decides` references: the form `question-id/answer-id`, and,
 * when the tree's answers are known, that each names one of them.
 */
export function checkDecides(decides: readonly string[], treeAnswers?: readonly string[]): string[] {
  const problems: string[] = [];
  for (const ref of decides) {
    if (!ANSWER_REF.test(ref)) {
      problems.push(`--decides: "${ref}" must name an answer as question-id/answer-id, e.g. "machine-count/below-threshold"`);
    } else if (treeAnswers && !treeAnswers.includes(ref)) {
      const guess = closest(ref, treeAnswers);
      problems.push(
        `--decides: "${ref}" is not an answer in the decision tree${guess ? ` — did you mean "${guess}"?` : '.'} Known answers: ${treeAnswers.join(', ')}`,
      );
    }
  }
  return problems;
}

/** Problems with an explicit file name. */
export function checkSlug(slug: string): string[] {
  return ENTRY_NAME.test(slug) ? [] : [`--slug: must be lower-case words joined by hyphens, e.g. "renewal-crosses-the-wan", received "${slug}"`];
}

/** The required fields that are still missing. */
export function missingFields(input: ScaffoldInput): (typeof REQUIRED_FIELDS)[number][] {
  return REQUIRED_FIELDS.filter((field) => {
    const value = input[field];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
}

/**
 * Every problem with the fields that were given, one line each; missing fields
 * are not problems here (the CLI asks for them or reports them as missing).
 */
export function checkInput(input: ScaffoldInput, treeAnswers?: readonly string[]): string[] {
  return [
    ...(input.method !== undefined ? checkMethod(input.method) : []),
    ...(input.stance !== undefined ? checkStance(input.stance) : []),
    ...(input.title !== undefined ? checkTitle(input.title) : []),
    ...(input.tags !== undefined && input.tags.length ? checkTags(input.tags) : []),
    ...(input.decides !== undefined ? checkDecides(input.decides, treeAnswers) : []),
    ...(input.slug !== undefined ? checkSlug(input.slug) : []),
  ];
}

/**
 * Check a complete set of answers against the vocabulary in taxonomy.ts (and
 * the tree's answers, when known). Returns the answers or every problem at once.
 */
export function validateAnswers(
  input: ScaffoldInput,
  treeAnswers?: readonly string[],
): { answers: ScaffoldAnswers; problems: [] } | { answers: undefined; problems: string[] } {
  const problems = [...missingFields(input).map((field) => `--${field} is required but missing`), ...checkInput(input, treeAnswers)];
  if (problems.length) return { answers: undefined, problems };
  const title = input.title!.trim();
  return {
    answers: {
      method: input.method as Method,
      stance: input.stance as Stance,
      title,
      tags: input.tags as Tag[],
      decides: input.decides ?? [],
      slug: input.slug ?? slugify(title),
    },
    problems: [],
  };
}

/** A YAML double-quoted string (JSON strings are valid YAML). */
function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * The frontmatter of a new article, without the `---` fences: every required
 * field, with REPLACE placeholders where only the contributor knows the value.
 */
export function frontmatterText(answers: ScaffoldAnswers, today: Date): string {
  const lines = [
    `title: ${quote(answers.title)}`,
    `summary: ${quote(PLACEHOLDERS.summary)}`,
    `method: ${answers.method}`,
    `stance: ${answers.stance}`,
    `tags: [${answers.tags.join(', ')}]`,
    'appliesTo:',
    `  - ${quote(PLACEHOLDERS.appliesTo)}`,
    'sources:',
    `  - title: ${quote(PLACEHOLDERS.source.title)}`,
    `    url: ${quote(PLACEHOLDERS.source.url)}`,
    `reviewed: ${isoDate(today)}`,
    answers.decides.length
      ? `decides: [${answers.decides.join(', ')}]`
      : '# decides: [question-id/answer-id]   # or cite this article from content/decision-tree.yaml',
  ];
  return `${lines.join('\n')}\n`;
}

/** The body of a new article: the house headings, each with a line of guidance. */
export function bodyText(answers: Pick<ScaffoldAnswers, 'method' | 'stance'>): string {
  const method = METHODS[answers.method].label;
  const stance = STANCES[answers.stance].label.toLowerCase();
  return [
    `Open with one or two paragraphs that state the claim plainly: what is true of ${method} here, and why it is a ${stance} for an administrator. Write 150 to 400 words in all, in your own words, and do not repeat the title as a heading.`,
    '',
    '## What it means in practice',
    '',
    'Say where this matters and where it does not: the kind of network, the number of machines, the products involved. Link related articles with root-relative links such as `/factors/kms/branch-offices/` or `/guides/glossary/`.',
    '',
    '## What to do',
    '',
    'Give the steps or the decision the reader should take, with commands in backticks, for example `slmgr /dlv`. State as fact only what your sources say.',
    '',
  ].join('\n');
}

/** The whole text of a new factor article. */
export function articleText(answers: ScaffoldAnswers, today: Date): string {
  return `---\n${frontmatterText(answers, today)}---\n\n${bodyText(answers)}`;
}

/** Path of a factor article inside the content folder, with forward slashes. */
export function articlePath(contentDir: string, answers: Pick<ScaffoldAnswers, 'method' | 'slug'>): string {
  return `${contentDir.replace(/\/+$/, '')}/factors/${answers.method}/${answers.slug}.mdx`;
}

/** What the contributor does after the file is written, one step per line. */
export function nextSteps(file: string, answers: ScaffoldAnswers, treeFile = 'content/decision-tree.yaml'): string[] {
  const id = `${answers.method}/${answers.slug}`;
  const tree = answers.decides.length
    ? `It decides ${answers.decides.join(', ')} through its frontmatter; cite "${id}" from ${treeFile} too where an outcome rests on it.`
    : `Cite "${id}" from an answer or outcome in ${treeFile}, or add decides: [question-id/answer-id] to its frontmatter; the build fails for an article the tree never cites.`;
  return [
    `1. Edit ${file}: write the opening paragraph and the two sections (150–400 words).`,
    `2. Replace every ${PLACEHOLDER_MARK} placeholder in the frontmatter: summary, appliesTo and the source's title and url. The build fails while one is left.`,
    `3. ${tree}`,
    '4. Run npm run build, then npm test.',
  ];
}

/** One answer of the decision tree, for the "which answer does it bear on" question. */
export interface TreeAnswerChoice {
  /** `question-id/answer-id`, as written in `decides`. */
  ref: string;
  question: string;
  label: string;
}

/** Every answer of every question in the tree, in file order. */
export function treeAnswerChoices(nodes: readonly TreeNode[]): TreeAnswerChoice[] {
  return nodes.flatMap((node) =>
    node.type === 'question'
      ? node.answers.map((answer) => ({ ref: `${node.id}/${answer.id}`, question: node.question, label: answer.label }))
      : [],
  );
}

/** The command-line flags of `npm run new`. */
const FLAGS = {
  method: { type: 'string' },
  stance: { type: 'string' },
  title: { type: 'string' },
  tags: { type: 'string', multiple: true },
  decides: { type: 'string', multiple: true },
  slug: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What the command line asked for. */
export interface ParsedFlags {
  input: ScaffoldInput;
  /** Never prompt: take the flags as they are and fail on anything missing. */
  yes: boolean;
  help: boolean;
  problems: string[];
}

/** Comma-separated and repeated values alike: `--tags dns,renewal --tags office`. */
function list(values: readonly string[] | undefined): string[] | undefined {
  return values?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

/** Parse `--method kms --stance con --title "…" --tags dns,renewal [--decides q/a] [--slug s] [--yes]`. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(message);
    if (unknown) {
      const guess = closest(unknown[2]!, Object.keys(FLAGS));
      return {
        input: {},
        yes: false,
        help: false,
        problems: [`unknown option "${unknown[1]}${unknown[2]}"${guess ? ` — did you mean "--${guess}"?` : '.'} Known options: ${Object.keys(FLAGS).map((flag) => `--${flag}`).join(', ')}`],
      };
    }
    return { input: {}, yes: false, help: false, problems: [message.split('\n')[0] ?? message] };
  }
  const input: ScaffoldInput = {};
  for (const key of ['method', 'stance', 'title', 'slug'] as const) {
    const value = values[key];
    if (typeof value === 'string') input[key] = value.trim();
  }
  const tags = list(values.tags as string[] | undefined);
  if (tags) input.tags = tags;
  const decides = list(values.decides as string[] | undefined);
  if (decides) input.decides = decides;
  return { input, yes: values.yes === true, help: values.help === true, problems: [] };
}

/** Usage text for `npm run new -- --help`. */
export const USAGE = `Scaffold a new pro or con article.

  npm run new                       ask for everything
  npm run new -- --method kms --stance con --title "…" --tags dns,renewal [--decides question-id/answer-id] [--slug name] [--yes]

  --method   ${METHOD_IDS.join(' | ')}
  --stance   ${WEIGHING_STANCES.join(' | ')}
  --title    the claim in a few words (at most 100 characters)
  --tags     one or more of: ${TAG_IDS.join(', ')}
  --decides  answers of content/decision-tree.yaml this bears on, as question-id/answer-id
  --slug     the file name, when the one made from the title does not suit
  --yes      never ask; fail when a required flag is missing

With all of --method, --stance, --title and --tags it asks nothing.`;
