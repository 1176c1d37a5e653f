import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';

/** A content file split into its YAML frontmatter and its Markdown body. */
export interface SplitFile {
  /** Parsed frontmatter, or undefined when it could not be parsed. */
  data: unknown;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** Where a frontmatter path sits in the file (1-based), for precise messages. */
  locate(path: readonly PropertyKey[], options?: { atKey?: boolean }): { line: number; column: number };
  /** YAML syntax errors, with their position in the file. */
  errors: { line: number; column: number; message: string }[];
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split a Markdown/MDX file into frontmatter and body; never throws. */
export function splitFrontmatter(text: string): SplitFile {
  const match = FENCE.exec(text);
  if (!match) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      locate: () => ({ line: 1, column: 1 }),
      errors: [{ line: 1, column: 1, message: 'the file must start with YAML frontmatter between two "---" lines' }],
    };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const toFile = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const errors = doc.errors.map((error) => ({ ...toFile(error.pos[0]), message: error.message.split('\n')[0] ?? error.message }));
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  return {
    data: errors.length ? undefined : doc.toJS(),
    body: text.slice(match[0].length),
    bodyLine: match[0].endsWith('\n') ? bodyLine : bodyLine + 1,
    errors,
    locate(path, { atKey = false } = {}) {
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
    },
  };
}
