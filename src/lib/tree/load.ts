import { parseDocument, LineCounter, isSeq, isNode } from 'yaml';
import { formatIssues } from '../schema/format-issues';
import type { Problem } from '../checks/problem';
import { treeNodeSchema, type TreeNode } from './schema';

/** Where the tree lives, relative to the content folder. */
export const TREE_FILE = 'decision-tree.yaml';

const VOCABULARIES = { recommends: 'method', cites: 'value' };

/**
 * Parse and validate the decision tree file: a YAML list of question and
 * outcome nodes, the first being where the tree starts. Returns the nodes that
 * are valid and one problem per mistake (with file, line and node id).
 */
export function readTreeFile(file: string, text: string): { nodes: TreeNode[]; lines: Map<TreeNode, number>; problems: Problem[] } {
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
  const data: unknown = doc.toJS();
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
