import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brokenContent, buildSite, listFiles, ROOT } from '../helpers/build';

/*
 * The marker-file proof. Each fixture holds code that writes a marker file if
 * the build ever compiles and runs it (checked by hand without the safety lint:
 * both fixtures then write the marker). The builds must fail on the safety
 * lint before Astro compiles anything, so the marker never appears.
 */
const MARKER = join(ROOT, 'test/.output/safety-marker/ran.txt');
const previousMarker = process.env.VAG_MARKER;

beforeAll(() => {
  // The folder exists, so a write would succeed if the payload ever ran.
  mkdirSync(dirname(MARKER), { recursive: true });
  process.env.VAG_MARKER = MARKER;
});

afterAll(() => {
  if (previousMarker === undefined) delete process.env.VAG_MARKER;
  else process.env.VAG_MARKER = previousMarker;
});

describe('a contributor file that would run code at build', () => {
  it('fails on an import, an export and an expression, and nothing runs', () => {
    rmSync(MARKER, { force: true });
    const result = buildSite('unsafe-mdx', brokenContent('unsafe-mdx'));
    expect(result.status).not.toBe(0);
    const file = 'test/.output/content/unsafe-mdx/factors/kms/beta-con.mdx';
    expect(result.output).toContain(
      `${file}:15:1  safety/import  \`import fs from 'node:fs'\` is not allowed: an import in MDX runs "node:fs" as code when the site is built`,
    );
    expect(result.output).toContain(
      `${file}:16:1  safety/export  \`export const ranOnImport = fs.writeFile…\` is not allowed: an export in MDX runs as code when the site is built`,
    );
    expect(result.output).toContain(
      `${file}:20:1  safety/expression  {fs.writeFileSync(process.env.VAG_MARKER…} is a JavaScript expression, which would run when the site is built`,
    );
    expect(result.output).not.toMatch(/mdx\/syntax|schema\//);
    expect(existsSync(MARKER)).toBe(false);
    expect(listFiles(result.outDir)).toEqual([]);
  });

  it('fails on a local "image" that is a script, which Astro would import, and nothing runs', () => {
    rmSync(MARKER, { force: true });
    const result = buildSite('unsafe-image', brokenContent('unsafe-image'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'test/.output/content/unsafe-image/factors/kms/beta-con.mdx:17:1  safety/url  image "../../payload.mjs" is not an image file',
    );
    expect(existsSync(MARKER)).toBe(false);
    expect(listFiles(result.outDir)).toEqual([]);
  });
});
