import { isNode, isScalar, visit, type Document, type LineCounter } from 'yaml';
import type { Problem } from '../problem';

/*
 * What the YAML data files (the decision tree, worked scenarios) may hold beyond what a schema can see:
 * no explicit tags, and no text longer than a page of prose. Both are checked on the parsed document, before
 * any schema or regular expression reads the data.
 */

/** Most characters in one text of a YAML data file: a rationale is a paragraph, never a chapter. */
export const MAX_DATA_TEXT = 2_000;

/** A tag as it was written: `tag:yaml.org,2002:js/function` → `!!js/function`. */
function written(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag.startsWith('!') ? tag : `!<${tag}>`;
}

/**
 * `<prefix>/yaml-tag` for every explicitly tagged value (`!!js/function`, `!!binary`, `!custom`): the files are
 * plain data, and a tag is either code to a lenient parser or a value of a type no page expects.
 * `<prefix>/too-long` for a text over {@link MAX_DATA_TEXT} characters.
 */
export function yamlDataProblems(file: string, doc: Document, lineCounter: LineCounter, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
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
