import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFolder, checkContentFolderInParallel, PARALLEL_MIN_FILES } from '../../src/lib/checks/content';
import { syntheticFactors, writeSyntheticContent } from '../../src/cli/bench';
import { ROOT } from '../helpers/build';

// The build checks large sites on every core; the result must be exactly that of checkContentFolder.
describe('checkContentFolderInParallel', () => {
  it('reports exactly what checkContentFolder reports, in the same order', async () => {
    const count = PARALLEL_MIN_FILES + 50;
    const dir = join(ROOT, 'test/.output/content/parallel-checks');
    writeSyntheticContent(dir, count);
    const ids = syntheticFactors(count).map((factor) => factor.id);
    const file = (index: number) => join(dir, 'factors', `${ids[index]}.mdx`);
    appendFileSync(file(3), '\nA port is < 1024 or {oops\n');
    appendFileSync(file(120), '\nimport x from "node:fs"\n');
    appendFileSync(file(240), '\nSee [nowhere](/factors/kms/nowhere/) and [a heading](/guides/bench-overview/#nope).\n');
    writeFileSync(join(dir, 'factors/mak/notes.md'), 'not an article\n');
    rmSync(file(400));
    const sequential = checkContentFolder(ROOT, dir);
    expect(sequential.length).toBeGreaterThan(4);
    expect(await checkContentFolderInParallel(ROOT, dir, 1)).toEqual(sequential);
  }, 60_000);
});
