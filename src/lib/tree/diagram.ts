import { hierarchy, tree as treeLayout } from 'd3-hierarchy';
import { decideUrl } from './evaluate';
import type { LinkedTree } from './link';

export interface DiagramBox {
  key: string;
  id: string;
  kind: 'question' | 'outcome';
  /** Full text, for the tooltip and screen readers. */
  text: string;
  /** Lines of the label as drawn. */
  lines: string[];
  href: string;
  x: number;
  y: number;
}

export interface DiagramEdge {
  key: string;
  /** SVG path data. */
  d: string;
  label: string;
  labelX: number;
  labelY: number;
}

export interface Diagram {
  width: number;
  height: number;
  boxWidth: number;
  boxHeight: number;
  boxes: DiagramBox[];
  edges: DiagramEdge[];
}

interface Branch {
  id: string;
  path: string[];
  answer: string;
  children: Branch[];
}

/** Break a label into at most `maxLines` lines of about `width` characters. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
  return kept;
}

/**
 * Lay the tree out left to right with d3-hierarchy. Outcomes reached by several
 * answers appear once per path, so every box is a link to exactly that point
 * of the interactive tree.
 */
export function layoutDiagram(linked: LinkedTree): Diagram {
  const nodes = new Map(linked.nodes.map((node) => [node.id, node]));
  const grow = (id: string, path: string[], answer: string): Branch => {
    const node = nodes.get(id)!;
    const children =
      node.type === 'question' ? node.answers.map((choice) => grow(choice.next, [...path, choice.id], choice.label)) : [];
    return { id, path, answer, children };
  };
  const boxWidth = 210;
  const boxHeight = 58;
  const columnGap = 120;
  const root = hierarchy(grow(linked.start, [], ''));
  treeLayout<Branch>()
    .nodeSize([boxHeight + 14, boxWidth + columnGap])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(root);
  const placed = root.descendants() as Array<typeof root & { x: number; y: number }>;
  const minX = Math.min(...placed.map((node) => node.x));
  const maxX = Math.max(...placed.map((node) => node.x));
  const margin = 10;
  const top = (node: { x: number }) => node.x - minX + margin;
  const left = (node: { y: number }) => node.y + margin;
  const boxes: DiagramBox[] = placed.map((node) => {
    const linkedNode = nodes.get(node.data.id)!;
    const text = linkedNode.type === 'question' ? linkedNode.question : `Recommendation: ${linkedNode.title}`;
    return {
      key: node.data.path.join('/') || 'start',
      id: node.data.id,
      kind: linkedNode.type,
      text,
      lines: wrap(linkedNode.type === 'question' ? linkedNode.question : linkedNode.title, 30, 3),
      href: decideUrl(node.data.path, node.data.id),
      x: left(node),
      y: top(node),
    };
  });
  const edges: DiagramEdge[] = root.links().map((link) => {
    const from = link.source as typeof placed[number];
    const to = link.target as typeof placed[number];
    const x1 = left(from) + boxWidth;
    const y1 = top(from);
    const x2 = left(to);
    const y2 = top(to);
    const middle = (x1 + x2) / 2;
    return {
      key: to.data.path.join('/'),
      d: `M${x1},${y1}C${middle},${y1} ${middle},${y2} ${x2},${y2}`,
      label: wrap(to.data.answer, 18, 1)[0] ?? '',
      labelX: x2 - 6,
      labelY: y2 - 6,
    };
  });
  const width = Math.max(...boxes.map((box) => box.x)) + boxWidth + margin;
  return { width, height: maxX - minX + boxHeight + margin * 2, boxWidth, boxHeight, boxes, edges };
}
