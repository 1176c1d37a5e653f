import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImages, MAX_IMAGE_PIXELS } from '../../src/lib/checks/image-decode';
import { findBrokenLinks, readPage } from '../../src/lib/checks/links';
import { pageSources, type ContentPages } from '../../src/lib/checks/page-sources';
import { checkArticle, checkContentFolder } from '../../src/lib/checks/run';
import { MAX_TABLE_CELLS } from '../../src/lib/checks/rules/table-size';
import { characterProblems } from '../../src/lib/content/characters';
import { MAX_DELIMITER_RUNS } from '../../src/lib/content/delimiters';
import { MAX_DATA_TEXT } from '../../src/lib/content/data-file';
import { formatProblem } from '../../src/lib/problem';
import { renderInline } from '../../src/lib/tree/inline';
import { readTreeFile } from '../../src/lib/tree/load';
import { readScenarioFile } from '../../src/lib/tree/scenarios';
import { ROOT } from '../helpers/build';

// Issue #21, fail closed, second round: each class of hostile contribution ends as one problem with its message.

const BASIC = join(ROOT, 'test/fixtures/basic/content');
const BETA = readFileSync(join(BASIC, 'factors/kms/beta-con.mdx'), 'utf8');
const TREE = readFileSync(join(BASIC, 'decision-tree.yaml'), 'utf8');
const SCENARIO = readFileSync(join(BASIC, 'scenarios/small-site.yaml'), 'utf8');
const FILE = 'content/factors/kms/beta-con.mdx';
/** Line 27: the first line after the basic article and a blank line. */
const after = (text: string) => `${BETA}\n${text}`;

/** The basic fixture content in its own folder, changed by `change`. */
function content(name: string, change: (dir: string) => void): string {
  const dir = join(ROOT, 'test/.output/content/fail-closed', name);
  rmSync(join(ROOT, 'test/.output/content/fail-closed', `${name}-outside`), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  cpSync(BASIC, dir, { recursive: true });
  change(dir);
  return dir;
}

/** The report lines of a content folder, with the folder left out of the paths. */
function report(dir: string): string[] {
  const shown = dir.slice(ROOT.length + 1);
  return checkContentFolder(ROOT, dir).map((problem) => formatProblem(problem).replace(`${shown}/`, ''));
}

describe('off-site links, by every Markdown form', () => {
  const message = (url: string) =>
    `links/malformed  link "${url}" is not a plain path on this site: it starts with "//" or holds a "\\", which browsers read as the way to another site (hint: a page of this site starts with exactly one "/" and holds no "\\" (/guides/kms/); another site is linked by its full https:// address)`;

  it.each([
    ['a reference definition to //host', 'See [w][w].\n\n[w]: //evil.example/guides/words/', '29:1', '//evil.example/guides/words/'],
    ['a reference definition to /\\host', 'See [w][w].\n\n[w]: /\\evil.example/', '29:1', '/\\evil.example/'],
    ['a reference definition to \\\\host', 'See [w][w].\n\n[w]: \\\\\\\\evil.example/', '29:1', '\\\\evil.example/'],
    ['a reference definition in angle brackets', 'See [w][w].\n\n[w]: <//evil.example/>', '29:1', '//evil.example/'],
    ['an inline link to //host', 'See [w](//evil.example/).', '27:5', '//evil.example/'],
    ['an inline link to https:\\\\host', 'See [w](https:\\\\\\\\evil.example/).', '27:5', 'https:\\\\evil.example/'],
    ['an inline link written with entities', 'See [w](&#47;&#47;evil.example/).', '27:5', '//evil.example/'],
  ])('refuses %s', (_, text, at, url) => {
    const dir = content('links', (dir) => writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after(`${text}\n`)));
    expect(report(dir)).toEqual([`factors/kms/beta-con.mdx:${at}  ${message(url)}`]);
  });

  it('still accepts https links, site paths and relative links', () => {
    const dir = content('links-ok', (dir) =>
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('See [a](https://learn.microsoft.com/) and [w][w].\n\n[w]: /guides/words/\n')),
    );
    expect(report(dir)).toEqual([]);
  });
});

describe('heading ids the page uses itself', () => {
  it('refuses a heading whose id is one of the page\'s own, at the heading', () => {
    expect(checkArticle(FILE, after('## Sources\n\nText.\n')).map(formatProblem)).toEqual([
      `${FILE}:27:1  mdx/heading-id  heading "Sources" gets the id "sources", which the page already uses for its own section (hint: reword the heading; ids the page uses: correction, applies-to, sources, where-it-decides, related, on-this-page, main, site-menu, search-dialog)`,
    ]);
  });

  it('knows the ids of each collection: "correction" on a factor, not on a guide; the layout\'s and "on-this-page" on both', () => {
    const guide = readFileSync(join(BASIC, 'guides/words.mdx'), 'utf8');
    const rules = (file: string, text: string) => checkArticle(file, text).map((problem) => problem.rule);
    expect(rules('content/guides/words.mdx', `${guide}\n## Correction\n`)).toEqual([]);
    expect(rules(FILE, after('## Correction\n'))).toEqual(['mdx/heading-id']);
    for (const heading of ['On this page', 'Site menu', 'Search dialog', 'Main']) {
      expect(rules('content/guides/words.mdx', `${guide}\n## ${heading}\n`)).toEqual(['mdx/heading-id']);
      expect(rules(FILE, after(`## ${heading}\n`))).toEqual(['mdx/heading-id']);
    }
  });
});

describe('characters no text needs, in every kind of content file', () => {
  it.each([
    ['NUL', '\u0000', 'a NUL character (U+0000) is not allowed in a content file'],
    ['an escape character', '\u001b', 'the control character U+001B is not allowed in a content file'],
    ['a C1 control', '\u0085', 'the control character U+0085 is not allowed in a content file'],
    ['a right-to-left override', '\u202e', 'the bidirectional control U+202E is not allowed in a content file'],
    ['a first-strong isolate', '\u2068', 'the bidirectional control U+2068 is not allowed in a content file'],
    ['a zero-width space', '\u200b', 'the zero-width character U+200B is not allowed in a content file'],
    ['a zero-width joiner', '\u200d', 'the zero-width character U+200D is not allowed in a content file'],
    ['a BOM inside the text', '\ufeff', 'a byte order mark (U+FEFF) inside the text is not allowed in a content file'],
  ])('refuses %s in an article, the tree and a scenario, at its line and column', (_, char, message) => {
    expect(checkArticle(FILE, after(`The key ${char}here.\n`)).map((problem) => `${problem.line}:${problem.column}  ${problem.rule}  ${problem.message}`)).toEqual([`27:9  safety/character  ${message}`]);
    const tree = readTreeFile('tree.yaml', TREE.replace('label: "Many"', `label: "Ma${char}ny"`));
    expect(tree.problems.map((problem) => `${problem.line}:${problem.column}  ${problem.rule}  ${problem.message}`)).toEqual([`7:17  tree/character  ${message}`]);
    const scenario = readScenarioFile('s.yaml', SCENARIO.replace('sites: "One office"', `sites: "One ${char}office"`));
    expect(scenario.problems.map((problem) => `${problem.line}:${problem.column}  ${problem.rule}  ${problem.message}`)).toEqual([`6:15  scenario/character  ${message}`]);
  });

  it('keeps tabs and line breaks', () => {
    expect(characterProblems('x', 'a\tb\r\nc\n', 'tree')).toEqual([]);
  });

  it('reports one problem per line, and stays linear on a long line of them', () => {
    expect(characterProblems('x', '\u0000\u0000\n\u0000', 'tree').map((problem) => `${problem.line}:${problem.column}`)).toEqual(['1:1', '2:1']);
    const start = performance.now();
    expect(characterProblems('x', `${'\u0000'.repeat(200_000)}\n`.repeat(5), 'tree')).toHaveLength(5);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('refuses bytes that are not UTF-8 in the tree and a scenario, at the byte', () => {
    const bytes = (text: string) => Buffer.from(text.replace('"Many"', '"Caf\u00e9"').replace('"One office"', '"One caf\u00e9"'), 'latin1');
    expect(readTreeFile('tree.yaml', bytes(TREE)).problems.map(formatProblem)).toEqual([
      'tree.yaml:7:18  tree/encoding  the file is not valid UTF-8: byte 0xE9 here does not start a valid character (hint: save the file as UTF-8; it was probably saved as Windows-1252 or UTF-16)',
    ]);
    expect(readScenarioFile('s.yaml', bytes(SCENARIO)).problems.map((problem) => `${problem.line}:${problem.column}  ${problem.rule}`)).toEqual(['6:18  scenario/encoding']);
  });

  it('says so when a file starts with a byte order mark: an article, the tree, a scenario', () => {
    const hint = '(hint: save the file as "UTF-8" without BOM (in VS Code: the encoding in the status bar, "Save with Encoding", "UTF-8"))';
    expect(checkArticle(FILE, `\ufeff${BETA}`).map(formatProblem)).toEqual([
      `${FILE}:1:1  safety/bom  the file starts with a byte order mark (U+FEFF), an invisible character before the frontmatter's "---"; content files are UTF-8 without one ${hint}`,
    ]);
    expect(readTreeFile('tree.yaml', `\ufeff${TREE}`).problems.map(formatProblem)).toEqual([
      `tree.yaml:1:1  tree/bom  the file starts with a byte order mark (U+FEFF), an invisible character before its first line; content files are UTF-8 without one ${hint}`,
    ]);
    expect(readScenarioFile('s.yaml', `\ufeff${SCENARIO}`).problems.map((problem) => problem.rule)).toEqual(['scenario/bom']);
  });
});

describe('YAML tags and long texts in the tree and scenarios', () => {
  it.each(['!!js/function "function () {}"', '!!binary aGk=', '!custom x', '!<tag:example.com,2000:x> y', '!!str x'])('refuses the tag in %s', (value) => {
    const tag = value.split(' ')[0]!;
    const tree = readTreeFile('tree.yaml', TREE.replace('label: "Many"', `label: ${value}`));
    expect(tree.problems.map((problem) => `${problem.line}  ${problem.rule}  ${problem.message}`)).toEqual([
      `7  tree/yaml-tag  the YAML tag "${tag}" is not allowed: this file is plain data (text, lists, maps)`,
    ]);
    const scenario = readScenarioFile('s.yaml', SCENARIO.replace('sites: "One office"', `sites: ${value}`));
    expect(scenario.problems.map((problem) => `${problem.line}  ${problem.rule}`)).toEqual(['6  scenario/yaml-tag']);
  });

  it(`refuses a text over ${MAX_DATA_TEXT} characters before the schema reads it`, () => {
    const long = `[x](${'](/'.repeat(MAX_DATA_TEXT)}`;
    const start = performance.now();
    const tree = readTreeFile('tree.yaml', TREE.replace(/^  help: .*$/m, `  help: '${long}'`));
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(tree.problems.map(formatProblem)).toEqual([
      `tree.yaml:4:9  tree/too-long  this text is ${long.length.toLocaleString('en')} characters long, more than the 2,000 a text here may have (hint: shorten it; put the detail in a guide and link to it)`,
    ]);
  });
});

describe('bounds on work that grows faster than the input', () => {
  it(`refuses a table of more than ${MAX_TABLE_CELLS} cells as the build lays it out, at the table`, () => {
    const header = `| ${Array.from({ length: 60 }, (_, index) => `c${index}`).join(' | ')} |\n|${' --- |'.repeat(60)}\n`;
    expect(checkArticle(FILE, after(`${header}${'|\n'.repeat(30)}`)).map(formatProblem)).toEqual([
      `${FILE}:27:1  safety/table-size  this table is 60 columns by 31 rows, 1,860 cells once every row is as wide as the header; a table may have at most 1,000 (hint: split it into smaller tables, or make it a list)`,
    ]);
    expect(checkArticle(FILE, after(`| a | b |\n| - | - |\n${'| 1 | 2 |\n'.repeat(400)}`))).toEqual([]);
  });

  it('refuses lists nested by indentation alone, at the first line too deep', () => {
    const nested = Array.from({ length: 300 }, (_, index) => `${' '.repeat(2 * index)}- level ${index + 1}`).join('\n');
    expect(checkArticle(FILE, after(`${nested}\n`)).map(formatProblem)).toEqual([
      `${FILE}:77  safety/nesting  up to 51 levels of quotes and lists, by their markers and indentation, nested here, more than the 50 levels an article may have: the site's parsers would run out of stack (hint: flatten the quotes, lists or tags; an article never needs this depth)`,
    ]);
    expect(checkArticle(FILE, after('- a\n  - b\n    - c\n        code in a list\n'))).toEqual([]);
  });

  it(`refuses a paragraph of more than ${MAX_DELIMITER_RUNS} runs of "*", "_" or "~" before parsing it, at the line where it goes over`, () => {
    const start = performance.now();
    expect(checkArticle(FILE, after(`${'*_'.repeat(200)}\n${'a~'.repeat(200)}\n`)).map(formatProblem)).toEqual([
      `${FILE}:28  safety/emphasis-runs  this paragraph holds more than 500 runs of "*", "_" or "~" by here, which the site's Markdown parser pairs up in more than linear time (hint: split the paragraph with blank lines, or write the characters less often; an article never needs this many)`,
    ]);
    expect(performance.now() - start).toBeLessThan(500);
    // Blank lines end the count: as many markers in short paragraphs are text like any other.
    expect(checkArticle(FILE, after(Array.from({ length: 20 }, () => '*a* _b_ ~~c~~ '.repeat(20)).join('\n\n')))).toEqual([]);
  });

  // The Markdown parser takes more than linear time on long runs of "[a](" (about 0.3 s for 40,000 characters, 5 s for
  // 80,000): a data file's texts are what bounds it, refused above MAX_DATA_TEXT characters (test above).
  it(`renders the longest inline Markdown a data file may hold (${MAX_DATA_TEXT} characters of "[", "](" or "[a](") quickly, and plain texts as before`, () => {
    for (const text of ['['.repeat(MAX_DATA_TEXT), ']('.repeat(MAX_DATA_TEXT / 2), '[a]('.repeat(MAX_DATA_TEXT / 4)]) {
      const start = performance.now();
      expect(renderInline(text)).not.toContain('<a ');
      expect(performance.now() - start).toBeLessThan(1_500);
    }
    expect(renderInline('Run `slmgr /dlv` <b>now</b>, see [KMS](/guides/kms/) and *this* [x](//evil.example/).')).toBe(
      'Run <code>slmgr /dlv</code> &lt;b&gt;now&lt;/b&gt;, see <a href="/guides/kms/">KMS</a> and *this* [x](//evil.example/).',
    );
  });
});

describe('symbolic links at every level', () => {
  /** Move a folder of the content folder out, next to it, and leave a symbolic link to it in its place. */
  const moveOutAndLink = (dir: string, folder: string) => {
    mkdirSync(`${dir}-outside`, { recursive: true });
    renameSync(join(dir, folder), join(`${dir}-outside`, folder));
    symlinkSync(join(`${dir}-outside`, folder), join(dir, folder));
  };

  it('refuses a collection folder that is a symbolic link, without reading through it', () => {
    const dir = content('linked-guides', (dir) => moveOutAndLink(dir, 'guides'));
    expect(report(dir).filter((line) => !line.includes('links/unknown-page'))).toEqual([
      'guides  content/not-a-file  this folder is a symbolic link; content must be real files and folders inside the content folder (hint: replace the link with the folder itself)',
    ]);
  });

  it('refuses a scenarios folder that is a symbolic link', () => {
    const dir = content('linked-scenarios', (dir) => moveOutAndLink(dir, 'scenarios'));
    expect(report(dir)).toEqual([
      'scenarios  scenario/not-a-file  this folder is a symbolic link; content must be real files and folders inside the content folder (hint: replace the link with the folder itself)',
    ]);
  });

  it('refuses an image reached through a linked folder, inside the content folder or out of it', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');
    const dir = content('linked-images', (dir) => {
      mkdirSync(`${dir}-outside/images`, { recursive: true });
      writeFileSync(join(`${dir}-outside/images`, 'out.png'), png);
      symlinkSync(`${dir}-outside/images`, join(dir, 'outside'));
      mkdirSync(join(dir, 'images'));
      writeFileSync(join(dir, 'images/in.png'), png);
      symlinkSync('images', join(dir, 'alias'));
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('![a](../../outside/out.png) ![b](../../alias/in.png) ![c](../../images/in.png)\n'));
    });
    expect(report(dir).map((line) => line.replace(/ \(hint: .*\)$/, ''))).toEqual([
      'factors/kms/beta-con.mdx:27:1  safety/image-file  image "../../outside/out.png" leads outside the content folder through a symbolic link',
      'factors/kms/beta-con.mdx:27:29  safety/image-file  image "../../alias/in.png" is reached through a symbolic link; images and their folders must be real files and folders',
    ]);
  });
});

describe('CONTRIBUTING states every limit the checks enforce', () => {
  it('names each limit with the value in the code', async () => {
    const { MAX_NESTING } = await import('../../src/lib/content/nesting');
    const { SIZE_LIMIT_KB } = await import('../../src/lib/content/walk');
    const { IMAGE_LIMIT_KB } = await import('../../src/lib/checks/rules/local-images');
    const { TREE_SIZE_LIMIT_KB, TREE_MAX_ALIASES } = await import('../../src/lib/tree/load');
    const limits = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8').split('## Limits')[1]!.split('\n## ')[0]!;
    for (const stated of [
      `at most ${SIZE_LIMIT_KB} KB`,
      `at most ${MAX_NESTING} levels`,
      `at most ${MAX_TABLE_CELLS.toLocaleString('en')} cells`,
      `at most ${MAX_DELIMITER_RUNS} runs`,
      `at most ${IMAGE_LIMIT_KB.toLocaleString('en')} KB`,
      `and ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels`,
      `at most ${TREE_SIZE_LIMIT_KB} KB and ${TREE_MAX_ALIASES} aliases`,
      `at most ${MAX_DATA_TEXT.toLocaleString('en')} characters`,
    ]) {
      expect(limits).toContain(stated);
    }
  });
});

describe('what the build checked after rendering the pages, checked before it', () => {
  it('checks the links of a scenario\'s text, at their line and column in the file', () => {
    const dir = content('scenario-links', (dir) =>
      writeFileSync(
        join(dir, 'scenarios/small-site.yaml'),
        SCENARIO.replace('see [the words](/guides/words/).', 'see [the words](/guides/word/).\n\n  See [about](/about/#nope), [credits](/about/#credits) and [words](/guides/words/#gvlk).'),
      ),
    );
    expect(report(dir)).toEqual([
      'scenarios/small-site.yaml:11:40  links/unknown-page  link "/guides/word/" points to /guides/word/, which is not a page of the site — did you mean "/guides/words/"? (hint: factor pages are /factors/<method>/<slug>/, guides /guides/<slug>/)',
      'scenarios/small-site.yaml:13:7  links/unknown-fragment  link "/about/#nope" points to "#nope", which is not a heading on /about/',
    ]);
  });

  it('reports a link of a scenario written in another YAML style at the line of its field', () => {
    const dir = content('scenario-links-quoted', (dir) =>
      writeFileSync(join(dir, 'scenarios/small-site.yaml'), SCENARIO.replace(/why: \|\n[\s\S]*?\nreviewed/, 'why: "Too few machines; see [the words](/guides/word/)."\nreviewed')),
    );
    expect(report(dir).map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual(['scenarios/small-site.yaml:10  links/unknown-page']);
  });

  it('knows the ids of the pages of the templates: /about/#credits is a link, /about/#nope is refused, from an article and the tree', () => {
    const dir = content('template-fragments', (dir) => {
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('See [credits](/about/#credits), [the matrix](/compare/#matrix-caption), [the menu](/tags/#site-menu) and [nope](/about/#nope).\n'));
      writeFileSync(join(dir, 'decision-tree.yaml'), TREE.replace('href: /guides/words/', 'href: "/about/#no-such-section"').replace('(/guides/words/#gvlk)', '(/compare/#nope)'));
    });
    expect(report(dir)).toEqual([
      'factors/kms/beta-con.mdx:27:106  links/unknown-fragment  link "/about/#nope" points to "#nope", which is not a heading on /about/',
      'decision-tree.yaml:1:1  links/unknown-fragment  link "/compare/#nope" points to "#nope", which is not a heading on /compare/',
      'decision-tree.yaml:27:1  links/unknown-fragment  link "/about/#no-such-section" points to "#no-such-section", which is not a heading on /about/',
    ]);
  });

  it('accepts a fragment only where the check knows the page has the id: on pages the content decides, the layout\'s, /decide/\'s nodes, an article\'s own', () => {
    const links = ['/decide/#size', '/decide/outcomes/use-mak/#use-mak', '/tags/dns/#main', '/kms/#site-menu', '/factors/kms/alpha-pro/#applies-to', '/guides/words/#sources', '/decision-tree.json#anything'];
    const refused = ['/decide/#nope', '/tags/dns/#matrix-caption', '/scenarios/small-site/#why', '/factors/kms/alpha-pro/#correction', '/factors/kms/alpha-pro/#related', '/guides/words/#on-this-page'];
    const dir = content('content-fragments', (dir) =>
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after([...links, ...refused].map((url) => `[x](${url})`).join('\n\n'))),
    );
    expect(report(dir).map((line) => line.split('  ').slice(1).join('  ').replace(/ points to .*/, ''))).toEqual(refused.map((url) => `links/unknown-fragment  link "${url}"`));
  });

  it('refuses an image by a path from the site\'s root, which the build would publish as a link to nothing', () => {
    expect(report(content('image-absolute', (dir) => writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('![A diagram](/images/diagram.png)\n'))))).toEqual([
      'factors/kms/beta-con.mdx:27:1  safety/image-file  image "/images/diagram.png" is a path from the site\'s root: the build would not import it, and would publish a link to a file the site does not have (hint: put the image in the content folder and point to it by a path relative to the article, such as ../images/diagram.png from a guide)',
    ]);
  });

  it.each([
    ['only its frontmatter', ''],
    ['only blank lines', '\n\n   \n'],
    ['only a link definition', '[words]: /guides/words/\n'],
    ['only a footnote no text refers to', '[^1]: A note.\n'],
  ])('refuses an article with %s, where its body starts', (_, body) => {
    const frontmatter = BETA.slice(0, BETA.indexOf('---\n', 4) + 4);
    expect(checkArticle(FILE, `${frontmatter}\n${body}`).map(formatProblem)).toEqual([
      `${FILE}:14:1  content/empty-body  the article has no text after its frontmatter, so its page would have an empty body — write its text below the closing "---"`,
    ]);
  });

  it('accepts an article whose body is a heading, a rule or one line of text', () => {
    const frontmatter = BETA.slice(0, BETA.indexOf('---\n', 4) + 4);
    for (const body of ['## What it means in practice\n', '***\n', 'One line.\n']) expect(checkArticle(FILE, `${frontmatter}\n${body}`)).toEqual([]);
  });
});

describe('images that do not decode, decoded as the build decodes them', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');
  /** The 1×1 PNG with the size in its header changed (and the header's checksum made right again). */
  const sized = (width: number, height: number) => {
    const copy = Buffer.from(png);
    copy.writeUInt32BE(width, 16);
    copy.writeUInt32BE(height, 20);
    copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
    return copy;
  };
  const hint = '(hint: open it in an image editor and export it again as .png, .jpg, .gif, .webp or .avif, at most 25,000,000 pixels)';

  it.each([
    ['a PNG signature and then text, where Astro finds no size', Buffer.concat([png.subarray(0, 8), Buffer.from('not a PNG')]), 'does not decode as an image: Astro finds no width, height and format in it, so the build would stop on it'],
    ['a PNG whose pixel data is damaged', Buffer.concat([png.subarray(0, 33), Buffer.from('0000000d49444154deadbeefdeadbeefdeadbeefde0000000049454e44ae426082', 'hex')]), 'does not decode as an image (vipspng: libpng read error)'],
    ['a PNG cut short after its header', png.subarray(0, 40), 'does not decode as an image (Input buffer has corrupt header)'],
    ['a GIF signature and then text', Buffer.from('GIF89a\u0001\u0000\u0001\u0000garbage', 'latin1'), 'does not decode as an image (Input buffer has corrupt header: gifload_buffer: Unexpected end of GIF source da)'],
    ['a WebP signature and then text', Buffer.from('RIFF\u0020\u0000\u0000\u0000WEBPVP8 garbagegarbagegarbage', 'latin1'), 'does not decode as an image (Input buffer has corrupt header: webp: unable to parse image)'],
    [`a PNG of more than ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels`, sized(6_000, 5_000), `is 6000 × 5000 pixels, over the limit of ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels`],
  ])('refuses %s, naming the article that uses it', (_, bytes, message) => {
    const dir = content('image-decode', (dir) => {
      mkdirSync(join(dir, 'images'));
      writeFileSync(join(dir, 'images/diagram.png'), bytes);
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('![A diagram](../../images/diagram.png)\n'));
    });
    expect(report(dir)).toEqual([`factors/kms/beta-con.mdx:27:1  safety/image-file  image "../../images/diagram.png" ${message} ${hint}`]);
  });

  it('accepts a real image, and decodes a file used twice once', () => {
    const dir = content('image-decode-ok', (dir) => {
      mkdirSync(join(dir, 'images'));
      writeFileSync(join(dir, 'images/diagram.png'), png);
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), after('![A diagram](../../images/diagram.png) ![Again](../../images/diagram.png)\n'));
    });
    expect(report(dir)).toEqual([]);
    expect(decodeImages([join(dir, 'images/diagram.png'), join(dir, 'images/missing.png')])).toEqual([undefined, 'cannot be read: ENOENT']);
  });
});

describe('the content folder itself', () => {
  it('is refused when it is a symbolic link, or reached through one, before anything in it is read', () => {
    const real = content('linked-content-real', () => {});
    const linked = join(ROOT, 'test/.output/content/fail-closed/linked-content');
    rmSync(linked, { force: true });
    symlinkSync(real, linked);
    const problem = checkContentFolder(ROOT, linked).map(formatProblem);
    expect(problem).toEqual([
      'test/.output/content/fail-closed/linked-content  content/not-a-file  the content folder is a symbolic link; content must be real files and folders, or the site would be built from wherever the link points (hint: replace the link with the folder itself)',
    ]);
    const parent = join(ROOT, 'test/.output/content/fail-closed/linked-parent');
    rmSync(parent, { force: true });
    symlinkSync(join(ROOT, 'test/.output/content/fail-closed'), parent);
    expect(checkContentFolder(ROOT, join(parent, 'linked-content-real')).map((problem) => problem.message)).toEqual([
      'a folder on the way to the content folder is a symbolic link; content must be real files and folders, or the site would be built from wherever the link points',
    ]);
    expect(checkContentFolder(ROOT, real)).toEqual([]);
  });
});

describe('the build\'s check of the pages names the file a page comes from', () => {
  const pages: ContentPages = {
    contentDir: BASIC,
    shownDir: 'content',
    articles: ['factors/kms/beta-con.mdx', 'guides/words.mdx'],
    scenarioSlugs: ['small-site'],
    outcomeIds: ['use-kms', 'use-mak'],
  };
  const templates = [{ entrypoint: 'src/pages/about.astro', patternRegex: /^\/about\/?$/ }];
  const files = new Set(['index.html', 'about/index.html', 'guides/words/index.html']);
  const broken = (page: string, href: string) => findBrokenLinks([readPage(page, `<a href="${href}">x</a>`)], files, 'dist', '/', pageSources(pages, '/', templates)).map(formatProblem);

  it('an article, where its text holds the link', () => {
    expect(broken('factors/kms/beta-con/index.html', '/factors/kms/alpha-pro/')).toEqual([
      'content/factors/kms/beta-con.mdx:15:13  links/broken  link "/factors/kms/alpha-pro/" on its page /factors/kms/beta-con/ points to a page or file that the build did not produce',
    ]);
  });

  it('a scenario, the tree for /decide/ and its outcomes, a template for the other pages', () => {
    expect(broken('scenarios/small-site/index.html', '/decide/?path=few#nowhere')).toEqual([
      'content/scenarios/small-site.yaml  links/broken  link "/decide/?path=few#nowhere" on its page /scenarios/small-site/ points to a page or file that the build did not produce',
    ]);
    expect(broken('decide/outcomes/use-mak/index.html', '/factors/mak/gamma-pro/').map((line) => line.split('  ')[0])).toEqual(['content/decision-tree.yaml:42:31']);
    expect(broken('about/index.html', '/nowhere/').map((line) => line.split('  ')[0])).toEqual(['src/pages/about.astro']);
  });

  it('under a base, the link as the author wrote it', () => {
    const found = findBrokenLinks([readPage('guides/words/index.html', '<a href="/vag/factors/kms/alpha-pro/">x</a>')], files, 'dist', '/vag/', pageSources(pages, '/vag/', templates));
    expect(found.map(formatProblem)).toEqual([
      'content/guides/words.mdx:13:30  links/broken  link "/vag/factors/kms/alpha-pro/" on its page /vag/guides/words/ points to a page or file that the build did not produce',
    ]);
  });
});
