import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';
import { buildSite, hrefsBetween, readHtml, ROOT, type BuildResult } from '../helpers/build';
import { serveStatic } from '../helpers/serve';

// CONTRIBUTING.md's path for a new article, end to end: npm run new, replace
// the placeholders, npm run check, build; the article is listed and found by search.

const CONTENT = relative(ROOT, join(ROOT, 'test/.output/content/contribute'));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const FILE = `${CONTENT}/factors/mak/keys-travel-with-the-image.mdx`;
const URL = '/factors/mak/keys-travel-with-the-image/';

function run(script: string, args: readonly string[] = []) {
  return spawnSync(process.execPath, [TSX, script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VAG_CONTENT_DIR: CONTENT, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

let build: BuildResult;
let check: ReturnType<typeof run>;
const browser = useBrowser();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  rmSync(join(ROOT, CONTENT), { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/basic/content'), join(ROOT, CONTENT), { recursive: true });
  const created = run('src/cli/new.ts', ['--method', 'mak', '--stance', 'con', '--title', 'Keys travel with the image', '--tags', 'deployment,activation-limits', '--decides', 'size/few']);
  expect(created.status, created.stderr).toBe(0);
  const filled = readFileSync(join(ROOT, FILE), 'utf8')
    .replace(/^summary: .*$/m, 'summary: "A MAK baked into a golden image is installed on every clone, so each reimage spends an activation."')
    .replace(/^ {2}- "REPLACE: .*$/m, '  - "Windows 11"')
    .replace('REPLACE: Microsoft documentation page title', 'Plan for volume activation')
    .replace('https://learn.microsoft.com/REPLACE-ME', 'https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client')
    .replace(/\n## What it means in practice\n/, '\nEvery reimage of a golden image with a baked-in key spends one more activation.\n\n## What it means in practice\n');
  writeFileSync(join(ROOT, FILE), filled);
  // The content checks a contributor's `npm run check` runs; its type check (astro check) runs once in CI, in `npm test`.
  check = run('src/cli/check.ts', ['--content']);
  build = buildSite('contribute', CONTENT);
  ({ url: baseUrl, server } = await serveStatic(build.outDir));
}, 240_000);

afterAll(async () => {
  server?.close();
});

describe('adding an article by following CONTRIBUTING.md', () => {
  it('passes npm run check once the placeholders are replaced', () => {
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('builds, and lists the article on its method and tag pages', () => {
    expect(build.status).toBe(0);
    for (const page of ['/mak/', '/tags/deployment/', '/tags/activation-limits/']) {
      expect(hrefsBetween(readHtml(build.outDir, page), '<main', '</main>'), page).toContain(URL);
    }
  });

  it('is found by search', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/search/?q=golden%20image`);
    const result = page.locator(`pagefind-results a[href^="${URL}"]`).first();
    await result.waitFor();
    expect(await result.textContent()).toContain('Keys travel with the image');
  });
});
