import { execFileSync } from 'node:child_process';

/**
 * The date each file was last changed, from the output of
 * `git log --format=%x00%cI --name-only`: the first (newest) date seen per file wins.
 */
export function parseLastChanged(log: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const block of log.split('\0').slice(1)) {
    const [date = '', ...files] = block.split('\n').map((line) => line.trim());
    const when = new Date(date);
    if (Number.isNaN(when.getTime())) continue;
    for (const file of files) if (file && !dates.has(file)) dates.set(file, when);
  }
  return dates;
}

let cached: Map<string, Date> | null | undefined;

/**
 * When each content file was last changed according to git history, or null
 * where that history is not available (not a git checkout, or a shallow clone
 * whose history would date every file to its one commit).
 */
export function gitLastChanged(cwd = process.cwd()): Map<string, Date> | null {
  if (cached !== undefined) return cached;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (git('rev-parse', '--is-shallow-repository').trim() !== 'false') return (cached = null);
    cached = parseLastChanged(git('log', '--format=%x00%cI', '--name-only', '--', 'content'));
  } catch {
    cached = null;
  }
  return cached;
}

/** "Last updated" for an article: its last commit, falling back to its review date. */
export function lastUpdated(filePath: string | undefined, reviewed: Date): { date: Date; fromHistory: boolean } {
  const fromGit = filePath ? gitLastChanged()?.get(filePath.replace(/^\.\//, '')) : undefined;
  return fromGit ? { date: fromGit, fromHistory: true } : { date: reviewed, fromHistory: false };
}

let commit: string | null | undefined;

/** The short id of the commit being built, or null outside a git checkout: it tells one printed report or copy from another. */
export function currentCommit(cwd = process.cwd()): string | null {
  if (commit !== undefined) return commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    commit = null;
  }
  return commit;
}
