import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenContent, buildSite, listFiles, overlayContent } from '../helpers/build';

/** A fingerprint of every file in a folder: names and contents. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

describe('nothing half-published', () => {
  it('leaves the previous output as it was when a later build fails after writing pages', () => {
    const good = buildSite('atomic', 'test/fixtures/basic/content');
    expect(good.status).toBe(0);
    const before = fingerprint(good.outDir);
    expect(listFiles(good.outDir)).toContain('factors/kms/beta-con/index.html');

    // A relative link pointing nowhere is only found once every page has been written.
    const bad = buildSite('atomic', brokenContent('relative-link'), { fresh: false });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/links\/broken {2}link "\.\.\/gamma-con\/"/);
    expect(fingerprint(bad.outDir)).toBe(before);
  });

  it('replaces the output completely when a build passes', () => {
    const first = buildSite('atomic-replace', overlayContent('declared-by-decides'));
    expect(first.status).toBe(0);
    expect(listFiles(first.outDir)).toContain('factors/mak/epsilon-pro/index.html');
    const second = buildSite('atomic-replace', 'test/fixtures/basic/content', { fresh: false });
    expect(second.status).toBe(0);
    // A page whose article was removed does not linger in the published output.
    expect(listFiles(second.outDir)).not.toContain('factors/mak/epsilon-pro/index.html');
  });
});
