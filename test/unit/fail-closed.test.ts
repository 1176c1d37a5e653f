import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle, checkContentFolder } from '../../src/lib/checks/run';
import { MAX_TABLE_CELLS } from '../../src/lib/checks/rules/table-size';
import { characterProblems } from '../../src/lib/content/characters';
import { MAX_DATA_TEXT } from '../../src/lib/content/yaml-data';
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
      `${FILE}:27:1  mdx/heading-id  heading "Sources" gets the id "sources", which the page already uses for its own section (hint: reword the heading; ids the page uses: correction, applies-to, sources, where-it-decides, related, main)`,
    ]);
  });

  it('knows the ids of each collection: "on-this-page" on a guide, not on a factor', () => {
    const guide = readFileSync(join(BASIC, 'guides/words.mdx'), 'utf8');
    expect(checkArticle('content/guides/words.mdx', `${guide}\n## On this page\n`).map((problem) => problem.rule)).toEqual(['mdx/heading-id']);
    expect(checkArticle(FILE, after('## On this page\n'))).toEqual([]);
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

  it('renders inline Markdown in linear time: long runs of "[" and "](" and the same output as before for plain texts', () => {
    for (const text of ['['.repeat(20_000), ']('.repeat(20_000), '[a]('.repeat(10_000)]) {
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
      `at most ${IMAGE_LIMIT_KB.toLocaleString('en')} KB`,
      `at most ${TREE_SIZE_LIMIT_KB} KB and ${TREE_MAX_ALIASES} aliases`,
      `at most ${MAX_DATA_TEXT.toLocaleString('en')} characters`,
    ]) {
      expect(limits).toContain(stated);
    }
  });
});
