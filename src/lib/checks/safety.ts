import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Definition, Nodes, Root } from 'mdast';
import type { Problem } from './problem';

// remark-mdx adds the MDX node types to mdast; these name the parts we read.
type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type JsxAttribute = JsxElement['attributes'][number];
type Program = NonNullable<NonNullable<Extract<Nodes, { type: 'mdxFlowExpression' }>['data']>['estree']>;

/*
 * The content safety lint. MDX is code: a plain MDX build runs every `import`,
 * `export` and `{expression}` a contributor writes. So before Astro compiles
 * anything, every article is parsed here (never compiled, never evaluated) and
 * anything that could run, or that the allow-lists below do not cover, is
 * rejected with one problem each.
 */

/** Largest article, in kilobytes (1 KB = 1024 bytes). */
export const SIZE_LIMIT_KB = 100;

/**
 * The site's own components that an article may import and use: component
 * name → the module path it must be imported from, exactly as written in the
 * `import`. None yet; add one here (and nowhere else) to allow it.
 */
export const ALLOWED_COMPONENTS: Readonly<Record<string, string>> = {};

/** Harmless inline and block HTML tags that an article may use. */
export const ALLOWED_HTML_TAGS: ReadonlySet<string> = new Set(['abbr', 'br', 'details', 'kbd', 'mark', 'sub', 'summary', 'sup']);

/** The attributes allowed on those tags. */
export const ALLOWED_HTML_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'open', 'title']);

/** Elements that are never allowed, and why, for the message. */
const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = {
  script: "it runs JavaScript in the reader's browser",
  style: 'it restyles the whole page',
  iframe: 'it embeds another page',
  object: 'it embeds a plugin or another document',
  embed: 'it embeds a plugin or another document',
};

/** Attributes that hold a URL, checked for `javascript:` and `data:`. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'srcset', 'background']);

/** URL schemes that run code or carry a whole document. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

/**
 * Local images are imported as modules by Astro, so only image files are
 * allowed, and no query or fragment (Vite would load `x.mjs?y.png` as x.mjs).
 */
const IMAGE_FILE = /^[^?#]*\.(png|jpe?g|gif|webp|avif)$/i;

const EXPRESSION_HINT = 'write the text itself, escape a brace as "&#123;", or put code in `backticks`';
const COMPONENT_HINT = (allowed: readonly string[]) =>
  `allowed components: ${allowed.length ? allowed.join(', ') : 'none yet'}, see ALLOWED_COMPONENTS in src/lib/checks/safety.ts; otherwise write it in Markdown`;

export interface SafetyOptions {
  /** Defaults to {@link ALLOWED_COMPONENTS}; tests pass their own. */
  allowedComponents?: Readonly<Record<string, string>>;
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/*
 * Astro strips frontmatter before MDX compiles a file, and blanks it out with
 * spaces so that lines keep their numbers. This is the same regular expression
 * and replacement (@astrojs/internal-helpers/frontmatter, option
 * "empty-with-spaces"), so the lint reads exactly the text that would be
 * compiled, even where that differs from what the frontmatter check reads.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FRONTMATTER_TYPE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/** The file as Astro hands it to the MDX compiler: frontmatter blanked, lines and columns unchanged. */
export function compiledBody(text: string): string {
  const raw = ASTRO_FRONTMATTER.exec(text)?.[1];
  if (raw === undefined) return text;
  const delimiter = ASTRO_FRONTMATTER_TYPE.exec(text)?.[1] === '+++' ? '+++' : '---';
  return text.replace(`${delimiter}${raw}${delimiter}`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
}

/**
 * Check one article before anything compiles it: size and encoding first, then
 * every import, export, expression, element, attribute, URL and raw HTML tag.
 * Returns no problems for a file that MDX cannot parse: the MDX syntax check
 * reports that, and what cannot be parsed cannot be compiled either.
 */
export function checkSafety(file: string, bytes: Uint8Array | string, options: SafetyOptions = {}): Problem[] {
  return lintSafety(file, bytes, options).problems;
}

/** What the safety lint found, and what it parsed. */
export interface SafetyResult {
  problems: Problem[];
  /**
   * The MDX (or Markdown) tree of {@link compiledBody}, when the file parsed:
   * positions are those of the file, so later checks can reuse it instead of
   * parsing the article again.
   */
  tree?: Root;
  /** The text as decoded, when it was. */
  text?: string;
}

/** {@link checkSafety}, also returning the parsed tree for the checks that run after it. */
export function lintSafety(file: string, bytes: Uint8Array | string, options: SafetyOptions = {}): SafetyResult {
  const size = typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length;
  if (size > SIZE_LIMIT_KB * 1024) {
    return {
      problems: [
        {
          file,
          rule: 'safety/size',
          message: `the file is ${(size / 1024).toFixed(1)} KB, over the ${SIZE_LIMIT_KB} KB limit for one article`,
          hint: 'split it into shorter articles; an article is one consideration, not a data dump',
        },
      ],
    };
  }
  let text: string;
  if (typeof bytes === 'string') {
    text = bytes;
  } else {
    try {
      // ignoreBOM keeps a byte order mark, as the compiler would see it.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { problems: [encodingProblem(file, bytes)] };
    }
  }
  const isMdx = !/\.md$/i.test(file);
  let tree: Root;
  try {
    tree = (isMdx ? mdxParser : markdownParser).parse(compiledBody(text));
  } catch {
    return { problems: [], text };
  }
  const lint = new Lint(file, options.allowedComponents ?? ALLOWED_COMPONENTS);
  lint.visit(tree);
  return { problems: lint.problems, tree, text };
}

/** Where the first invalid byte sits (line and column), and which byte it is. */
function encodingProblem(file: string, bytes: Uint8Array): Problem {
  const decoder = new TextDecoder('utf-8', { fatal: true });
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
    rule: 'safety/encoding',
    message: `the file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here does not start a valid character`,
    hint: 'save the file as UTF-8; it was probably saved as Windows-1252 or UTF-16',
  };
}

interface Place {
  line: number;
  column: number;
}

/** One pass over one parsed file, collecting problems. */
class Lint {
  readonly problems: Problem[] = [];
  private readonly definitions = new Map<string, Definition>();
  // Plain fields, not parameter properties: Node strips the types of this module as it is (see content-worker.mjs).
  private readonly file: string;
  private readonly allowedComponents: Readonly<Record<string, string>>;

  constructor(file: string, allowedComponents: Readonly<Record<string, string>>) {
    this.file = file;
    this.allowedComponents = allowedComponents;
  }

  visit(tree: Root): void {
    collectDefinitions(tree, this.definitions);
    this.walk(tree);
  }

  private report(at: Place | undefined, rule: string, message: string, hint?: string): void {
    this.problems.push({ file: this.file, line: at?.line, column: at?.column, rule, message, ...(hint ? { hint } : {}) });
  }

  private walk(node: Nodes): void {
    const at = node.position?.start;
    switch (node.type) {
      case 'mdxjsEsm':
        this.checkEsm(node.value, node.data?.estree, at, node.position?.start.offset ?? 0);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isPlainLiteral(node.value, node.data?.estree)) {
          this.report(
            at,
            'safety/expression',
            `{${short(node.value)}} is a JavaScript expression, which would run when the site is built; only a plain string or number such as {'<'} or {1688} is allowed`,
            EXPRESSION_HINT,
          );
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        this.checkElement(node, at);
        break;
      case 'html':
        this.checkHtml(node.value, at);
        break;
      case 'link':
        this.checkUrl(node.url, 'link to', at);
        break;
      case 'definition':
        this.checkUrl(node.url, 'link definition', at);
        break;
      case 'image':
        this.checkUrl(node.url, 'image', at);
        this.checkLocalImage(node.url, at);
        break;
      case 'imageReference': {
        const definition = this.definitions.get(node.identifier);
        if (definition) this.checkLocalImage(definition.url, at);
        break;
      }
    }
    if ('children' in node) for (const child of node.children) this.walk(child);
  }

  /** Imports of allow-listed components pass; every other import and every export is rejected. */
  private checkEsm(value: string, program: Program | null | undefined, at: Place | undefined, valueOffset: number): void {
    if (!program) {
      this.report(at, 'safety/import', `\`${short(value)}\` is not allowed: imports and exports in MDX run as code when the site is built`, COMPONENT_HINT(Object.keys(this.allowedComponents)));
      return;
    }
    for (const statement of program.body) {
      const where = statement.loc ? { line: statement.loc.start.line, column: statement.loc.start.column + 1 } : at;
      // estree ranges are offsets in the whole document; the node's value starts at valueOffset.
      const source = statement.range ? value.slice(statement.range[0] - valueOffset, statement.range[1] - valueOffset) || value : value;
      if (statement.type === 'ImportDeclaration') {
        const from = String(statement.source.value);
        const allowed =
          statement.specifiers.length > 0 &&
          statement.specifiers.every(
            (specifier) =>
              specifier.type !== 'ImportNamespaceSpecifier' &&
              this.allowedComponents[specifier.local.name] === from &&
              (specifier.type === 'ImportDefaultSpecifier' || importedName(specifier.imported) === specifier.local.name),
          );
        if (!allowed) {
          this.report(
            where,
            'safety/import',
            `\`${short(source)}\` is not allowed: an import in MDX runs "${short(from)}" as code when the site is built`,
            COMPONENT_HINT(Object.keys(this.allowedComponents)),
          );
        }
      } else {
        this.report(
          where,
          'safety/export',
          `\`${short(source)}\` is not allowed: an export in MDX runs as code when the site is built`,
          'remove it; data about the article belongs in the frontmatter',
        );
      }
    }
  }

  private checkElement(node: JsxElement, at: Place | undefined): void {
    const name = node.name;
    const tag = name === null ? '<>' : `<${name}>`;
    let htmlTag = false;
    if (name === null) {
      this.report(at, 'safety/element', 'a JSX fragment <>…</> is not allowed', 'remove the <> and </> around the text');
    } else if (/^[A-Z]/.test(name) || name.includes('.')) {
      if (!Object.hasOwn(this.allowedComponents, name)) {
        this.report(at, 'safety/element', `${tag} is not an allowed component: MDX would run it as code`, COMPONENT_HINT(Object.keys(this.allowedComponents)));
      }
    } else if (Object.hasOwn(FORBIDDEN_ELEMENTS, name.toLowerCase())) {
      this.report(at, 'safety/element', `${tag} is not allowed in articles: ${FORBIDDEN_ELEMENTS[name.toLowerCase()]}`, 'use Markdown, and link to other content instead of embedding it');
    } else if (!ALLOWED_HTML_TAGS.has(name)) {
      this.report(at, 'safety/html', `HTML tag ${tag} is not allowed`, `allowed tags: ${[...ALLOWED_HTML_TAGS].join(', ')}; use Markdown for anything else`);
    } else {
      htmlTag = true;
    }
    for (const attribute of node.attributes) this.checkAttribute(attribute, tag, htmlTag, attribute.position?.start ?? at);
  }

  private checkAttribute(attribute: JsxAttribute, tag: string, htmlTag: boolean, at: Place | undefined): void {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      this.report(at, 'safety/expression', `{${short(attribute.value)}} on ${tag} spreads a JavaScript expression, which would run when the site is built`, 'write each attribute as name="value"');
      return;
    }
    const { name, value } = attribute;
    if (/^on/i.test(name)) {
      this.report(at, 'safety/event-handler', `attribute "${name}" on ${tag} is an event handler: it runs JavaScript in the reader's browser`, 'remove it; articles ship no JavaScript');
      return;
    }
    let text: string | undefined;
    if (value === null || value === undefined) {
      text = undefined;
    } else if (typeof value === 'string') {
      text = value;
    } else if (isPlainLiteral(value.value, value.data?.estree)) {
      text = literalValue(value.data?.estree);
    } else {
      this.report(
        at,
        'safety/expression',
        `attribute ${name}={${short(value.value)}} on ${tag} is a JavaScript expression, which would run when the site is built; only a plain string or number is allowed`,
        `write ${name}="…" with the text itself`,
      );
    }
    if (text !== undefined && URL_ATTRIBUTES.has(name.toLowerCase())) this.checkUrl(text, `attribute ${name} on ${tag} links to`, at);
    if (htmlTag && !ALLOWED_HTML_ATTRIBUTES.has(name)) {
      this.report(at, 'safety/html', `attribute "${name}" is not allowed on ${tag}`, `allowed attributes: ${[...ALLOWED_HTML_ATTRIBUTES].join(', ')}`);
    }
  }

  /** Raw HTML in plain Markdown files: every opening tag is checked like a lowercase JSX element. */
  private checkHtml(html: string, at: Place | undefined): void {
    if (/^\s*<!--[\s\S]*-->\s*$/.test(html)) return;
    const tags = [...html.matchAll(/<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)];
    const closing = /^\s*<\/[A-Za-z][A-Za-z0-9:-]*\s*>\s*$/.test(html);
    if (tags.length === 0 && !closing) {
      this.report(at, 'safety/html', `raw HTML \`${short(html)}\` is not allowed`, 'use Markdown, or one of the allowed tags: ' + [...ALLOWED_HTML_TAGS].join(', '));
      return;
    }
    for (const match of tags) {
      const name = match[1] ?? '';
      const tagAt = offsetPlace(html, match.index, at);
      const tag = `<${name.toLowerCase()}>`;
      let htmlTag = false;
      if (Object.hasOwn(FORBIDDEN_ELEMENTS, name.toLowerCase())) {
        this.report(tagAt, 'safety/element', `${tag} is not allowed in articles: ${FORBIDDEN_ELEMENTS[name.toLowerCase()]}`, 'use Markdown, and link to other content instead of embedding it');
      } else if (!ALLOWED_HTML_TAGS.has(name.toLowerCase())) {
        this.report(tagAt, 'safety/html', `HTML tag ${tag} is not allowed`, `allowed tags: ${[...ALLOWED_HTML_TAGS].join(', ')}; use Markdown for anything else`);
      } else {
        htmlTag = true;
      }
      for (const attribute of (match[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
        const where = offsetPlace(html, match.index + 1 + name.length + attribute.index, at);
        const attributeName = (attribute[1] ?? '').toLowerCase();
        const attributeValue = attribute[2] ?? attribute[3] ?? attribute[4];
        if (/^on/.test(attributeName)) {
          this.report(where, 'safety/event-handler', `attribute "${attributeName}" on ${tag} is an event handler: it runs JavaScript in the reader's browser`, 'remove it; articles ship no JavaScript');
          continue;
        }
        if (attributeValue !== undefined && URL_ATTRIBUTES.has(attributeName)) this.checkUrl(decodeEntities(attributeValue), `attribute ${attributeName} on ${tag} links to`, where);
        if (htmlTag && !ALLOWED_HTML_ATTRIBUTES.has(attributeName)) {
          this.report(where, 'safety/html', `attribute "${attributeName}" is not allowed on ${tag}`, `allowed attributes: ${[...ALLOWED_HTML_ATTRIBUTES].join(', ')}`);
        }
      }
    }
  }

  private checkUrl(url: string, what: string, at: Place | undefined): void {
    // Browsers ignore case, whitespace and control characters in a scheme.
    // eslint-disable-next-line no-control-regex
    const scheme = UNSAFE_SCHEME.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase())?.[1];
    if (!scheme) return;
    this.report(
      at,
      'safety/url',
      scheme === 'data'
        ? `${what} "${short(url)}", a data: URL, which can carry a whole page or script`
        : `${what} "${short(url)}", a ${scheme}: URL, which runs code when it is opened`,
      what === 'image' ? 'put the image file next to the article and point to it by path' : 'link to an https:// address or a path on this site',
    );
  }

  /** Astro turns a local image into an `import`, so anything but an image file would run as code. */
  private checkLocalImage(url: string, at: Place | undefined): void {
    let path = url;
    try {
      path = decodeURI(url);
    } catch {
      // Astro would fail on it too; check the raw text.
    }
    if (URL.canParse(path) || path.startsWith('/')) return;
    if (!IMAGE_FILE.test(path)) {
      this.report(
        at,
        'safety/url',
        `image "${short(url)}" is not an image file: Astro imports a local image as a module, so this would run as code when the site is built`,
        'use a .png, .jpg, .jpeg, .gif, .webp or .avif file',
      );
    }
  }
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    // Identifiers are already normalised by the parser; the first definition wins, as in CommonMark.
    if (!into.has(node.identifier)) into.set(node.identifier, node);
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/** True for `{'<'}`, `{"x"}`, `{1688}`, and for a comment-only `{/* … *\/}`: nothing there can run. */
function isPlainLiteral(value: string, program: Program | null | undefined): boolean {
  if (!program) return /^\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\d+(?:\.\d+)?)\s*$/.test(value);
  if (program.body.length === 0) return true;
  if (program.body.length !== 1) return false;
  const [statement] = program.body;
  return (
    statement?.type === 'ExpressionStatement' &&
    statement.expression.type === 'Literal' &&
    (typeof statement.expression.value === 'string' || typeof statement.expression.value === 'number')
  );
}

function literalValue(program: Program | null | undefined): string | undefined {
  const [statement] = program?.body ?? [];
  if (statement?.type === 'ExpressionStatement' && statement.expression.type === 'Literal') return String(statement.expression.value);
  return undefined;
}

function importedName(imported: { type: string; name?: string; value?: unknown }): string {
  return imported.type === 'Identifier' ? String(imported.name) : String(imported.value);
}

/** Where an offset inside a node's text is in the file. */
function offsetPlace(text: string, offset: number, start: Place | undefined): Place | undefined {
  if (!start) return undefined;
  const before = text.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return lines === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + lines, column: offset - newline };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/** One line of at most 40 characters, for messages. */
function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** A file of one collection, for the duplicate-slug check. */
export interface ArticlePath {
  /** Path for messages, relative to the project root. */
  file: string;
  /** Path relative to the content folder, e.g. `factors/kms/branch-offices.mdx`. */
  path: string;
}

/** A slug with case, Unicode form and separators (`-`, `_`, `.`, spaces) folded together. */
export function normaliseSlug(path: string): string {
  return path
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => segment.replace(/[\s_.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .join('/');
}

/** Whether a file is named the way CONTRIBUTING asks: lowercase words joined by "-". */
function isCanonicalSlug(path: string): boolean {
  return normaliseSlug(path) === path.replace(/\.mdx?$/, '');
}

/**
 * Two articles whose slugs differ only in case or punctuation would get the
 * same id (or two addresses that readers cannot tell apart). Each clash is
 * reported once, on the file that is not named in lowercase words joined by
 * "-" (most likely the new one), or else on the later file, naming the other.
 */
export function checkDuplicateSlugs(articles: readonly ArticlePath[]): Problem[] {
  const first = new Map<string, ArticlePath>();
  const problems: Problem[] = [];
  for (const article of articles) {
    const key = normaliseSlug(article.path);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, article);
      continue;
    }
    const [reported, other] = !isCanonicalSlug(earlier.path) && isCanonicalSlug(article.path) ? [earlier, article] : [article, earlier];
    const [collection = '', ...rest] = reported.path.replace(/\.mdx?$/, '').split('/');
    const kind = collection === 'factors' ? 'factor' : collection === 'guides' ? 'guide' : 'article';
    problems.push({
      file: reported.file,
      rule: 'safety/duplicate-slug',
      message: `${kind} "${rest.join('/')}" has the same slug as ${other.file} once case and punctuation are ignored`,
      hint: 'rename or merge one of them; name files in lowercase words joined by "-"',
    });
  }
  return problems;
}
