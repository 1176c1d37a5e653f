import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { METHOD_IDS, STANCE_IDS } from '../../src/lib/taxonomy';

// The GitHub files are configuration that only runs on GitHub; these tests pin down
// the parts whose breakage would go unnoticed until a pull request or a deploy.

const GITHUB = join(import.meta.dirname, '..', '..', '.github');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Job {
  'runs-on'?: string;
  'timeout-minutes'?: unknown;
  permissions?: unknown;
  needs?: string | string[];
  environment?: { name?: string; url?: string };
  steps?: Step[];
}

interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, Job>;
}

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[]; value?: string };
  validations?: { required?: boolean };
}

interface IssueForm {
  name: string;
  description: string;
  body: FormElement[];
}

/** Reads a YAML file under .github/, failing on any YAML error (not only the first value). */
function load<T>(relative: string): { text: string; data: T } {
  const text = readFileSync(join(GITHUB, relative), 'utf8');
  const doc = parseDocument(text);
  expect(doc.errors.map((error) => error.message), `${relative} is valid YAML`).toEqual([]);
  return { text, data: doc.toJS() as T };
}

function allSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

/** Index of the first step whose `run` has a line that is exactly this command (optionally with arguments). */
function stepRunning(steps: Step[], command: string): number {
  return steps.findIndex((step) =>
    (step.run ?? '').split('\n').some((line) => {
      const trimmed = line.trim();
      return trimmed === command || trimmed.startsWith(`${command} `);
    }),
  );
}

function stepUsing(steps: Step[], action: string): Step | undefined {
  return steps.find((step) => step.uses?.split('@')[0] === action);
}

describe('.github/workflows/ci.yml', () => {
  const { text, data: ci } = load<Workflow>('workflows/ci.yml');
  const jobs = Object.values(ci.jobs);
  const steps = allSteps(ci);

  it('runs on pull requests, never with pull_request_target, and on pushes to main', () => {
    expect(Object.keys(ci.on)).toContain('pull_request');
    expect(Object.keys(ci.on)).not.toContain('pull_request_target');
    expect(text).not.toMatch(/pull_request_target/);
    expect(ci.on.push?.branches).toEqual(['main']);
  });

  it('is read-only and uses no secrets', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    // A job-level block would override the read-only top level.
    for (const job of jobs) expect(job.permissions).toBeUndefined();
    expect(text).not.toContain('secrets.');
    expect(text).not.toMatch(/secrets\s*\[/);
  });

  it('cancels superseded runs', () => {
    expect(ci.concurrency?.group).toEqual(expect.any(String));
    expect(ci.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('has one job on ubuntu-latest with a timeout', () => {
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.['runs-on']).toBe('ubuntu-latest');
    expect(jobs[0]?.['timeout-minutes']).toEqual(expect.any(Number));
  });

  it('checks out the full history and uses the Node version of .nvmrc', () => {
    expect(stepUsing(steps, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    const setupNode = stepUsing(steps, 'actions/setup-node');
    expect(setupNode?.with?.['node-version-file']).toBe('.nvmrc');
    expect(setupNode?.with?.cache).toBe('npm');
  });

  it('installs, checks, tests, builds and runs the browser tests, in that order', () => {
    const order = ['npm ci', 'npm run check', 'npm test', 'npm run build', 'npm run test:e2e'].map((command) => ({
      command,
      index: stepRunning(steps, command),
    }));
    for (const { command, index } of order) expect(index, `a step runs "${command}"`).toBeGreaterThanOrEqual(0);
    const indices = order.map(({ index }) => index);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(new Set(indices).size).toBe(indices.length);
    // The content check script may not exist yet; the step must not fail then.
    const check = steps[stepRunning(steps, 'npm run check')];
    expect(`${check?.run ?? ''} ${check?.if ?? ''}`).toMatch(/--if-present|hashFiles\(/);
  });

  it('installs Chromium from apt before the browser tests', () => {
    const install = steps.findIndex((step) => /\bapt-get install\b[^\n]*\bchromium\b/.test(step.run ?? ''));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(stepRunning(steps, 'npm run test:e2e'));
    expect(text).not.toMatch(/playwright install/);
  });
});

describe('.github/workflows/deploy.yml', () => {
  const { text, data: deploy } = load<Workflow>('workflows/deploy.yml');
  const steps = allSteps(deploy);

  it('runs only from main: on pushes to main and by hand', () => {
    expect(Object.keys(deploy.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(deploy.on.push?.branches).toEqual(['main']);
  });

  it('gives the deploy credentials to the deploy job alone, and uses no secrets', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' });
    expect(deploy.jobs.build?.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(deploy.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(text).not.toContain('secrets.');
  });

  it('pins every action by a full commit hash, with its release in a comment', () => {
    for (const workflow of [text, load<Workflow>('workflows/ci.yml').text, load<Workflow>('workflows/release.yml').text]) {
      const uses = [...workflow.matchAll(/^\s*(?:-\s*)?uses:\s*(.+)$/gm)].map((match) => match[1]!.trim());
      expect(uses.length).toBeGreaterThan(1);
      for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('never cancels a deployment in progress', () => {
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with the Pages address and the repository URL', () => {
    const pages = stepUsing(steps, 'actions/configure-pages');
    expect(pages?.id).toBe('pages');
    const build = steps[stepRunning(steps, 'npm run build')];
    expect(build?.env?.SITE_URL).toBe('${{ steps.pages.outputs.origin }}');
    expect(build?.env?.REPO_URL).toBe('${{ github.server_url }}/${{ github.repository }}');
    expect(stepRunning(steps, 'npm ci')).toBeLessThan(stepRunning(steps, 'npm run build'));
  });

  it('publishes a project site: the build and the portable edition take the path Pages serves the site under', () => {
    expect(steps.filter((step) => step.if?.includes('base_path')), 'no step that stops a project site').toEqual([]);
    const build = steps[stepRunning(steps, 'npm run build')];
    expect(build?.env?.BASE_PATH).toBe('${{ steps.pages.outputs.base_path }}');
    const portable = steps[stepRunning(steps, 'npx tsx src/cli/portable.ts')];
    expect(portable?.env?.BASE_PATH).toBe('${{ steps.pages.outputs.base_path }}');
    expect(portable?.env?.SITE_URL).toBe(build?.env?.SITE_URL);
  });

  it('uploads dist/ after the build and deploys it with deploy-pages', () => {
    const upload = stepUsing(steps, 'actions/upload-pages-artifact');
    expect(upload?.with?.path).toBe('dist');
    expect(steps.indexOf(upload as Step)).toBeGreaterThan(stepRunning(steps, 'npm run build'));

    const deployJob = Object.values(deploy.jobs).find((job) => stepUsing(job.steps ?? [], 'actions/deploy-pages'));
    expect(deployJob).toBeDefined();
    expect(deployJob?.environment?.name).toBe('github-pages');
    const deployStep = stepUsing(deployJob?.steps ?? [], 'actions/deploy-pages');
    expect(deployJob?.environment?.url).toBe(`\${{ steps.${deployStep?.id}.outputs.page_url }}`);
  });
});

describe('.github/workflows/release.yml', () => {
  const { text, data: release } = load<Workflow>('workflows/release.yml');
  const steps = allSteps(release);

  it('runs when a release is published, and only then', () => {
    expect(release.on).toEqual({ release: { types: ['published'] } });
  });

  it('lets only the upload step use the token that may write to the repository', () => {
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.jobs.portable?.permissions).toEqual({ contents: 'write', pages: 'read' });
    expect(stepUsing(steps, 'actions/checkout')?.with?.['persist-credentials']).toBe(false);
    const withToken = steps.filter((step) => JSON.stringify(step).includes('github.token'));
    expect(withToken.map((step) => step.run)).toEqual([expect.stringMatching(/^gh release upload /)]);
    expect(text).not.toContain('secrets.');
  });

  it('builds the portable edition with the same settings as the deploy, then attaches its zip to the release', () => {
    const deploySteps = allSteps(load<Workflow>('workflows/deploy.yml').data);
    const deployed = deploySteps[stepRunning(deploySteps, 'npx tsx src/cli/portable.ts')];
    const portable = steps[stepRunning(steps, 'npm run portable')];
    expect(portable?.env).toEqual(deployed?.env);
    const upload = stepRunning(steps, 'gh release upload');
    expect(steps[upload]?.run).toContain('volume-activation-guide-*.zip');
    expect(steps[upload]?.env?.TAG).toBe('${{ github.event.release.tag_name }}');
    expect(stepRunning(steps, 'npm ci')).toBeLessThan(stepRunning(steps, 'npm run portable'));
    expect(stepRunning(steps, 'npm run portable')).toBeLessThan(upload);
  });
});

describe('.github/ISSUE_TEMPLATE', () => {
  function form(file: string): IssueForm {
    const { data } = load<IssueForm>(`ISSUE_TEMPLATE/${file}`);
    // GitHub rejects a form without these, and every input needs a unique id.
    expect(data.name).toEqual(expect.any(String));
    expect(data.description).toEqual(expect.any(String));
    const ids = data.body.filter((element) => element.type !== 'markdown').map((element) => element.id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    return data;
  }

  const required = (data: IssueForm) =>
    data.body.filter((element) => element.validations?.required === true).map((element) => element.id);
  const field = (data: IssueForm, id: string) => data.body.find((element) => element.id === id);

  it('"Suggest an article" asks for the method, stance, consideration and sources', () => {
    const suggest = form('suggest-an-article.yml');
    expect(suggest.name).toBe('Suggest an article');
    expect(required(suggest)).toContain('sources');
    expect(required(suggest)).not.toContain('context');
    expect(field(suggest, 'consideration')?.type).toBe('textarea');
    expect(field(suggest, 'context')?.type).toBe('textarea');

    const method = field(suggest, 'method');
    expect(method?.type).toBe('dropdown');
    expect(method?.attributes.options?.map((option) => option.split(/\s/)[0])).toEqual(METHOD_IDS);
    const stance = field(suggest, 'stance');
    expect(stance?.type).toBe('dropdown');
    expect(stance?.attributes.options).toEqual(STANCE_IDS);
  });

  it('"Report an error in an article" requires the page URL and a source', () => {
    const report = form('report-an-error.yml');
    expect(report.name).toBe('Report an error in an article');
    expect(required(report)).toEqual(expect.arrayContaining(['page', 'source']));
    expect(field(report, 'page')?.type).toBe('input');
    expect(field(report, 'wrong')).toBeDefined();
    expect(field(report, 'right')).toBeDefined();
  });

  it('turns blank issues off', () => {
    const { data } = load<{ blank_issues_enabled?: unknown }>('ISSUE_TEMPLATE/config.yml');
    expect(data.blank_issues_enabled).toBe(false);
  });
});

describe('.github/pull_request_template.md', () => {
  const template = readFileSync(join(GITHUB, 'pull_request_template.md'), 'utf8');
  // Checklist items, each with its indented continuation lines joined on.
  const items = template
    .split(/\n(?=- \[ \])/)
    .filter((chunk) => chunk.startsWith('- [ ]'))
    .map((chunk) => chunk.split(/\n(?!\s{2,}\S)/)[0]?.replace(/\s+/g, ' ') ?? '');
  const item = (...patterns: RegExp[]) => items.find((text) => patterns.every((pattern) => pattern.test(text)));

  it('asks for primary sources with Microsoft first, written in own words', () => {
    expect(item(/primary/i, /sources?/i, /microsoft/i)).toBeDefined();
    expect(item(/own words/i)).toBeDefined();
    expect(item(/checked/i, /microsoft/i, /documentation/i)).toBeDefined();
  });

  it('asks for the local build and tests, the tree citation, the summary and the reviewed date', () => {
    expect(item(/`npm run build`/, /`npm test`/)).toBeDefined();
    expect(item(/decision tree/i, /cite/i)).toBeDefined();
    expect(item(/summary/i, /one sentence/i, /200 characters/)).toBeDefined();
    expect(item(/reviewed/, /date|day/i)).toBeDefined();
  });
});
