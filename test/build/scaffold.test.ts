import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hrefsBetween, listFiles, readHtml, ROOT } from '../helpers/build';

// `npm run new` end to end: scaffold an article into a copy of the basic
// fixture, see the build refuse its placeholders, fill them in as a
// contributor would, and see the article published and listed.

const CONTENT = join(ROOT, 'test/.output/content/scaffold');
const CONTENT_REL = relative(ROOT, CONTENT);
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const ARTICLE = `${CONTENT_REL}/factors/kms/renewal-crosses-the-wan.mdx`;
const URL = '/factors/kms/renewal-crosses-the-wan/';
const FLAGS = ['--method', 'kms', '--stance', 'con', '--title', 'Renewal crosses the WAN', '--tags', 'dns,renewal', '--decides', 'size/many'];

/** Run `npm run new -- …args` (the same command as the package script) on the copied content. */
function runNew(args: readonly string[]) {
  const result = spawnSync(process.execPath, [TSX, 'src/cli/new.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VAG_CONTENT_DIR: CONTENT_REL, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let first: ReturnType<typeof runNew>;

beforeAll(() => {
  rmSync(CONTENT, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/basic/content'), CONTENT, { recursive: true });
  first = runNew(FLAGS);
});

describe('npm run new', () => {
  it('is the package script', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.new).toBe('tsx src/cli/new.ts');
  });

  it('writes the article into VAG_CONTENT_DIR without asking, and prints the path and next steps', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(existsSync(join(ROOT, ARTICLE))).toBe(true);
    expect(first.stdout).toContain(`Created ${ARTICLE}`);
    expect(first.stdout).toContain('Replace every REPLACE placeholder');
    expect(first.stdout).toContain('npm run build');
    const text = readFileSync(join(ROOT, ARTICLE), 'utf8');
    expect(text).toContain('decides: [size/many]');
    expect(text).toContain(`reviewed: ${new Date().toISOString().slice(0, 10)}`);
  });

  it('refuses a second article with the same title, naming the existing file', () => {
    const before = readFileSync(join(ROOT, ARTICLE), 'utf8');
    const second = runNew(FLAGS);
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`${ARTICLE} already exists`);
    expect(readFileSync(join(ROOT, ARTICLE), 'utf8')).toBe(before);
  });

  it('refuses an unknown tag with a did-you-mean, writing nothing', () => {
    const result = runNew(['--method', 'mak', '--stance', 'pro', '--title', 'Something new', '--tags', 'renewl']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--tags: unknown tag "renewl" — did you mean "renewal"? Known tags: dns,');
    expect(existsSync(join(CONTENT, 'factors/mak/something-new.mdx'))).toBe(false);
  });

  it('fails instead of waiting for input when a required flag is missing', () => {
    const result = runNew(['--method', 'mak', '--yes']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('missing --stance, --title, --tags');
  });
});

describe('building a scaffolded article', () => {
  it('fails while the placeholders are left, naming the file and each field', () => {
    const result = buildSite('scaffold-placeholders', CONTENT_REL);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${ARTICLE}:3:10  content/placeholder  field "summary" still holds the placeholder "REPLACE: `);
    expect(result.output).toContain(`${ARTICLE}:8:5  content/placeholder  field "appliesTo[0]" still holds the placeholder`);
    expect(result.output).toContain(`${ARTICLE}:10:12  content/placeholder  field "sources[0].title" still holds the placeholder`);
    expect(result.output).toContain(
      `${ARTICLE}:11:10  content/placeholder  field "sources[0].url" still holds the placeholder "https://learn.microsoft.com/REPLACE-ME"`,
    );
    expect(listFiles(result.outDir)).toEqual([]);
  });

  describe('once a contributor has replaced the placeholders', () => {
    let result: ReturnType<typeof buildSite>;

    beforeAll(() => {
      const path = join(ROOT, ARTICLE);
      const filled = readFileSync(path, 'utf8')
        .replace(/^summary: .*$/m, 'summary: "KMS clients renew every 7 days, so branch offices send activation traffic over the WAN."')
        .replace(/^ {2}- "REPLACE: .*$/m, '  - "Windows 10 and 11"')
        .replace(/title: "REPLACE: Microsoft documentation page title"/, 'title: "Key Management Services (KMS) activation planning"')
        .replace('https://learn.microsoft.com/REPLACE-ME', 'https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning');
      expect(filled).not.toContain('REPLACE');
      writeFileSync(path, filled);
      result = buildSite('scaffold', CONTENT_REL);
    });

    it('builds', () => {
      expect(result.output).not.toMatch(/\[ERROR\]/);
      expect(result.status).toBe(0);
    });

    it('publishes the article with its title and the house headings', () => {
      const html = readHtml(result.outDir, URL);
      expect(html).toMatch(/<h1[^>]*>Renewal crosses the WAN<\/h1>/);
      expect(html).toMatch(/<h2[^>]*>What it means in practice<\/h2>/);
      expect(html).toMatch(/<h2[^>]*>What to do<\/h2>/);
    });

    it('lists it on its method page and on each of its tag pages', () => {
      for (const page of ['/kms/', '/tags/dns/', '/tags/renewal/']) {
        const links = hrefsBetween(readHtml(result.outDir, page), '<main', '</main>');
        expect(links, page).toContain(URL);
      }
      const mak = hrefsBetween(readHtml(result.outDir, '/mak/'), '<main', '</main>');
      expect(mak).not.toContain(URL);
    });
  });
});
