import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../problem';
import { ENTRY_NAME, entryId, type ArticleCollection, type Collection, type DataCollection } from '../collections';

/** Largest article, in kilobytes (1 KB = 1024 bytes); checked before the file is read. */
export const SIZE_LIMIT_KB = 100;

/** A regular file of a collection, read. */
export interface FoundFile {
  collection: ArticleCollection;
  /** Path relative to the content folder, e.g. `factors/kms/branch-offices.mdx`. */
  entry: string;
  /** Path for messages, relative to the project root. */
  file: string;
  bytes: Buffer;
}

/** A file name a walk saw, valid or not, with the collection whose folder holds it (for the slug check and the routes). */
export interface FoundName {
  /** Path for messages, relative to the project root. */
  file: string;
  /** Path relative to the content folder, e.g. `factors/kms/branch-offices.mdx`. */
  path: string;
  collection: Collection;
}

/** What the walk found: files to read, every name seen (for the slug check), and one problem per refusal. */
export interface Walk {
  files: FoundFile[];
  names: FoundName[];
  problems: Problem[];
}

/**
 * A file name as it may be printed: plain when it is made of ordinary
 * characters, otherwise quoted with every control character escaped, so that
 * a name can never start a new line (or a CI annotation) of its own.
 */
export function printable(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : JSON.stringify(path).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NAME_HINT = 'name it in lower-case letters, digits and hyphens, e.g. "branch-offices.mdx"';

/**
 * Every file of a collection, trusting nothing: symbolic links and anything
 * but regular files and folders are refused without being followed, a file's
 * size is checked before it is read, names must be what the site can route,
 * at the depth the collection expects, and every filesystem error becomes a
 * problem naming the path.
 */
export function walkCollection(contentDir: string, shownDir: string, collection: ArticleCollection): Walk {
  const walk: Walk = { files: [], names: [], problems: [] };
  // The collection's own folder too: a link there would bring in a whole folder from outside the content folder.
  const folder = folderProblem(contentDir, shownDir, collection.folder, 'content');
  if (folder) walk.problems.push(folder);
  else visit(walk, contentDir, shownDir, collection, [collection.folder], true);
  return walk;
}

/**
 * `content/not-a-file` when the content folder is a symbolic link, or is reached through one on its way from the
 * project root (`VAG_CONTENT_DIR=…`): everything in it would come from wherever the link points. Undefined for a
 * real folder, or one that does not exist (then there is no content to read, and the tree rule says so).
 */
export function contentFolderProblem(root: string, contentDir: string): Problem | undefined {
  const shown = printable(relative(root, contentDir).split(sep).join('/') || '.');
  let real: string;
  try {
    if (lstatSync(contentDir).isSymbolicLink()) return linkedContentFolder(shown, 'the content folder is a symbolic link');
    real = realpathSync(contentDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { file: shown, rule: 'content/read', message: `the content folder cannot be read: ${errorCode(error)}` };
  }
  // The folders between the project root and the content folder: the root itself may live anywhere.
  const below = relative(resolve(root), resolve(contentDir));
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    return { file: shown, rule: 'content/read', message: `the project folder cannot be read: ${errorCode(error)}` };
  }
  if (below.split(sep)[0] !== '..' && real !== join(realRoot, below)) return linkedContentFolder(shown, 'a folder on the way to the content folder is a symbolic link');
  return undefined;
}

function linkedContentFolder(file: string, what: string): Problem {
  return { file, rule: 'content/not-a-file', message: `${what}; content must be real files and folders, or the site would be built from wherever the link points`, hint: 'replace the link with the folder itself' };
}

/**
 * `<prefix>/not-a-file` when a collection's folder (`factors`, `scenarios`) is a symbolic link or not a folder;
 * undefined when it is a real folder or does not exist (a collection without a folder has no entries).
 */
export function folderProblem(contentDir: string, shownDir: string, folder: string, prefix: string): Problem | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(join(contentDir, folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { file: printable(`${shownDir}/${folder}`), rule: `${prefix}/read`, message: `the folder cannot be read: ${errorCode(error)}` };
  }
  if (stats.isSymbolicLink()) {
    return { file: printable(`${shownDir}/${folder}`), rule: `${prefix}/not-a-file`, message: 'this folder is a symbolic link; content must be real files and folders inside the content folder', hint: 'replace the link with the folder itself' };
  }
  if (!stats.isDirectory()) return { file: printable(`${shownDir}/${folder}`), rule: `${prefix}/not-a-file`, message: 'this must be a folder' };
  return undefined;
}

function visit(walk: Walk, contentDir: string, shownDir: string, collection: ArticleCollection, parts: string[], top: boolean): void {
  const entry = parts.join('/');
  const file = printable(`${shownDir}/${entry}`);
  const report = (rule: string, message: string, hint?: string): void => {
    walk.problems.push({ file, rule, message, ...(hint ? { hint } : {}) });
  };
  let names: Buffer[];
  try {
    names = readdirSync(join(contentDir, ...parts), { encoding: 'buffer' });
  } catch (error) {
    // A collection without a folder simply has no articles.
    if (!(top && (error as NodeJS.ErrnoException).code === 'ENOENT')) report('content/read', `the folder cannot be read: ${errorCode(error)}`);
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const raw of names.sort(Buffer.compare)) {
    let name: string;
    try {
      name = decoder.decode(raw);
    } catch {
      const shown = printable(`${shownDir}/${entry}/${[...raw].map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16)}`)).join('')}`);
      walk.problems.push({ file: shown, rule: 'content/name', message: 'the file name is not valid UTF-8', hint: NAME_HINT });
      continue;
    }
    visitEntry(walk, contentDir, shownDir, collection, [...parts, name]);
  }
}

function visitEntry(walk: Walk, contentDir: string, shownDir: string, collection: ArticleCollection, parts: string[]): void {
  const entry = parts.join('/');
  const file = printable(`${shownDir}/${entry}`);
  const report = (rule: string, message: string, hint?: string): void => {
    walk.problems.push({ file, rule, message, ...(hint ? { hint } : {}) });
  };
  const path = join(contentDir, ...parts);
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    report('content/read', `the file cannot be read: ${errorCode(error)}`);
    return;
  }
  const name = parts[parts.length - 1]!;
  // Depth below the collection folder: 1 for `guides/x.mdx`, 2 for `factors/kms/x.mdx`.
  const depth = parts.length - 1;
  if (stats.isSymbolicLink()) return report('content/not-a-file', 'this is a symbolic link; articles and their folders must be real files and folders', 'replace the link with the file itself');
  if (stats.isDirectory()) {
    if (depth >= collection.depth) return report('content/location', `a folder here is not part of the site: ${collection.name} are ${layout(collection)}`, 'move its files up');
    if (!ENTRY_NAME.test(name)) return report('content/name', `folder name "${name}" is not a name the site can route`, NAME_HINT);
    return visit(walk, contentDir, shownDir, collection, parts, false);
  }
  if (!stats.isFile()) return report('content/not-a-file', 'this is not a regular file (a device, pipe or socket)', 'remove it');
  if (!name.endsWith('.mdx')) return report('content/extension', 'articles must be .mdx files; this file would be ignored', 'rename it to end in .mdx');
  walk.names.push({ file, path: entry, collection });
  if (depth !== collection.depth) return report('content/location', `the site builds no page for an article here: ${collection.name} are ${layout(collection)}`, `move it`);
  if (!ENTRY_NAME.test(name.slice(0, -'.mdx'.length))) return report('content/name', `file name "${name}" is not a name the site can route`, NAME_HINT);
  if (stats.size > SIZE_LIMIT_KB * 1024) return void walk.problems.push(sizeProblem(file, stats.size));
  try {
    walk.files.push({ collection, entry, file, bytes: readFileSync(path) });
  } catch (error) {
    report('content/read', `the file cannot be read: ${errorCode(error)}`);
  }
}

/** A file of a data collection, named as the site routes it, read. */
export interface FoundData {
  /** The entry's id: its file name without the extension. */
  id: string;
  /** Path for messages, relative to the project root. */
  file: string;
  bytes: Buffer;
}

/** What the walk of a data collection found: its files, read, and one problem per refusal. */
export interface DataWalk {
  files: FoundData[];
  problems: Problem[];
}

/**
 * Every file of a data collection (one YAML file per entry, directly in its folder), trusting nothing as
 * {@link walkCollection} does; problems are the collection's own (`scenario/file-name`, `scenario/not-a-file`,
 * `scenario/too-large`, `scenario/read`).
 */
export function walkDataCollection(contentDir: string, shownDir: string, collection: DataCollection): DataWalk {
  const prefix = collection.kind;
  const folder = folderProblem(contentDir, shownDir, collection.folder, prefix);
  if (folder) return { files: [], problems: [folder] };
  let names: string[];
  try {
    names = readdirSync(join(contentDir, collection.folder)).sort();
  } catch {
    // A collection without a folder simply has no entries.
    return { files: [], problems: [] };
  }
  const walk: DataWalk = { files: [], problems: [] };
  const extension = collection.extension;
  for (const name of names) {
    const entry = `${collection.folder}/${name}`;
    const file = `${shownDir}/${entry}`;
    const id = entryId(collection, entry);
    if (id === undefined) {
      walk.problems.push({ file, rule: `${prefix}/file-name`, message: `${prefix} files are named like "small-office${extension}" (lower-case words joined by hyphens, ending in ${extension}); ${JSON.stringify(name)} is not` });
      continue;
    }
    try {
      const stats = lstatSync(join(contentDir, entry));
      if (!stats.isFile()) walk.problems.push({ file, rule: `${prefix}/not-a-file`, message: 'must be a regular file (not a folder or a link)' });
      else if (stats.size > collection.maxBytes) walk.problems.push({ file, rule: `${prefix}/too-large`, message: `is ${stats.size} bytes; a ${prefix} is at most ${collection.maxBytes}` });
      else walk.files.push({ id, file, bytes: readFileSync(join(contentDir, entry)) });
    } catch (error) {
      walk.problems.push({ file, rule: `${prefix}/read`, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return walk;
}

/** The problem of a file over {@link SIZE_LIMIT_KB}. */
export function sizeProblem(file: string, size: number): Problem {
  return {
    file,
    rule: 'safety/size',
    message: `the file is ${(size / 1024).toFixed(1)} KB, over the ${SIZE_LIMIT_KB} KB limit for one article`,
    hint: 'split it into shorter articles; an article is one consideration, not a data dump',
  };
}

function layout(collection: ArticleCollection): string {
  return collection.depth === 2 ? `content/${collection.folder}/<method>/<name>.mdx` : `content/${collection.folder}/<name>.mdx`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
