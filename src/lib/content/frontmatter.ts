import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/** A content file split into its YAML frontmatter and its Markdown body. */
export interface SplitFile {
  /** The frontmatter as the build reads it, or undefined when it could not be parsed. */
  data: unknown;
  /** The body as Astro hands it on once the frontmatter is removed. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** Where a frontmatter path sits in the file (1-based), for precise messages. */
  locate(path: readonly PropertyKey[], options?: { atKey?: boolean }): { line: number; column: number };
  /** YAML errors, with their position in the file. */
  errors: { line: number; column: number; message: string }[];
}

/** Most aliases a frontmatter may expand: articles need none, and a few keep a "billion laughs" bomb out. */
export const MAX_ALIASES = 10;

/*
 * One splitting rule, Astro's own: the frontmatter is what
 * @astrojs/internal-helpers' regular expression finds, and its data is what
 * that package's parser (js-yaml, as the build uses it) returns, so `check`
 * reads dates, tags and aliases exactly as the build will. The `yaml` package
 * parses the same text once more, for line numbers, syntax messages and the
 * alias limit (MAX_ALIASES).
 */

/** The file as Astro hands it to the MDX compiler: frontmatter blanked with spaces, lines and columns unchanged. */
export function compiledBody(text: string): string {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return text;
  // As @astrojs/internal-helpers' parseFrontmatter(…, { frontmatter: 'empty-with-spaces' }), without parsing the YAML.
  const delimiter = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/.exec(text)?.[1] === '+++' ? '+++' : '---';
  return text.replace(`${delimiter}${raw}${delimiter}`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
}

const NO_FRONTMATTER = 'the file must start with YAML frontmatter between two "---" lines';

/** The frontmatter parsed by the `yaml` package, with a way back from offsets to lines and columns of the file. */
interface Positioned {
  doc: Document;
  toFile(offset: number): { line: number; column: number };
}

/** `raw` starts right after the opening "---", on line 1 of the file. */
function positioned(raw: string): Positioned {
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter, prettyErrors: false });
  return {
    doc,
    toFile: (offset) => {
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** Split a Markdown/MDX file into frontmatter and body; never throws. */
export function splitFrontmatter(text: string): SplitFile {
  const raw = /^---\r?\n/.test(text) ? extractFrontmatter(text) : undefined;
  if (raw === undefined) {
    return { data: undefined, body: text, bodyLine: 1, locate: () => ({ line: 1, column: 1 }), errors: [{ line: 1, column: 1, message: NO_FRONTMATTER }] };
  }
  const document = positioned(raw);
  const head = text.indexOf(raw) + raw.length + 3;
  const rest = text.slice(head);
  const body = rest.replace(/^[ \t]*\r?\n/, '');
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const build = buildData(text);
  const errors = yamlErrors(document, build);
  return { data: 'value' in build && !errors.length ? build.value : undefined, body, bodyLine, errors, locate: (path, options) => locate(document, path, options) };
}

/** What is wrong with a frontmatter, in order: `yaml`'s syntax errors, too many aliases, then the build parser's error. */
function yamlErrors({ doc, toFile }: Positioned, build: ReturnType<typeof buildData>): SplitFile['errors'] {
  if (doc.errors.length) return doc.errors.map((error) => ({ ...toFile(error.pos[0]), message: firstLine(error.message) }));
  const aliases = aliasProblem(doc);
  if (aliases) return [aliases];
  return 'error' in build ? [build.error] : [];
}

/** The data the build will see, or where and why the build's parser refuses it. */
function buildData(text: string): { value: unknown } | { error: SplitFile['errors'][number] } {
  try {
    return { value: parseFrontmatter(text).frontmatter };
  } catch (error) {
    const { mark, reason, message } = error as { mark?: { line: number; column: number }; reason?: string; message?: string };
    return { error: { line: (mark?.line ?? 1) + 1, column: (mark?.column ?? 0) + 1, message: firstLine(reason ?? message ?? String(error)) } };
  }
}

/** More aliases than MAX_ALIASES would expand: a problem at the start of the frontmatter. */
function aliasProblem(doc: Document): SplitFile['errors'][number] | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
    return undefined;
  } catch (error) {
    return { line: 2, column: 1, message: `too many aliases (at most ${MAX_ALIASES}): ${firstLine(String((error as Error).message))}` };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Where a frontmatter path sits in the file (1-based): its value, or its key with `atKey` or when the value has no position. */
function locate({ doc, toFile }: Positioned, path: readonly PropertyKey[], { atKey = false }: { atKey?: boolean } = {}): { line: number; column: number } {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1) as unknown[], true) : doc.contents;
      const key = path[depth - 1];
      const isTarget = depth === path.length;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
        if (!pair) continue;
        if (isTarget && !atKey && isNode(pair.value) && pair.value.range) return toFile(pair.value.range[0]);
        if (isNode(pair.key) && pair.key.range) return toFile(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === 'number') {
        const item = parent.items[key];
        if (isNode(item) && item.range) return toFile(item.range[0]);
      }
    }
    // A missing top-level field: point at the start of the frontmatter.
    return { line: 2, column: 1 };
}
