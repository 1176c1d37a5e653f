import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle, checkContentFolder } from '../../src/lib/checks/run';
import { checkLinksToRoutes } from '../../src/lib/checks/rules/links-to-routes';
import { findBrokenLinks } from '../../src/lib/checks/links';
import { formatProblem, formatReport } from '../../src/lib/problem';
import { readTreeFile } from '../../src/lib/tree/load';
import { splitFrontmatter } from '../../src/lib/content/frontmatter';
import { ROOT } from '../helpers/build';

// Contributions come from strangers: every hostile input ends as one problem naming the file, never a crash or a pass.

const BASIC = join(ROOT, 'test/fixtures/basic/content');
const BETA = readFileSync(join(BASIC, 'factors/kms/beta-con.mdx'), 'utf8');
const FILE = 'content/factors/kms/beta-con.mdx';

/** The basic fixture content in its own folder, changed by `change`. */
function content(name: string, change: (dir: string) => void): string {
  const dir = join(ROOT, 'test/.output/content/hostile', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(BASIC, dir, { recursive: true });
  change(dir);
  return dir;
}

/** `rule file` of each problem, the file relative to the content folder. */
function found(dir: string): string[] {
  const shown = dir.slice(ROOT.length + 1);
  return checkContentFolder(ROOT, dir).map((problem) => `${problem.rule} ${problem.file.replace(`${shown}/`, '')}`);
}

describe('the file walker', () => {
  it('refuses symbolic links without following them: to a device, dangling, or in a loop', () => {
    const dir = content('links', (dir) => {
      symlinkSync('/dev/zero', join(dir, 'factors/kms/zero.mdx'));
      symlinkSync('nowhere.mdx', join(dir, 'factors/kms/dangling.mdx'));
      symlinkSync('loop-b.mdx', join(dir, 'factors/kms/loop-a.mdx'));
      symlinkSync('loop-a.mdx', join(dir, 'factors/kms/loop-b.mdx'));
      symlinkSync('.', join(dir, 'guides/self'));
    });
    expect(found(dir)).toEqual([
      'content/not-a-file factors/kms/dangling.mdx',
      'content/not-a-file factors/kms/loop-a.mdx',
      'content/not-a-file factors/kms/loop-b.mdx',
      'content/not-a-file factors/kms/zero.mdx',
      'content/not-a-file guides/self',
    ]);
  });

  it('refuses a decision tree that is a symbolic link, without reading it', () => {
    const dir = content('tree-link', (dir) => {
      rmSync(join(dir, 'decision-tree.yaml'));
      symlinkSync('/dev/zero', join(dir, 'decision-tree.yaml'));
    });
    expect(found(dir)).toEqual(['tree/not-a-file decision-tree.yaml']);
  });

  it('refuses anything but a regular file, such as a named pipe', () => {
    const dir = content('fifo', (dir) => {
      spawnSync('mkfifo', [join(dir, 'guides/pipe.mdx')]);
    });
    expect(found(dir)).toEqual(['content/not-a-file guides/pipe.mdx']);
  });

  it('allows exactly the names the site can route, at the depth of the collection', () => {
    const dir = content('names', (dir) => {
      for (const name of ['AuditX.mdx', 'with space.mdx', '.hidden.mdx', 'café.mdx', "it's.mdx"]) writeFileSync(join(dir, 'guides', name), BETA);
      mkdirSync(join(dir, 'factors/kms/sub'));
      writeFileSync(join(dir, 'factors/kms/sub/x.mdx'), BETA);
      mkdirSync(join(dir, 'guides/sub'));
      mkdirSync(join(dir, 'guides/folder.mdx'));
      writeFileSync(join(dir, 'factors/top.mdx'), BETA);
    });
    expect(found(dir).sort()).toEqual([
      'content/location factors/kms/sub',
      'content/location factors/top.mdx',
      'content/name guides/.hidden.mdx',
      'content/name guides/AuditX.mdx',
      'content/name "guides/café.mdx"',
      'content/name "guides/it\'s.mdx"',
      'content/name "guides/with space.mdx"',
      'content/location guides/folder.mdx',
      'content/location guides/sub',
    ].sort());
  });

  it('prints a file name with a newline escaped, so it cannot start a line or a CI annotation of its own', () => {
    const dir = content('newline', (dir) => writeFileSync(join(dir, 'guides', 'x\n::warning file=a::pwned.mdx'), BETA));
    const report = formatReport(checkContentFolder(ROOT, dir));
    expect(report.split('\n')).toHaveLength(2);
    expect(report).not.toMatch(/^::warning/m);
    expect(report).toContain('\\n::warning');
  });

  it('refuses a file name that is not UTF-8, showing the byte', () => {
    const dir = content('bytes', (dir) => writeFileSync(Buffer.concat([Buffer.from(join(dir, 'guides/x')), Buffer.from([0xff]), Buffer.from('.mdx')]), BETA));
    expect(found(dir)).toEqual([expect.stringMatching(/^content\/name .*guides\/x\\\\xff\.mdx/)]);
  });

  it('checks the size before it reads the file', () => {
    const dir = content('size', (dir) => writeFileSync(join(dir, 'guides/big.mdx'), `${BETA}${'x'.repeat(120 * 1024)}`));
    expect(found(dir)).toEqual(['safety/size guides/big.mdx']);
  });
});

describe('nesting and parser failures', () => {
  it('refuses thousands of nested quotes before any parser recurses, in well under a second', () => {
    for (const body of ['>'.repeat(6000), `import x from 'y'\n\n${'>'.repeat(6000)}`, '> '.repeat(800), '<sub>'.repeat(8000)]) {
      const started = performance.now();
      const problems = checkArticle(FILE, `${BETA}\n${body}\n`);
      expect(problems.map((problem) => problem.rule)).toEqual(['safety/nesting']);
      // Reported at the line that goes too deep: the last line of the body.
      expect(problems[0]).toMatchObject({ file: FILE, line: 26 + body.split('\n').length });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('accepts ordinary nesting, and code that only looks nested', () => {
    expect(checkArticle(FILE, `${BETA}\n> > > quoted three deep\n\n\`${'<x>'.repeat(80)}\`\n`)).toEqual([]);
  });
});

describe('frontmatter, read as the build reads it', () => {
  const withField = (line: string) => BETA.replace('stance: con\n', `stance: con\n${line}\n`);

  it('refuses tags the build cannot read: !!js/function and unknown tags, naming the line', () => {
    expect(checkArticle(FILE, withField('note: !!js/function "function () {}"')).map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/factors\/kms\/beta-con\.mdx:6:\d+ {2}frontmatter\/yaml {2}frontmatter is not valid YAML: unknown tag/),
    ]);
    expect(checkArticle(FILE, withField('note: !foo bar')).map((problem) => `${problem.rule}:${problem.line}`)).toEqual(['frontmatter/yaml:6']);
  });

  it('reads a bare date as a date, as the build does, so a title that is a date is refused', () => {
    expect(checkArticle(FILE, BETA.replace('title: "Beta con"', 'title: 2026-01-15')).map((problem) => problem.rule)).toEqual(['schema/wrong-type']);
  });

  it('accepts an asterisk in a value and a few aliases, which send the frontmatter through the alias check', () => {
    expect(checkArticle(FILE, BETA.replace('title: "Beta con"', 'title: "Beta con *not* bold"'))).toEqual([]);
    expect(splitFrontmatter('---\nproducts: &p ["Windows 11"]\nalso: *p\n---\nBody\n')).toMatchObject({
      data: { products: ['Windows 11'], also: ['Windows 11'] },
      errors: [],
    });
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const started = performance.now();
    expect(checkArticle(FILE, withField(bomb)).map((problem) => problem.rule)).toEqual(['frontmatter/yaml']);
    expect(performance.now() - started).toBeLessThan(1000);
    const tree = readTreeFile('content/decision-tree.yaml', `${bomb}\n`);
    expect(tree.problems.map((problem) => problem.rule)).toEqual(['tree/yaml']);
  });
});

describe('links', () => {
  const routes = { pages: new Map<string, Set<string> | null>([['/guides/kms/', new Set(['gvlk'])]]) };

  it('reports a malformed percent-escape instead of throwing, before and after the build', () => {
    expect(checkLinksToRoutes(FILE, [{ url: '/guides/kms/#%E0%A4%A', line: 3, column: 1 }], routes).map((problem) => problem.rule)).toEqual(['links/malformed']);
    const page = { file: 'index.html', ids: new Set<string>(), links: ['/guides/kms/#%E0%A4%A', '/%E0%A4%A/'] };
    expect(findBrokenLinks([page], new Set(['index.html', 'guides/kms/index.html'])).map((problem) => problem.rule)).toEqual(['links/broken', 'links/broken']);
  });

  it('refuses a body link that would leave the site while looking internal', () => {
    for (const url of ['/\\evil.example/guides/kms/', '/\\\\evil.example/x/']) {
      expect(checkLinksToRoutes(FILE, [{ url, line: 3, column: 1 }], routes).map((problem) => problem.rule), url).toEqual(['links/malformed']);
    }
  });
});

describe('footnotes', () => {
  it('refuses a footnote label with markup or punctuation, whose links the build would break, and accepts a plain one', () => {
    expect(checkArticle(FILE, `${BETA}\nText[^x\`y\`].\n\n[^x\`y\`]: A note.\n`).map(formatProblem)).toEqual([
      `${FILE}:27:5  mdx/footnote-label  footnote label "x\`y\`" holds markup or punctuation, which would break the links between the footnote and its reference (hint: use a plain label such as [^1] or [^kms-count])`,
      `${FILE}:29:1  mdx/footnote-label  footnote label "x\`y\`" holds markup or punctuation, which would break the links between the footnote and its reference (hint: use a plain label such as [^1] or [^kms-count])`,
    ]);
    expect(checkArticle(FILE, `${BETA}\nText[^<kbd>x</kbd>].\n\n[^<kbd>x</kbd>]: A note.\n`).map((problem) => problem.rule)).toEqual(['mdx/footnote-label', 'mdx/footnote-label']);
    expect(checkArticle(FILE, `${BETA}\nText[^kms-count] and [^1].\n\n[^kms-count]: A note.\n\n[^1]: Another.\n`)).toEqual([]);
  });
});

describe('images', () => {
  it('refuses a remote image, saying why', () => {
    expect(checkArticle(FILE, `${BETA}\n![x](https://tracker.example/p.png)\n`).map(formatProblem)).toEqual([
      `${FILE}:27:1  safety/remote-image  image "https://tracker.example/p.png" is loaded from another site: that site would learn who reads this page, and the offline edition would miss it (hint: save the image next to the article and point to it by a relative path)`,
    ]);
  });

  it('refuses local image paths the build could load as code', () => {
    for (const url of ['./x.mjs%3Fy.png', '/@fs/etc/x.png', 'c:x.mjs', './x.png?raw']) {
      expect(checkArticle(FILE, `${BETA}\n![x](${url})\n`).map((problem) => problem.rule), url).toEqual(['safety/url']);
    }
  });

  it('refuses a local image that is a script, a symbolic link or missing', () => {
    const dir = content('images', (dir) => {
      mkdirSync(join(dir, 'images'));
      // A real 1×1 PNG: the check decodes images as the build does.
      writeFileSync(join(dir, 'images/real.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64'));
      writeFileSync(join(dir, 'images/script.png'), 'export default 1;\n');
      symlinkSync('/etc/passwd', join(dir, 'images/link.png'));
      writeFileSync(join(dir, 'factors/kms/beta-con.mdx'), `${BETA}\n![a](../../images/real.png) ![b](../../images/script.png) ![c](../../images/link.png) ![d](../../images/none.png) ![e](../../../outside.png)\n`);
    });
    expect(checkContentFolder(ROOT, dir).map((problem) => `${problem.rule} ${problem.message.split(' ').slice(0, 2).join(' ')} ${problem.message.split(' ').slice(2, 5).join(' ')}`)).toEqual([
      'safety/image-file image "../../images/script.png" is not an',
      'safety/image-file image "../../images/link.png" is a symbolic',
      'safety/image-file image "../../images/none.png" cannot be read:',
      'safety/image-file image "../../../outside.png" is outside the',
    ]);
  });
});
