import type { Nodes } from 'mdast';
import { isPlainLiteral, literalValue } from './literals';
import { short, type Place, type Report } from './report';
import { checkUrl } from './urls';

type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type JsxAttribute = JsxElement['attributes'][number];

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

export const COMPONENT_HINT = 'articles cannot use components: MDX would run them as code; write it in Markdown';

/** A JSX element: only the allowed HTML tags, with the allowed attributes and no code. */
export function checkElement(report: Report, node: JsxElement, at: Place | undefined): void {
  const name = node.name;
  const tag = name === null ? '<>' : `<${name}>`;
  let htmlTag = false;
  if (name === null) {
    report(at, 'safety/element', 'a JSX fragment <>…</> is not allowed', 'remove the <> and </> around the text');
  } else if (/^[A-Z]/.test(name) || name.includes('.')) {
    report(at, 'safety/element', `${tag} is not an allowed component: MDX would run it as code`, COMPONENT_HINT);
  } else if (Object.hasOwn(FORBIDDEN_ELEMENTS, name.toLowerCase())) {
    report(at, 'safety/element', `${tag} is not allowed in articles: ${FORBIDDEN_ELEMENTS[name.toLowerCase()]}`, 'use Markdown, and link to other content instead of embedding it');
  } else if (!ALLOWED_HTML_TAGS.has(name)) {
    report(at, 'safety/html', `HTML tag ${tag} is not allowed`, `allowed tags: ${[...ALLOWED_HTML_TAGS].join(', ')}; use Markdown for anything else`);
  } else {
    htmlTag = true;
  }
  for (const attribute of node.attributes) checkAttribute(report, attribute, tag, htmlTag, attribute.position?.start ?? at);
}

function checkAttribute(report: Report, attribute: JsxAttribute, tag: string, htmlTag: boolean, at: Place | undefined): void {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    report(at, 'safety/expression', `{${short(attribute.value)}} on ${tag} spreads a JavaScript expression, which would run when the site is built`, 'write each attribute as name="value"');
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    report(at, 'safety/event-handler', `attribute "${name}" on ${tag} is an event handler: it runs JavaScript in the reader's browser`, 'remove it; articles ship no JavaScript');
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
    report(
      at,
      'safety/expression',
      `attribute ${name}={${short(value.value)}} on ${tag} is a JavaScript expression, which would run when the site is built; only a plain string or number is allowed`,
      `write ${name}="…" with the text itself`,
    );
  }
  if (text !== undefined && URL_ATTRIBUTES.has(name.toLowerCase())) checkUrl(report, text, `attribute ${name} on ${tag} links to`, at);
  if (htmlTag && !ALLOWED_HTML_ATTRIBUTES.has(name)) {
    report(at, 'safety/html', `attribute "${name}" is not allowed on ${tag}`, `allowed attributes: ${[...ALLOWED_HTML_ATTRIBUTES].join(', ')}`);
  }
}
