import * as fs from 'node:fs';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContentFolder } from '../../src/lib/checks/run';
import { TREE_FILE } from '../../src/lib/tree/load';
import { ROOT } from '../helpers/build';

// Count the reads of the tree file: the content checks read and parse it once, not once per check.
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, readFileSync: vi.fn(original.readFileSync) };
});
const treeReads = () => vi.mocked(fs.readFileSync).mock.calls.filter(([path]) => String(path).endsWith(TREE_FILE)).length;

const BASIC = join(ROOT, 'test/fixtures/basic/content');

/** The basic fixture content with its tree replaced (or removed, for `null`), in its own folder. */
function withTree(name: string, tree: string | null): string {
  const dir = join(ROOT, 'test/.output/content/tree-once', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(BASIC, dir, { recursive: true });
  if (tree === null) rmSync(join(dir, TREE_FILE));
  else writeFileSync(join(dir, TREE_FILE), tree);
  return dir;
}

const rules = (dir: string) => checkContentFolder(ROOT, dir).map((problem) => `${problem.rule} ${problem.file}:${problem.line ?? ''}`);

describe('the content checks read the decision tree once', () => {
  it('for a valid tree: no problems, one read', () => {
    const before = treeReads();
    expect(rules(BASIC)).toEqual([]);
    expect(treeReads() - before).toBe(1);
  });

  it('still checks the links of the tree and knows its outcome pages', () => {
    const tree = readFileSync(join(BASIC, TREE_FILE), 'utf8');
    const outcome = /- id: (\S+)\n\s+type: outcome/.exec(tree)![1]!;
    const dir = withTree('links', tree.replace(/href: \S+/, 'href: /guides/no-such-guide/').replace(/help: "/, `help: "See [the outcome](/decide/outcomes/${outcome}/) and [nothing](/decide/outcomes/nothing/). `));
    const before = treeReads();
    const links = checkContentFolder(ROOT, dir)
      .filter((problem) => problem.rule.startsWith('links/'))
      .map((problem) => problem.message);
    expect(treeReads() - before).toBe(1);
    // The next step and the unknown outcome are reported; the outcome the tree has is a page.
    expect(links).toHaveLength(2);
    expect(links.join('\n')).toContain('/guides/no-such-guide/');
    expect(links.join('\n')).toContain('/decide/outcomes/nothing/');
  });

  it('reports a missing tree once, and no tree links', () => {
    const dir = withTree('missing', null);
    expect(rules(dir).filter((line) => line.startsWith('tree/missing'))).toHaveLength(1);
    expect(rules(dir).filter((line) => line.includes(TREE_FILE) && !line.startsWith('tree/missing'))).toEqual([]);
  });

  it('reports a tree that is not valid YAML with its own problems only, not its links', () => {
    const dir = withTree('yaml', '- id: x\n  help: "[a](/nowhere/)"\n  help: twice\n');
    const found = rules(dir).filter((line) => line.includes(TREE_FILE));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((line) => line.startsWith('tree/yaml'))).toBe(true);
  });

  it('runs the tree rules on the tree it read', () => {
    const dir = withTree('direct', readFileSync(join(BASIC, TREE_FILE), 'utf8').replace(/next: use-\w+/, 'next: nowhere'));
    const before = treeReads();
    expect(rules(dir).some((line) => line.startsWith('tree/dangling-next'))).toBe(true);
    expect(treeReads() - before).toBe(1);
  });
});
