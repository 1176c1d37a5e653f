import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from '../problem';
import { bomProblem, characterProblems, decodeUtf8 } from './characters';

/*
 * The reader of the YAML data files (the decision tree, worked scenarios), apart from the article reader: held to
 * the standard of articles (UTF-8 only, no byte order mark, none of the characters content/characters.ts refuses)
 * and to what a schema cannot see (no explicit tags, no text longer than a page of prose, few aliases), checked on
 * the parsed document before any schema or regular expression reads the data.
 */

/** Most characters in one text of a YAML data file: a rationale is a paragraph, never a chapter. */
export const MAX_DATA_TEXT = 2_000;

/** A YAML data file as read: its text, its document (for the line of a field) and its data, or the problems. */
export interface DataFile {
  file: string;
  /** The file's text; empty when it is not UTF-8. */
  text: string;
  doc: Document;
  /** Line and column (1-based) of an offset in the text. */
  at(offset: number): { line: number; column: number };
  /** Line of the value at a path of the data, e.g. `path`, `path.2`, `outcome`. */
  lineOf(...path: (string | number)[]): number | undefined;
  /** The data, when there are no problems. */
  data?: unknown;
  problems: Problem[];
}

/** How to read a kind of data file. */
export interface DataFileRules {
  /** The rule prefix of its problems: `tree`, `scenario`. */
  prefix: string;
  /** Most aliases it may expand: a small cap keeps an alias bomb out. */
  maxAliases: number;
  /** Whether Astro's loader reads the file itself (js-yaml): then the data is what that parser reads. */
  asBuild?: boolean;
}

/**
 * Decode, parse and vet one YAML data file; never throws. Problems name the file, line and column: `<prefix>/encoding`,
 * `<prefix>/bom`, `<prefix>/character`, `<prefix>/yaml`, `<prefix>/yaml-tag`, `<prefix>/too-long`.
 */
export function readDataFile(file: string, content: string | Uint8Array, { prefix, maxAliases, asBuild = false }: DataFileRules): DataFile {
  const decoded = decodeUtf8(file, content, prefix);
  const text = decoded.text ?? '';
  const early = decoded.problem ? [decoded.problem] : bomOrCharacters(file, text, prefix);
  const lineCounter = new LineCounter();
  // Parsed only when the text passed: an empty document for a file refused before.
  const doc = parseDocument(early.length ? '' : text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const lineOf = (...path: (string | number)[]) => {
    const node = doc.getIn(path, true);
    return isNode(node) && node.range ? at(node.range[0]).line : undefined;
  };
  const read = (problems: Problem[], data?: unknown): DataFile => ({ file, text, doc, at, lineOf, problems, ...(problems.length ? {} : { data }) });
  if (early.length) return read(early);
  if (doc.errors.length) return read(doc.errors.map((error) => ({ file, ...at(error.pos[0]), rule: `${prefix}/yaml`, message: `not valid YAML: ${firstLine(error.message)}` })));
  try {
    const data: unknown = doc.toJS({ maxAliasCount: maxAliases });
    const dataProblems = yamlDataProblems(file, doc, at, prefix);
    if (dataProblems.length) return read(dataProblems);
    // The data as the build will read it (js-yaml): tags and dates it reads differently are caught here, not at build.
    return read([], asBuild ? parseYamlAsBuild(text) : data);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const message = error instanceof Error ? ((error as { reason?: string }).reason ?? error.message) : String(error);
    return read([{ file, line: mark ? mark.line + 1 : 1, column: mark ? mark.column + 1 : 1, rule: `${prefix}/yaml`, message: `not valid YAML: ${firstLine(message)}` }]);
  }
}

function bomOrCharacters(file: string, text: string, prefix: string): Problem[] {
  const bom = bomProblem(file, text, prefix, 'its first line');
  return bom ? [bom] : characterProblems(file, text, prefix);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * A YAML data file's content as the build reads it (Astro loads `.yaml` entries with the same js-yaml parser
 * as frontmatter). Throws js-yaml's error, whose `mark` has the 0-based line, for what the build would refuse.
 */
function parseYamlAsBuild(text: string): unknown {
  const wrapped = `---\n${text}\n---\n`;
  // A line starting with "---" or "+++" would end the wrapper early: refuse it rather than read less than the build.
  if (extractFrontmatter(wrapped) !== `\n${text}\n`) throw Object.assign(new Error('a line may not start with "---" or "+++"'), { mark: undefined });
  return parseFrontmatter(wrapped).frontmatter;
}

/** A tag as it was written: `tag:yaml.org,2002:js/function` → `!!js/function`. */
function written(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag.startsWith('!') ? tag : `!<${tag}>`;
}

/**
 * `<prefix>/yaml-tag` for every explicitly tagged value (`!!js/function`, `!!binary`, `!custom`): the files are
 * plain data, and a tag is either code to a lenient parser or a value of a type no page expects.
 * `<prefix>/too-long` for a text over {@link MAX_DATA_TEXT} characters.
 */
function yamlDataProblems(file: string, doc: Document, at: DataFile['at'], prefix: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, (_, node) => {
    if (!isNode(node) || !node.range) return;
    if (node.tag) {
      problems.push({
        file,
        ...at(node.range[0]),
        rule: `${prefix}/yaml-tag`,
        message: `the YAML tag "${written(node.tag)}" is not allowed: this file is plain data (text, lists, maps)`,
        hint: 'remove the tag and write the value as plain text',
      });
    }
    if (isScalar(node) && typeof node.value === 'string' && node.value.length > MAX_DATA_TEXT) {
      problems.push({
        file,
        ...at(node.range[0]),
        rule: `${prefix}/too-long`,
        message: `this text is ${node.value.length.toLocaleString('en')} characters long, more than the ${MAX_DATA_TEXT.toLocaleString('en')} a text here may have`,
        hint: 'shorten it; put the detail in a guide and link to it',
      });
    }
  });
  return problems;
}
