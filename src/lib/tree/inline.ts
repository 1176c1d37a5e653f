import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withBase } from '../routes';

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain CommonMark, no extensions: the tree's texts need code spans and links, nothing more. */
const parser = unified().use(remarkParse);

/**
 * A path of this site: it starts with exactly one "/" and has no backslash. "//host/…" and "/\\host/…" look like
 * site paths but browsers resolve them to another host.
 */
export const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;

/** A link target the tree's texts may use: a site path ({@link SITE_PATH}) or an https address. */
export function isAllowedTarget(url: string): boolean {
  return SITE_PATH.test(url) || /^https:\/\/[^\s\\]+$/.test(url);
}

/** The `[text](target)` links of an inline Markdown text, as the Markdown parser reads them (not autolinks or references). */
export function inlineLinks(text: string): { url: string; offset: number }[] {
  const links: { url: string; offset: number }[] = [];
  const walk = (node: Nodes) => {
    const start = node.position?.start.offset;
    if (node.type === 'link' && start !== undefined && text[start] === '[') links.push({ url: node.url, offset: start });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parser.parse(text));
  return links;
}

/**
 * The tiny inline Markdown that tree help texts may use: `code` and
 * [links](/site/path/). Everything else is escaped, so the tree file cannot
 * inject markup; only site-relative and https links are kept. Parsed by the
 * Markdown parser, never by regular expressions; the text outside code and links
 * is kept as written. The parser takes more than linear time on long runs of
 * `[a](`: what bounds the work is the length of a data file's text, refused above
 * MAX_DATA_TEXT characters (content/data-file.ts) before anything renders it.
 */
export function renderInline(text: string): string {
  const tree: Root = parser.parse(text);
  const source = (from: number, to: number) => escapeHtml(text.slice(from, to));
  const render = (node: Nodes, from: number, to: number): string => {
    const start = node.position?.start.offset ?? from;
    const end = node.position?.end.offset ?? to;
    if (node.type === 'inlineCode') return `<code>${escapeHtml(node.value)}</code>`;
    if (node.type === 'link' && text[start] === '[' && isAllowedTarget(node.url)) {
      // The label: from after "[" to the last child's end.
      const labelEnd = node.children.at(-1)?.position?.end.offset ?? start + 1;
      return `<a href="${escapeHtml(withBase(node.url))}">${renderChildren(node.children, start + 1, labelEnd)}</a>`;
    }
    if (node.type === 'root' || node.type === 'paragraph' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'link') {
      // Containers: their own markers are kept as text, their children rendered.
      return renderChildren(node.children as Nodes[], start, end);
    }
    return source(start, end);
  };
  const renderChildren = (children: readonly Nodes[], from: number, to: number): string => {
    let html = '';
    let cursor = from;
    for (const child of children) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      html += source(cursor, start) + render(child, start, end);
      cursor = end;
    }
    return html + source(cursor, to);
  };
  return render(tree, 0, text.length);
}

/**
 * The text of inline Markdown as a reader sees it, without markup: code spans as their code, links as their
 * label. For places that take plain text only, such as a page's description.
 */
export function inlineText(text: string): string {
  const html = renderInline(text).replace(/<[^>]*>/g, '');
  return html.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!);
}
