import { isNode, isSeq, type Document } from 'yaml';
import { readDataFile } from '../content/data-file';
import { parseFields } from '../schema/format-issues';
import { short, type Problem } from '../problem';
import { treeNodeSchema, type TreeNode } from './schema';

export { TREE_FILE } from '../collections';

/** Largest tree file, in kilobytes: checked before it is parsed. */
export const TREE_SIZE_LIMIT_KB = 512;

/** Most aliases the tree file may expand; it needs none, and a small cap keeps an alias bomb out. */
export const TREE_MAX_ALIASES = 20;

const VOCABULARIES = { recommends: 'method', cites: 'value' };

/** The decision tree as read: valid nodes in file order (the first is the start), their lines, and the problems. */
export interface TreeRead {
  nodes: TreeNode[];
  lines: Map<TreeNode, number>;
  problems: Problem[];
}

/**
 * Parse and validate the decision tree file: a YAML list of question and
 * outcome nodes, the first being where the tree starts. Returns the nodes that
 * are valid and one problem per mistake (with file, line and node id). Never
 * throws: a file too large, bytes that are not UTF-8, a byte order mark, characters no text needs
 * (content/characters.ts), a YAML tag, a text too long to be prose, an alias
 * bomb or anything unexpected is a problem.
 */
export function readTreeFile(file: string, content: string | Uint8Array): TreeRead {
  const fail = (...problems: Problem[]): TreeRead => ({ nodes: [], lines: new Map(), problems });
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (size > TREE_SIZE_LIMIT_KB * 1024) {
    return fail({ file, rule: 'tree/size', message: `the tree file is ${(size / 1024).toFixed(1)} KB, over the ${TREE_SIZE_LIMIT_KB} KB limit`, hint: 'a tree of questions and outcomes never needs this much' });
  }
  try {
    const read = readDataFile(file, content, { prefix: 'tree', maxAliases: TREE_MAX_ALIASES });
    return read.problems.length ? fail(...read.problems) : parseTree(file, read.doc, read.data, read.at);
  } catch (error) {
    return fail({ file, line: 1, column: 1, rule: 'tree/yaml', message: `not valid YAML: ${short(String((error as Error)?.message ?? error))}` });
  }
}

/** The nodes of a tree file read without problems: `doc` is its document, `data` what it holds. */
function parseTree(file: string, doc: Document, data: unknown, at: (offset: number) => { line: number; column: number }): TreeRead {
  if (!Array.isArray(data) || !isSeq(doc.contents)) {
    return { nodes: [], lines: new Map(), problems: [{ file, line: 1, column: 1, rule: 'tree/shape', message: 'the tree file must be a YAML list of question and outcome nodes' }] };
  }
  const nodes: TreeNode[] = [];
  const lines = new Map<TreeNode, number>();
  const problems: Problem[] = [];
  data.forEach((raw, index) => {
    const item = (doc.contents as { items: unknown[] }).items[index];
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `#${index + 1}`;
    const result = parseFields(treeNodeSchema, raw, VOCABULARIES);
    if (result.success) {
      nodes.push(result.data);
      if (isNode(item) && item.range) lines.set(result.data, at(item.range[0]).line);
      return;
    }
    for (const issue of result.issues) {
      const node = issue.path.length ? doc.getIn([index, ...issue.path], true) : item;
      const where = isNode(node) && node.range ? at(node.range[0]) : isNode(item) && item.range ? at(item.range[0]) : { line: 1, column: 1 };
      problems.push({ file, ...where, rule: `tree/schema-${issue.rule}`, message: `node "${id}": ${issue.message}` });
    }
  });
  return { nodes, lines, problems };
}
