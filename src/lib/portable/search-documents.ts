/**
 * The portable edition's search index, read from the built pages with the
 * same markup Pagefind reads (`data-pagefind-body`, `-filter`, `-meta`,
 * `-ignore`) and leaving out what the site's index leaves out (INDEX_EXCLUDE),
 * so a page is found offline exactly where it is found online, and with the
 * same abbreviations both ways (src/lib/search.ts).
 */
import type { Element, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import { ALIASES_FIELD, leftOutOfIndex, searchAliases } from '../search';
import { SEARCH_GLOBAL } from './assets';

/** One page as the portable search knows it. */
export interface SearchDocument {
  /** Its file, relative to the copy's root: `factors/kms/branch-offices/index.html`. */
  file: string;
  title: string;
  summary: string;
  /** The headings that have an id, to link a result to its part of the page. */
  headings: { id: string; text: string }[];
  body: string;
  /**
   * Words the page is found by beyond its text, never shown as its excerpt: its ALIASES_FIELD metadata (the site's
   * abbreviations both ways and topic synonyms), and both forms of every abbreviation it mentions in either form.
   */
  aliases: string[];
  /** Pagefind's other metadata that ranking weighs (`abbr`, `aka`: src/lib/search-ranking.ts). */
  meta: Record<string, string>;
  /** Pagefind's filters: `{ method: ['KMS'], tag: ['DNS'] }`. */
  filters: Record<string, string[]>;
}

const text = (node: Nodes) => toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
const attribute = (node: Element, name: string) => {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
};
const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** `data-pagefind-filter="tag"` takes the element's text; `"tag:DNS"` names the value itself. */
function keyValue(spec: string, node: Element): [string, string] {
  const colon = spec.indexOf(':');
  return colon < 0 ? [spec.trim(), text(node)] : [spec.slice(0, colon).trim(), spec.slice(colon + 1).trim()];
}

/** The search document of a page, or undefined when the page is not indexed (no `data-pagefind-body`). */
export function searchDocument(tree: Root, file: string): SearchDocument | undefined {
  // Pagefind indexes every part of a page marked as its body, together.
  const bodies: Element[] = [];
  let pageTitle = '';
  visit(tree, 'element', (node) => {
    if (node.tagName === 'title' && !pageTitle) pageTitle = text(node);
    if (node.properties.dataPagefindBody !== undefined) {
      bodies.push(node);
      return SKIP;
    }
    return undefined;
  });
  if (!bodies.length) return undefined;
  const body: Root = { type: 'root', children: bodies };

  // Filters and metadata count wherever they are in the body, as in Pagefind, even inside data-pagefind-ignore.
  const filters: Record<string, string[]> = {};
  const meta: Record<string, string> = {};
  let title = '';
  visit(body, 'element', (node) => {
    const filter = attribute(node, 'dataPagefindFilter');
    if (filter) {
      const [name, value] = keyValue(filter, node);
      if (value && !(filters[name] ??= []).includes(value)) filters[name]!.push(value);
    }
    const metaSpec = attribute(node, 'dataPagefindMeta');
    if (metaSpec) {
      const [name, value] = keyValue(metaSpec, node);
      meta[name] = value;
    }
    if (node.tagName === 'h1' && !title) title = text(node);
  });

  // The text and sections as Pagefind indexes them: without the parts marked data-pagefind-ignore or left out by INDEX_EXCLUDE.
  const words: string[] = [];
  const headings: SearchDocument['headings'] = [];
  visit(body, (node, _index, parent) => {
    if (node.type === 'element') {
      if (node.properties.dataPagefindIgnore !== undefined || ['script', 'style', 'template'].includes(node.tagName)) return SKIP;
      if (leftOutOfIndex(classes(node), parent?.type === 'element' ? classes(parent) : [])) return SKIP;
      const id = attribute(node, 'id');
      if (/^h[2-6]$/.test(node.tagName) && id) headings.push({ id, text: text(node) });
    }
    if (node.type === 'text' && parent) words.push(node.value);
    return undefined;
  });
  const bodyText = words.join(' ').replace(/\s+/g, ' ').trim();
  const { summary = '', title: metaTitle, [ALIASES_FIELD]: indexed = '', ...otherMeta } = meta;
  title = metaTitle ?? (title || pageTitle);
  const aliases = [...new Set([...indexed.split(' · ').filter(Boolean), ...searchAliases(`${title} ${summary} ${bodyText}`)])];
  return { file, title, summary, headings, body: bodyText, aliases, meta: otherMeta, filters };
}

/** The classic script that carries the index: it assigns one global, so a page opened as a file can load it. */
export function searchIndexScript(documents: readonly SearchDocument[]): string {
  // `<` escaped so that no text in the index can end a script element.
  return `window.${SEARCH_GLOBAL}=${JSON.stringify(documents).replace(/</g, '\\u003c')};\n`;
}
