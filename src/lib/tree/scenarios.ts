import { readDataFile } from '../content/data-file';
import type { Problem } from '../problem';
import { parseFields } from '../schema/format-issues';
import { scenarioSchema, type Scenario } from '../schema/scenario';
import { closest } from '../suggest';
import { countPhrase, judgeCount, NO_COUNTS } from './counts';
import { evaluate, type TreeIndex } from './evaluate';
import { answerForCounts, countQuestion, countsFor, PRODUCTS, sharersOf, type Plan, type Product } from './plan';
import type { TreeNode } from './schema';

/** A scenario file read and validated, with the line of each field for problems about it. */
export interface ScenarioFile {
  file: string;
  /** The file's text, for placing a problem inside a field (rules/scenario-links.ts). */
  text: string;
  scenario?: Scenario;
  /** Line of a field, e.g. `path`, `path.2`, `outcome`. */
  lineOf: (...path: (string | number)[]) => number | undefined;
  problems: Problem[];
}

/**
 * Parse and validate one scenario file; problems name the file, line and field. Held to the standard of
 * articles and the tree (content/data-file.ts): UTF-8 only, no byte order mark, none of the characters
 * content/characters.ts refuses, no YAML tags, no text over the length of a paragraph.
 */
export function readScenarioFile(file: string, content: string | Uint8Array): ScenarioFile {
  const { text, lineOf, data, problems: read } = readDataFile(file, content, { prefix: 'scenario', maxAliases: 10, asBuild: true });
  if (read.length) return { file, text, lineOf, problems: read };
  const result = parseFields(scenarioSchema, data);
  if (result.success) return { file, text, scenario: result.data, lineOf, problems: [] };
  const problems = result.issues.map((issue) => ({
    file,
    line: lineOf(...issue.path.filter((part): part is string | number => typeof part !== 'symbol')) ?? 1,
    rule: `scenario/schema-${issue.rule}`,
    message: issue.message,
  }));
  return { file, text, lineOf, problems };
}

/** One walk of a scenario: the only one, or a product's walk in a part of a plan. */
export interface ScenarioWalk {
  /** Index of the part in the plan; 0 for a scenario of one walk. */
  part: number;
  /** The product the walk is for, in a plan; a scenario of one walk may be for either. */
  product?: Product;
  path: string[];
  outcome: string;
  /** Where the walk is in the file, e.g. `["parts", 0, "windows"]`; empty for a scenario of one walk. */
  field: (string | number)[];
}

/** The walks of a scenario, in file order. */
export function scenarioWalks(scenario: Scenario): ScenarioWalk[] {
  if (!scenario.parts) return scenario.path && scenario.outcome ? [{ part: 0, path: scenario.path, outcome: scenario.outcome, field: [] }] : [];
  return scenario.parts.flatMap((part, index) =>
    (Object.keys(PRODUCTS) as Product[]).flatMap((product) => {
      const walk = part[product];
      return walk ? [{ part: index, product, path: walk.path, outcome: walk.outcome, field: ['parts', index, product] }] : [];
    }),
  );
}

/** A scenario as a plan for /decide/: its parts, their counts and hosts, and their walks. */
export function scenarioPlan(scenario: Scenario): Plan {
  if (!scenario.parts) return { parts: [{ name: '', counts: { ...NO_COUNTS }, walks: scenario.path ? [scenario.path] : [] }] };
  const names = scenario.parts.map((part) => part.name);
  return {
    parts: scenario.parts.map((part) => {
      const uses = part.kmsHost === undefined ? -1 : names.indexOf(part.kmsHost);
      return {
        name: part.name,
        ...(uses >= 0 ? { uses } : {}),
        counts: { ...NO_COUNTS, ...part.counts },
        walks: (Object.keys(PRODUCTS) as Product[]).flatMap((product) => (part[product] ? [part[product]!.path] : [])),
      };
    }),
  };
}

/** How a field of a walk is named in messages: `path[2]`, `parts[0].office.path[2]`. */
function fieldName(field: readonly (string | number)[]): string {
  return field.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${part}`)).join('');
}

/**
 * Walk a scenario's answers through the tree: each walk must form a valid
 * path that ends at the outcome it names, and in a plan, each count question
 * on the way must be answered as the part's counts (with those of the parts
 * sharing its KMS host) decide. A change to the tree that changes real advice
 * then fails the build here, with the file and line.
 */
export function checkScenario(read: ScenarioFile, nodes: readonly TreeNode[], index: TreeIndex): Problem[] {
  const { file, scenario, lineOf } = read;
  if (!scenario) return read.problems;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const problems: Problem[] = [];
  const names = (scenario.parts ?? []).map((part) => part.name);
  scenario.parts?.forEach((part, at) => {
    if (part.kmsHost !== undefined && (!names.includes(part.kmsHost) || part.kmsHost === part.name)) {
      const guess = closest(part.kmsHost, names);
      problems.push({ file, line: lineOf('parts', at, 'kmsHost'), rule: 'scenario/unknown-host', message: `field "parts[${at}].kmsHost": "${part.kmsHost}" is not the name of another part of this scenario${guess && guess !== part.name ? ` — did you mean "${guess}"?` : ''}` });
    }
  });
  const plan = scenarioPlan(scenario);
  for (const walk of scenarioWalks(scenario)) problems.push(...checkWalk(read, walk, byId, index, plan));
  return problems;
}

function checkWalk(read: ScenarioFile, walk: ScenarioWalk, byId: ReadonlyMap<string, TreeNode>, index: TreeIndex, plan: Plan): Problem[] {
  const { file, lineOf, scenario } = read;
  const field = (...rest: (string | number)[]) => fieldName([...walk.field, ...rest]);
  const named = byId.get(walk.outcome);
  if (named?.type !== 'outcome') {
    const outcomes = [...byId.values()].filter((node) => node.type === 'outcome').map((node) => node.id);
    const guess = closest(walk.outcome, outcomes);
    return [{ file, line: lineOf(...walk.field, 'outcome'), rule: 'scenario/unknown-outcome', message: `field "${field('outcome')}": "${walk.outcome}" is not an outcome of the decision tree${guess ? ` — did you mean "${guess}"?` : ''}` }];
  }
  if (walk.product && walk.path[0] !== walk.product) {
    return [{ file, line: lineOf(...walk.field, 'path', 0), rule: 'scenario/wrong-product', message: `field "${field('path[0]')}": the ${PRODUCTS[walk.product]} walk must start with the answer "${walk.product}", not "${walk.path[0]}"` }];
  }
  // Walk answer by answer, to name the first one that no longer fits.
  for (let step = 0; step < walk.path.length; step++) {
    const walked = evaluate(index, walk.path.slice(0, step + 1));
    if (walked.error) {
      const at = evaluate(index, walk.path.slice(0, step)).node;
      const question = byId.get(at);
      const where =
        question?.type === 'question'
          ? `is not an answer to "${question.question}" (question "${at}"); its answers are ${question.answers.map((answer) => answer.id).join(', ')}`
          : `goes on past the outcome "${at}"`;
      return [{ file, line: lineOf(...walk.field, 'path', step), rule: 'scenario/invalid-path', message: `field "${field(`path[${step}]`)}": "${walk.path[step]}" ${where}` }];
    }
  }
  const end = evaluate(index, walk.path);
  if (!end.done) {
    const question = byId.get(end.node);
    return [{ file, line: lineOf(...walk.field, 'path'), rule: 'scenario/incomplete-path', message: `field "${field('path')}": the answers stop at the question "${end.node}"${question?.type === 'question' ? ` ("${question.question}")` : ''} instead of reaching an outcome` }];
  }
  if (end.node !== walk.outcome) {
    return [{ file, line: lineOf(...walk.field, 'outcome'), rule: 'scenario/wrong-outcome', message: `field "${field('outcome')}": the answers lead to "${end.node}", not to "${walk.outcome}"; if the new advice is right, update the scenario and its narrative` }];
  }
  // In a plan with counts, each count question is answered as the counts decide.
  if (!scenario?.parts?.[walk.part]?.counts) return [];
  const counts = countsFor(plan, walk.part);
  return end.steps.flatMap(({ question, answer }, step) => {
    const count = countQuestion(index, question);
    const expected = count && answerForCounts(count, counts);
    if (!count || !expected || expected === answer) return [];
    const sharers = sharersOf(plan, walk.part).map((other) => plan.parts[other]!.name);
    const verdict = judgeCount(count.kind, counts);
    return [
      {
        file,
        line: lineOf(...walk.field, 'path', step),
        rule: 'scenario/count-mismatch',
        message: `field "${field(`path[${step}]`)}": the counts give ${countPhrase(count.kind, verdict)}${sharers.length ? ` (with ${sharers.join(', ')}, which use this part's KMS host)` : ''}, which is the answer "${expected}" to question "${question}", not "${answer}"`,
      },
    ];
  });
}

/** One answer of a path, as a reader sees it: the question asked and the answer given. */
export interface PathStepView {
  question: string;
  questionText: string;
  answer: string;
  answerLabel: string;
}

/** The questions and answers of a path that the build has checked, for a scenario's page. */
export function describePath(nodes: readonly TreeNode[], index: TreeIndex, path: readonly string[]): PathStepView[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return evaluate(index, path).steps.map(({ question, answer }) => {
    const node = byId.get(question);
    const label = node?.type === 'question' ? node.answers.find((candidate) => candidate.id === answer)?.label : undefined;
    return { question, questionText: node?.type === 'question' ? node.question : question, answer, answerLabel: label ?? answer };
  });
}
