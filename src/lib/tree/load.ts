import { parseDocument, LineCounter, isSeq, isNode } from 'yaml';
import { bomProblem, characterProblems, decodeUtf8 } from '../content/characters';
import { yamlDataProblems } from '../content/yaml-data';
import { formatIssues } from '../schema/format-issues';
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
    const decoded = decodeUtf8(file, content, 'tree');
    if (decoded.problem) return fail(decoded.problem);
    const bom = bomProblem(file, decoded.text, 'tree', 'its first line');
    if (bom) return fail(bom);
    const characters = characterProblems(file, decoded.text, 'tree');
    if (characters.length) return fail(...characters);
    return parseTree(file, decoded.text);
  } catch (error) {
    return fail({ file, line: 1, column: 1, rule: 'tree/yaml', message: `not valid YAML: ${short(String((error as Error)?.message ?? error))}` });
  }
}

function parseTree(file: string, text: string): TreeRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    return {
      nodes: [],
      lines: new Map(),
      problems: doc.errors.map((error) => ({ file, ...at(error.pos[0]), rule: 'tree/yaml', message: `not valid YAML: ${error.message.split('\n')[0]}` })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: TREE_MAX_ALIASES });
  // Before the schema: its patterns then only ever read short plain text.
  const dataProblems = yamlDataProblems(file, doc, lineCounter, 'tree');
  if (dataProblems.length) return { nodes: [], lines: new Map(), problems: dataProblems };
  if (!Array.isArray(data) || !isSeq(doc.contents)) {
    return { nodes: [], lines: new Map(), problems: [{ file, line: 1, column: 1, rule: 'tree/shape', message: 'the tree file must be a YAML list of question and outcome nodes' }] };
  }
  const nodes: TreeNode[] = [];
  const lines = new Map<TreeNode, number>();
  const problems: Problem[] = [];
  data.forEach((raw, index) => {
    const item = (doc.contents as { items: unknown[] }).items[index];
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `#${index + 1}`;
    const result = treeNodeSchema.safeParse(raw);
    if (result.success) {
      nodes.push(result.data);
      if (isNode(item) && item.range) lines.set(result.data, at(item.range[0]).line);
      return;
    }
    for (const issue of formatIssues(treeNodeSchema, result.error, raw, VOCABULARIES)) {
      const node = issue.path.length ? doc.getIn([index, ...issue.path], true) : item;
      const where = isNode(node) && node.range ? at(node.range[0]) : isNode(item) && item.range ? at(item.range[0]) : { line: 1, column: 1 };
      problems.push({ file, ...where, rule: `tree/schema-${issue.rule}`, message: `node "${id}": ${issue.message}` });
    }
  });
  return { nodes, lines, problems };
}
