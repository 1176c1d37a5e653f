import { isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Problem } from '../../problem';
import { isRootRelative } from '../../routes';
import { inlineLinks } from '../../tree/inline';
import type { ContentIndex } from '../index';
import { siteRoutes } from '../routes';
import { checkLinksToRoutes } from './links-to-routes';

/**
 * The site links of a scenario's `why`, read as its page renders it: paragraph by paragraph, each by the Markdown
 * parser (tree/inline.ts). Offsets are in `why` as the schema returns it (trimmed).
 */
export function whyLinks(why: string): { url: string; offset: number }[] {
  const links: { url: string; offset: number }[] = [];
  let offset = 0;
  // As the page splits it: paragraphs separated by a blank line (the odd pieces here), each trimmed.
  why.split(/(\n\s*\n)/).forEach((piece, at) => {
    if (at % 2 === 0) {
      const lead = piece.length - piece.trimStart().length;
      for (const link of inlineLinks(piece.trim())) if (isRootRelative(link.url)) links.push({ url: link.url, offset: offset + lead + link.offset });
    }
    offset += piece.length;
  });
  return links;
}

/**
 * Where an offset of the `why` text sits in the file. Exact in a literal block (`why: |`), the way scenarios are
 * written, where each line of the text is a line of the file; the line of the field in any other style.
 */
function locate(text: string, offset: number, fallback: number | undefined): { line: number; column?: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const node = doc.get('why', true);
  const fieldLine = fallback ?? 1;
  if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || !node.range || typeof node.value !== 'string') return { line: fieldLine };
  const raw = node.value;
  // The schema trims the text; the offset is in the trimmed text.
  const at = offset + (raw.length - raw.trimStart().length);
  const before = raw.slice(0, at).split('\n');
  const headerLine = lineCounter.linePos(node.range[0]).line;
  const line = headerLine + before.length;
  const sourceLine = text.split(/\r?\n/)[line - 1];
  const valueLine = raw.split('\n')[before.length - 1];
  if (sourceLine === undefined || valueLine === undefined || !sourceLine.endsWith(valueLine)) return { line: fieldLine };
  return { line, column: sourceLine.length - valueLine.length + before.at(-1)!.length + 1 };
}

/**
 * `links/unknown-page`, `links/unknown-fragment`, `links/malformed` in worked scenarios: every site link of a
 * scenario's `why` reaches a page and a heading the build will have, reported at its line in the scenario file.
 */
export function scenarioLinks(index: ContentIndex): Problem[] {
  const routes = siteRoutes(index);
  return index.scenarios.flatMap(({ read }) =>
    whyLinks(read.scenario?.why ?? '').flatMap((link) => {
      const problems = checkLinksToRoutes(read.file, [{ url: link.url, line: 1, column: 1 }], routes);
      if (!problems.length) return [];
      // Placed in the file only when there is a problem: that parses the file once more.
      const { line, column } = locate(read.text, link.offset, read.lineOf('why'));
      return problems.map(({ column: _, ...problem }) => ({ ...problem, line, ...(column === undefined ? {} : { column }) }));
    }),
  );
}
