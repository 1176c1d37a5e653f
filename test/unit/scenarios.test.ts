import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../../src/lib/checks/index';
import { formatProblem } from '../../src/lib/problem';
import { indexTree } from '../../src/lib/tree/link';
import { readTreeFile } from '../../src/lib/tree/load';
import { checkScenario, readScenarioFile, scenarioWalks } from '../../src/lib/tree/scenarios';
import { ROOT } from '../helpers/build';

const TREE = `
- id: size
  type: question
  question: "How many machines?"
  answers:
    - { id: many, label: "Many", next: network }
    - { id: few, label: "Few", next: use-mak }
- id: network
  type: question
  question: "Do clients reach the host?"
  answers:
    - { id: reachable, label: "Yes", next: use-kms }
    - { id: isolated, label: "No", next: use-mak }
- id: use-kms
  type: outcome
  title: "KMS"
  recommends: [kms]
  rationale: "Because."
  nextSteps: [{ label: "KMS", href: /guides/kms/ }]
  cites: [kms/finds-host]
- id: use-mak
  type: outcome
  title: "MAK"
  recommends: [mak]
  rationale: "Because."
  nextSteps: [{ label: "MAK", href: /guides/mak/ }]
  cites: [mak/forever]
`;
const { nodes } = readTreeFile('tree.yaml', TREE);
const index = indexTree(nodes);
const FILE = 'content/scenarios/lab.yaml';

const scenario = (path: string, outcome: string) => `title: "A lab"
summary: "A lab that reaches its host."
organisation:
  size: "40 PCs"
  domain: "None"
  sites: "One lab"
  products: "Windows"
path: ${path}
outcome: ${outcome}
why: "Because it is big enough."
reviewed: 2026-01-15
`;
const check = (text: string) => checkScenario(readScenarioFile(FILE, text), nodes, index).map(formatProblem);

describe('a worked scenario checked against the tree', () => {
  it('passes when its answers reach its outcome', () => {
    expect(check(scenario('[many, reachable]', 'use-kms'))).toEqual([]);
  });

  it('fails when the answers lead to another outcome, at the outcome line', () => {
    expect(check(scenario('[many, reachable]', 'use-mak'))).toEqual([
      `${FILE}:9  scenario/wrong-outcome  field "outcome": the answers lead to "use-kms", not to "use-mak"; if the new advice is right, update the scenario and its narrative`,
    ]);
  });

  it('names the first answer that is not an answer to its question', () => {
    expect(check(scenario('[many, online]', 'use-kms'))).toEqual([
      `${FILE}:8  scenario/invalid-path  field "path[1]": "online" is not an answer to "Do clients reach the host?" (question "network"); its answers are reachable, isolated`,
    ]);
  });

  it('names an answer given after the outcome was reached', () => {
    expect(check(scenario('[few, reachable]', 'use-mak'))).toEqual([
      `${FILE}:8  scenario/invalid-path  field "path[1]": "reachable" goes on past the outcome "use-mak"`,
    ]);
  });

  it('fails when the answers stop at a question', () => {
    expect(check(scenario('[many]', 'use-kms'))).toEqual([
      `${FILE}:8  scenario/incomplete-path  field "path": the answers stop at the question "network" ("Do clients reach the host?") instead of reaching an outcome`,
    ]);
  });

  it('fails on an outcome the tree does not have, suggesting the near miss', () => {
    expect(check(scenario('[many, reachable]', 'use-kmz'))).toEqual([
      `${FILE}:9  scenario/unknown-outcome  field "outcome": "use-kmz" is not an outcome of the decision tree — did you mean "use-kms"?`,
    ]);
  });

  it('reports a missing field with the schema rule', () => {
    expect(check(scenario('[many, reachable]', 'use-kms').replace(/^why: .*\n/m, ''))).toEqual([
      `${FILE}:1  scenario/schema-missing-field  field "why" is required but missing`,
    ]);
  });
});

describe('the scenarios folder', () => {
  it('refuses file names the site cannot route, and links, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const content = join(root, 'content');
    const dir = join(content, 'scenarios');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Big Lab.yaml'), scenario('[many, reachable]', 'use-kms'));
    writeFileSync(join(content, 'elsewhere.yaml'), scenario('[many, reachable]', 'use-kms'));
    symlinkSync(join(content, 'elsewhere.yaml'), join(dir, 'linked.yaml'));
    writeFileSync(join(dir, 'lab.yaml'), scenario('[many, reachable]', 'use-kms'));
    const found = indexContent(root, content);
    expect(found.readProblems.map(formatProblem)).toEqual([
      'content/scenarios/Big Lab.yaml  scenario/file-name  scenario files are named like "small-office.yaml" (lower-case words joined by hyphens, ending in .yaml); "Big Lab.yaml" is not',
      'content/scenarios/linked.yaml  scenario/not-a-file  must be a regular file (not a folder or a link)',
    ]);
    expect(found.scenarios.map((scenario) => scenario.slug)).toEqual(['lab']);
  });
});

describe('the published scenarios', () => {
  const dir = join(ROOT, 'content/scenarios');
  const files = readdirSync(dir).map((name) => readScenarioFile(name, readFileSync(join(dir, name))));
  const walks = files.flatMap((file) => (file.scenario ? scenarioWalks(file.scenario) : []));
  const outcomes = walks.map((walk) => walk.outcome);

  it('are at least twenty, each read without problems (the content check walks them through the tree)', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.flatMap((file) => file.problems)).toEqual([]);
  });

  it('include whole estates: Windows and Office answered apart, and parts that share a KMS host', () => {
    const plans = files.filter((file) => file.scenario?.parts);
    expect(plans.some((file) => file.scenario!.parts!.some((part) => part.windows && part.office))).toBe(true);
    expect(plans.some((file) => file.scenario!.parts!.some((part) => part.kmsHost))).toBe(true);
  });

  it('cover the estates the advice issue asks for', () => {
    // A small office without a domain; the 300-user network; an air-gapped lab; field laptops; branches over VPN;
    // DNS without SRV records; an MSP; legacy systems; an E3/E5 estate; a Microsoft 365 Apps office.
    // Then: an Azure Virtual Desktop pool, Hyper-V Datacenter guests, Office LTSC beside OEM Windows, an Education
    // school, Office in a domain and on an RDS farm.
    for (const outcome of ['mak-independent', 'adba', 'kms', 'adba-plus-mak', 'core-kms-over-vpn', 'adba-plus-kms', 'subscription-activation', 'microsoft-365-apps', 'azure-kms', 'avma', 'office-kms', 'subscription-education', 'office-adba', 'retail-oem']) {
      expect(outcomes, outcome).toContain(outcome);
    }
  });
});
