import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SCENARIO_NAME, SCENARIOS } from '../../collections';
import { folderProblem } from '../../content/walk';
import type { Problem } from '../../problem';
import { indexTree } from '../../tree/link';
import { checkScenario, readScenarioFile, type ScenarioFile } from '../../tree/scenarios';
import type { TreeNode } from '../../tree/schema';
import type { ContentIndex } from '../index';

/** A scenario file is a few hundred bytes of YAML; anything far larger is a mistake. */
const MAX_SCENARIO_BYTES = 20_000;

/** A scenario file that was read, with its text, for the rules that look into its fields (rules/scenario-links.ts). */
export interface ReadScenario {
  read: ScenarioFile;
  text: string;
}

/** What reading the scenarios folder gave: the problems, the slugs of the scenarios (their pages) and each file read. */
export interface ScenarioFolder {
  problems: Problem[];
  slugs: string[];
  files: ReadScenario[];
}

/**
 * Read every worked scenario in `content/scenarios/` and walk its answers
 * through the tree (`nodes`, already validated): each must reach the outcome
 * it names. Returns the problems, the slugs of the scenarios (their pages) and the files read.
 */
export function checkScenarioFolder(root: string, contentDir: string, nodes: readonly TreeNode[] | undefined): ScenarioFolder {
  const dir = join(contentDir, SCENARIOS.folder);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const folder = folderProblem(contentDir, relative(root, contentDir).split(sep).join('/') || '.', SCENARIOS.folder, 'scenario');
  if (folder) return { problems: [folder], slugs: [], files: [] };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { problems: [], slugs: [], files: [] };
  }
  const problems: Problem[] = [];
  const slugs: string[] = [];
  const files: ReadScenario[] = [];
  const index = nodes ? indexTree(nodes) : undefined;
  for (const name of names) {
    const path = join(dir, name);
    const file = rel(path);
    if (!SCENARIO_NAME.test(name)) {
      problems.push({ file, rule: 'scenario/file-name', message: `scenario files are named like "small-office.yaml" (lower-case words joined by hyphens, ending in .yaml); ${JSON.stringify(name)} is not` });
      continue;
    }
    try {
      const stat = lstatSync(path);
      if (!stat.isFile()) {
        problems.push({ file, rule: 'scenario/not-a-file', message: 'must be a regular file (not a folder or a link)' });
        continue;
      }
      if (stat.size > MAX_SCENARIO_BYTES) {
        problems.push({ file, rule: 'scenario/too-large', message: `is ${stat.size} bytes; a scenario is at most ${MAX_SCENARIO_BYTES}` });
        continue;
      }
      const bytes = readFileSync(path);
      const read = readScenarioFile(file, bytes);
      slugs.push(name.replace(/\.yaml$/, ''));
      if (read.scenario) files.push({ read, text: bytes.toString('utf8') });
      // Without a valid tree (reported on its own) the path cannot be walked.
      problems.push(...(index && nodes ? checkScenario(read, nodes, index) : read.problems));
    } catch (error) {
      problems.push({ file, rule: 'scenario/read', message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { problems, slugs, files };
}

/** The scenarios folder of an index, read once for every rule that needs it. */
export function scenarioFolder(index: ContentIndex): ScenarioFolder {
  let folder = readFolders.get(index);
  if (!folder) {
    const tree = index.tree.parsed;
    readFolders.set(index, (folder = checkScenarioFolder(index.root, index.contentDir, tree && !tree.problems.length ? tree.nodes : undefined)));
  }
  return folder;
}

const readFolders = new WeakMap<ContentIndex, ScenarioFolder>();

/** `scenario/*`: every worked scenario is valid and its answers, walked through the tree, reach the outcome it names. */
export function scenarios(index: ContentIndex): Problem[] {
  return scenarioFolder(index).problems;
}
