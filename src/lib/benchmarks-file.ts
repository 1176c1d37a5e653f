import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * BENCHMARKS.md is written by two commands (`npm run bench`, `npm run
 * lighthouse`), each owning the part between its marker comments
 * (`<!-- <name>:start -->` … `<!-- <name>:end -->`). Rewriting one section
 * keeps the other and every hand-written note outside the markers.
 */
export function replaceSectionText(text: string, name: string, content: string, heading: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) return `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  return `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
}

/** Replace (or append, under `heading`) one marked section of a Markdown file. */
export function replaceSection(file: string, name: string, content: string, heading = name): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceSectionText(text, name, content, heading));
}
