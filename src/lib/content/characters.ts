import type { Problem } from '../problem';

/*
 * The characters a content file may hold, one test for every kind of file: articles (content/read.ts),
 * and the YAML data files, the decision tree and worked scenarios (content/data-file.ts). Each names its own rule prefix
 * (`safety`, `tree`, `scenario`), so a problem says which file kind it is about.
 */

/**
 * Characters refused anywhere in a content file:
 * C0 controls but tab, line feed and carriage return (NUL among them), DEL and C1 controls, which no text needs
 * and some parsers read as the end of the text; bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make text display in another order than it is read ("Trojan source"); zero-width
 * spaces and joiners and a byte order mark inside the text (U+200B–U+200D, U+FEFF), which hide inside ids,
 * titles and links and make two equal-looking words differ.
 */
// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** What a refused character is, for the message. */
function describe(char: string): { name: string; hint: string } {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0) return { name: `a NUL character (${hex})`, hint: 'remove it; the file was probably saved by a tool that writes binary or UTF-16' };
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { name: `the control character ${hex}`, hint: 'remove it; text never needs control characters other than tab and line breaks' };
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return { name: `the bidirectional control ${hex}`, hint: 'remove it; it makes the text display in another order than it is read' };
  }
  if (code === 0xfeff) return { name: `a byte order mark (${hex}) inside the text`, hint: 'remove it; it is invisible and makes equal-looking words differ' };
  return { name: `the zero-width character ${hex}`, hint: 'remove it; it is invisible and makes equal-looking words, ids and links differ' };
}

/**
 * One problem per line that holds a refused character (the first on that line), at most `limit` in all:
 * `<prefix>/character`. A byte order mark at the very start is left to {@link bomProblem}. Linear in the text.
 */
export function characterProblems(file: string, text: string, prefix: string, limit = 10): Problem[] {
  const problems: Problem[] = [];
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  let reportedLine = 0;
  for (const match of text.matchAll(REFUSED)) {
    if (match.index === 0 && match[0] === '\ufeff') continue;
    // Move past the line breaks before this match: each break is found once.
    while (nextBreak !== -1 && nextBreak < match.index) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (line === reportedLine) continue;
    reportedLine = line;
    const { name, hint } = describe(match[0]);
    problems.push({ file, line, column: match.index - lineStart + 1, rule: `${prefix}/character`, message: `${name} is not allowed in a content file`, hint });
    if (problems.length >= limit) break;
  }
  return problems;
}

/**
 * `<prefix>/bom`: a byte order mark, invisible, at the start of a file: before an article's frontmatter, or
 * before the first line of a YAML file, whose parser then misreads every line after it.
 */
export function bomProblem(file: string, text: string, prefix: string, before = 'the frontmatter\'s "---"'): Problem | undefined {
  if (!text.startsWith('\ufeff')) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    rule: `${prefix}/bom`,
    message: `the file starts with a byte order mark (U+FEFF), an invisible character before ${before}; content files are UTF-8 without one`,
    hint: 'save the file as "UTF-8" without BOM (in VS Code: the encoding in the status bar, "Save with Encoding", "UTF-8")',
  };
}

/** The text of a UTF-8 file, or the problem of its first invalid byte: `<prefix>/encoding`. A leading BOM is kept. */
export function decodeUtf8(file: string, bytes: Uint8Array | string, prefix: string): { text: string; problem?: undefined } | { text?: undefined; problem: Problem } {
  if (typeof bytes === 'string') return { text: bytes };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: encodingProblem(file, bytes, prefix) };
  }
}

/** Where the first invalid byte sits (line and column), and which byte it is. */
function encodingProblem(file: string, bytes: Uint8Array, prefix: string): Problem {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let decoded = '';
  let sequenceStart = 0;
  try {
    for (let offset = 0; offset < bytes.length; offset++) {
      const chunk = decoder.decode(bytes.subarray(offset, offset + 1), { stream: true });
      if (chunk) {
        decoded += chunk;
        sequenceStart = offset + 1;
      }
    }
    decoder.decode();
  } catch {
    // `sequenceStart` is the first byte of the sequence that failed.
  }
  const line = decoded.split('\n').length;
  const column = decoded.length - decoded.lastIndexOf('\n');
  const byte = bytes[sequenceStart] ?? 0;
  return {
    file,
    line,
    column,
    rule: `${prefix}/encoding`,
    message: `the file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here does not start a valid character`,
    hint: 'save the file as UTF-8; it was probably saved as Windows-1252 or UTF-16',
  };
}
