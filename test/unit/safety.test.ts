import { describe, expect, it } from 'vitest';
import { lintSafety } from '../../src/lib/checks/safety/lint';
import { checkDuplicateSlugs } from '../../src/lib/checks/rules/duplicate-slug';
import { collectionOf, FACTORS, GUIDES } from '../../src/lib/collections';
import { compiledBody } from '../../src/lib/content/frontmatter';
import { readArticle } from '../../src/lib/content/read';
import { SIZE_LIMIT_KB } from '../../src/lib/content/walk';
import type { Problem } from '../../src/lib/problem';
import { formatProblem } from '../../src/lib/problem';

const FILE = 'content/factors/kms/example.mdx';

/** Frontmatter of four lines and a blank one: the body starts on line 6. */
const FRONTMATTER = `---
title: "Clients find the host through DNS"
method: kms
---

`;

/** The safety stage of the checks for one file: reading it (size, encoding, nesting), then the lint of its MDX tree. */
function checkSafety(file: string, input: string | Uint8Array): Problem[] {
  const entry = file.replace(/^content\//, '');
  const read = readArticle(collectionOf(entry)!, entry, file, input);
  if (!read.article) return read.problems;
  return read.article.tree ? lintSafety(file, read.article.tree) : [];
}

function lint(body: string, file = FILE): string[] {
  return checkSafety(file, FRONTMATTER + body).map(formatProblem);
}

const COMPONENT_HINT = 'articles cannot use components: MDX would run them as code; write it in Markdown';
const EXPRESSION_HINT = 'write the text itself, escape a brace as "&#123;", or put code in `backticks`';
const TAGS = 'abbr, br, details, kbd, mark, sub, summary, sup';

describe('content that passes the safety lint', () => {
  it('passes plain Markdown with code spans and code blocks containing <script> and {x}: code is text, not JSX', () => {
    const body = [
      'Run `slmgr /ipk <GVLK>` and never `<script>` or `{x}` or `{fs.writeFileSync()}`.',
      '',
      '```mdx',
      "import fs from 'node:fs'",
      '<iframe src="javascript:alert(1)">{x}</iframe>',
      '```',
      '',
      'A [link](https://learn.microsoft.com/), a [page](/guides/kms/#gvlk), an ![image](./diagram.png) and https://example.com/.',
      '',
      '| Setting | Value |',
      '| --- | --- |',
      '| Port | 1688 |',
      '',
    ].join('\n');
    expect(lint(body)).toEqual([]);
  });

  it('passes plain string and number literals and comments in braces', () => {
    expect(lint(`Ports {'<'}1024, {"{"}braces{'}'} and {1688}. {/* a note for editors */}\n`)).toEqual([]);
  });

  it('passes the allowed HTML tags with allowed attributes, and a literal attribute expression', () => {
    const body = [
      "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>. <abbr title={'Key Management Service'}>KMS</abbr>, H<sub>2</sub>O, x<sup>2</sup>,",
      '<mark id="note">marked</mark><br />',
      '',
      '<details open>',
      '<summary>More</summary>',
      '',
      'Hidden text.',
      '</details>',
      '',
    ].join('\n');
    expect(lint(body)).toEqual([]);
  });
});

describe('safety rules', () => {
  it('safety/import: rejects an import', () => {
    expect(lint("import fs from 'node:fs'\n\nText.\n")).toEqual([
      `${FILE}:6:1  safety/import  \`import fs from 'node:fs'\` is not allowed: an import in MDX runs "node:fs" as code when the site is built (hint: ${COMPONENT_HINT})`,
    ]);
  });

  it('safety/export: rejects an export, one problem per statement', () => {
    expect(lint("export const year = 2026\nexport default function Layout() {}\n")).toEqual([
      `${FILE}:6:1  safety/export  \`export const year = 2026\` is not allowed: an export in MDX runs as code when the site is built (hint: remove it; data about the article belongs in the frontmatter)`,
      `${FILE}:7:1  safety/export  \`export default function Layout() {}\` is not allowed: an export in MDX runs as code when the site is built (hint: remove it; data about the article belongs in the frontmatter)`,
    ]);
  });

  it('safety/import: rejects every import, of a component or of a module for its side effects', () => {
    expect(lint("import Callout from '~/components/Callout.astro'\n")).toEqual([
      `${FILE}:6:1  safety/import  \`import Callout from '~/components/Callo…\` is not allowed: an import in MDX runs "~/components/Callout.astro" as code when the site is built (hint: ${COMPONENT_HINT})`,
    ]);
    expect(lint("import { Callout as Script } from '~/components/Callout.astro'\n")).toHaveLength(1);
    expect(lint("import * as Callout from '~/components/Callout.astro'\n")).toHaveLength(1);
    expect(lint("import '~/components/Callout.astro'\n")).toHaveLength(1);
  });

  it('safety/expression: rejects a JavaScript expression in text', () => {
    expect(lint('Text {process.env.HOME} here.\n')).toEqual([
      `${FILE}:6:6  safety/expression  {process.env.HOME} is a JavaScript expression, which would run when the site is built; only a plain string or number such as {'<'} or {1688} is allowed (hint: ${EXPRESSION_HINT})`,
    ]);
  });

  it('safety/expression: rejects a JavaScript expression on its own line, even a simple sum', () => {
    expect(lint('{1 + 1}\n')).toEqual([
      `${FILE}:6:1  safety/expression  {1 + 1} is a JavaScript expression, which would run when the site is built; only a plain string or number such as {'<'} or {1688} is allowed (hint: ${EXPRESSION_HINT})`,
    ]);
  });

  it('safety/expression: rejects expression and spread attributes', () => {
    expect(lint('<abbr title={name}>KMS</abbr> <kbd {...props}>C</kbd>\n')).toEqual([
      `${FILE}:6:7  safety/expression  attribute title={name} on <abbr> is a JavaScript expression, which would run when the site is built; only a plain string or number is allowed (hint: write title="…" with the text itself)`,
      `${FILE}:6:36  safety/expression  {...props} on <kbd> spreads a JavaScript expression, which would run when the site is built (hint: write each attribute as name="value")`,
    ]);
  });

  it('safety/element: rejects <script>, <style>, <iframe>, <object> and <embed>', () => {
    expect(lint('<script>alert(1)</script>\n')).toEqual([
      `${FILE}:6:1  safety/element  <script> is not allowed in articles: it runs JavaScript in the reader's browser (hint: use Markdown, and link to other content instead of embedding it)`,
    ]);
    expect(lint('<iframe src="https://example.com/" />\n')).toEqual([
      `${FILE}:6:1  safety/element  <iframe> is not allowed in articles: it embeds another page (hint: use Markdown, and link to other content instead of embedding it)`,
    ]);
    for (const tag of ['style', 'object', 'embed']) expect(lint(`<${tag} />\n`), tag).toEqual([expect.stringContaining(`safety/element  <${tag}> is not allowed in articles`)]);
  });

  it('safety/element: rejects an unknown component, capitalised or dotted', () => {
    expect(lint('<Callout type="note">Text</Callout>\n\n<motion.div />\n')).toEqual([
      `${FILE}:6:1  safety/element  <Callout> is not an allowed component: MDX would run it as code (hint: ${COMPONENT_HINT})`,
      `${FILE}:8:1  safety/element  <motion.div> is not an allowed component: MDX would run it as code (hint: ${COMPONENT_HINT})`,
    ]);
  });

  it('safety/event-handler: rejects on* attributes on any element', () => {
    expect(lint('<kbd onClick="alert(1)">C</kbd>\n')).toEqual([
      `${FILE}:6:6  safety/event-handler  attribute "onClick" on <kbd> is an event handler: it runs JavaScript in the reader's browser (hint: remove it; articles ship no JavaScript)`,
    ]);
  });

  it('safety/url: rejects javascript: links, in any case', () => {
    expect(lint('[click](JavaScript:alert(1))\n')).toEqual([
      `${FILE}:6:1  safety/url  link to "JavaScript:alert(1)", a javascript: URL, which runs code when it is opened (hint: link to an https:// address or a path on this site)`,
    ]);
  });

  it('safety/url: rejects data: images and link definitions', () => {
    expect(lint('![dot](data:image/png;base64,AAAA)\n\n[ref]: javascript:alert(2)\n')).toEqual([
      `${FILE}:6:1  safety/url  image "data:image/png;base64,AAAA", a data: URL, which can carry a whole page or script (hint: put the image file next to the article and point to it by path)`,
      `${FILE}:8:1  safety/url  link definition "javascript:alert(2)", a javascript: URL, which runs code when it is opened (hint: link to an https:// address or a path on this site)`,
    ]);
  });

  it('safety/url: rejects javascript: in href and src attributes, even hidden by entities', () => {
    expect(lint('<abbr href="java&#115;cript:alert(1)">x</abbr>\n')).toEqual([
      `${FILE}:6:7  safety/url  attribute href on <abbr> links to "javascript:alert(1)", a javascript: URL, which runs code when it is opened (hint: link to an https:// address or a path on this site)`,
      `${FILE}:6:7  safety/html  attribute "href" is not allowed on <abbr> (hint: allowed attributes: id, open, title)`,
    ]);
  });

  it('safety/url: rejects a local "image" that is not an image file, which Astro would import as code', () => {
    expect(lint('![diagram](./payload.mjs)\n\n![ref][p]\n\n[p]: ../setup.js\n')).toEqual([
      `${FILE}:6:1  safety/url  image "./payload.mjs" is not an image file: Astro imports a local image as a module, so this would run as code when the site is built (hint: use a .png, .jpg, .jpeg, .gif, .webp or .avif file)`,
      `${FILE}:8:1  safety/url  image "../setup.js" is not an image file: Astro imports a local image as a module, so this would run as code when the site is built (hint: use a .png, .jpg, .jpeg, .gif, .webp or .avif file)`,
    ]);
  });

  it('safety/url: rejects a script disguised as an image by a query', () => {
    expect(lint('![diagram](./payload.mjs?diagram.png)\n')).toEqual([expect.stringContaining('safety/url  image "./payload.mjs?diagram.png" is not an image file')]);
  });

  it('safety/html: rejects HTML tags outside the allow-list, naming the tag', () => {
    expect(lint('<div>Text</div>\n')).toEqual([
      `${FILE}:6:1  safety/html  HTML tag <div> is not allowed (hint: allowed tags: ${TAGS}; use Markdown for anything else)`,
    ]);
  });

  it('safety/html: rejects attributes outside the allow-list on allowed tags', () => {
    expect(lint('<kbd class="key">C</kbd>\n')).toEqual([
      `${FILE}:6:6  safety/html  attribute "class" is not allowed on <kbd> (hint: allowed attributes: id, open, title)`,
    ]);
  });

  it('safety/size: rejects a file over the size limit, naming the limit', () => {
    expect(SIZE_LIMIT_KB).toBe(100);
    expect(lint('x'.repeat(110 * 1024))).toEqual([
      `${FILE}  safety/size  the file is 110.1 KB, over the 100 KB limit for one article (hint: split it into shorter articles; an article is one consideration, not a data dump)`,
    ]);
  });

  it('safety/encoding: rejects text that is not UTF-8, at the first bad byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(`${FRONTMATTER}Caf`), 0xe9, 0x20, 0x6f, 0x6b, 0x0a]);
    expect(checkSafety(FILE, bytes).map(formatProblem)).toEqual([
      `${FILE}:6:4  safety/encoding  the file is not valid UTF-8: byte 0xE9 here does not start a valid character (hint: save the file as UTF-8; it was probably saved as Windows-1252 or UTF-16)`,
    ]);
  });

  it('safety/encoding: accepts valid UTF-8 bytes', () => {
    expect(checkSafety(FILE, new TextEncoder().encode(`${FRONTMATTER}Café, naïve — “quoted” ✓ 🔑\n`))).toEqual([]);
  });

  it('safety/duplicate-slug: rejects two factors or two guides whose slugs differ only in case or punctuation, on the oddly named file', () => {
    const articles = [
      { file: 'content/factors/kms/Branch-Offices.mdx', path: 'factors/kms/Branch-Offices.mdx', collection: FACTORS },
      { file: 'content/factors/kms/branch-offices.mdx', path: 'factors/kms/branch-offices.mdx', collection: FACTORS },
      { file: 'content/factors/mak/branch-offices.mdx', path: 'factors/mak/branch-offices.mdx', collection: FACTORS },
      { file: 'content/guides/kms.mdx', path: 'guides/kms.mdx', collection: GUIDES },
      { file: 'content/guides/KMS_.mdx', path: 'guides/KMS_.mdx', collection: GUIDES },
      // Neither is named in lowercase words joined by "-": the later one is reported.
      { file: 'content/guides/Token_Based.mdx', path: 'guides/Token_Based.mdx', collection: GUIDES },
      { file: 'content/guides/token based.mdx', path: 'guides/token based.mdx', collection: GUIDES },
    ];
    expect(checkDuplicateSlugs(articles).map(formatProblem)).toEqual([
      'content/factors/kms/Branch-Offices.mdx  safety/duplicate-slug  factor "kms/Branch-Offices" has the same slug as content/factors/kms/branch-offices.mdx once case and punctuation are ignored (hint: rename or merge one of them; name files in lowercase words joined by "-")',
      'content/guides/KMS_.mdx  safety/duplicate-slug  guide "KMS_" has the same slug as content/guides/kms.mdx once case and punctuation are ignored (hint: rename or merge one of them; name files in lowercase words joined by "-")',
      'content/guides/token based.mdx  safety/duplicate-slug  guide "token based" has the same slug as content/guides/Token_Based.mdx once case and punctuation are ignored (hint: rename or merge one of them; name files in lowercase words joined by "-")',
    ]);
  });
});

describe('what the lint reads', () => {
  it('reads the body exactly as Astro hands it to MDX, frontmatter blanked and lines kept', () => {
    expect(compiledBody('---\ntitle: x\n---\nBody\n')).toBe('   \n        \n   \nBody\n');
  });

  it('catches code that Astro would compile after an early "+++" ends its frontmatter', () => {
    // Astro's frontmatter also ends at a line starting with "+++"; what follows is compiled as MDX.
    const text = '---\ntitle: x\n+++\n{process.exit(1)}\n---\n\nBody\n';
    expect(checkSafety(FILE, text).map((problem) => `${problem.line}:${problem.column} ${problem.rule}`)).toEqual(['4:1 safety/expression']);
  });
});
