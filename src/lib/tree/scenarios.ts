import { isNode, LineCounter, parseDocument } from 'yaml';
import { SCENARIOS } from '../collections';
import { bomProblem, characterProblems, decodeUtf8 } from '../content/characters';
import { parseYamlAsBuild } from '../content/frontmatter';
import { yamlDataProblems } from '../content/yaml-data';
import type { Problem } from '../problem';
import { formatIssues } from '../schema/format-issues';
import { scenarioSchema, type Scenario } from '../schema/scenario';
import { closest } from '../suggest';
import { evaluate, type TreeIndex } from './evaluate';
import type { TreeNode } from './schema';

/** Where the scenarios live, relative to the content folder: one YAML file each. */
export const SCENARIOS_DIR = SCENARIOS.folder;

/** A scenario file read and validated, with the line of each field for problems about it. */
export interface ScenarioFile {
  file: string;
  scenario?: Scenario;
  /** Line of a field, e.g. `path`, `path.2`, `outcome`. */
  lineOf: (...path: (string | number)[]) => number | undefined;
  problems: Problem[];
}

/**
 * Parse and validate one scenario file; problems name the file, line and field. Held to the standard of
 * articles and the tree: UTF-8 only, no byte order mark, none of the characters content/characters.ts refuses, no YAML tags,
 * no text over the length of a paragraph.
 */
export function readScenarioFile(file: string, content: string | Uint8Array): ScenarioFile {
  const decoded = decodeUtf8(file, content, 'scenario');
  const text = decoded.text ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (...path: (string | number)[]) => {
    const node = doc.getIn(path, true);
    return isNode(node) && node.range ? lineAt(node.range[0]) : undefined;
  };
  if (decoded.problem) return { file, lineOf, problems: [decoded.problem] };
  const bom = bomProblem(file, text, 'scenario', 'its first line');
  if (bom) return { file, lineOf, problems: [bom] };
  const characters = characterProblems(file, text, 'scenario');
  if (characters.length) return { file, lineOf, problems: characters };
  if (doc.errors.length) {
    return { file, lineOf, problems: doc.errors.map((error) => ({ file, line: lineAt(error.pos[0]), rule: 'scenario/yaml', message: `not valid YAML: ${error.message.split('\n')[0]}` })) };
  }
  let data: unknown;
  try {
    doc.toJS({ maxAliasCount: 10 });
    const dataProblems = yamlDataProblems(file, doc, lineCounter, 'scenario');
    if (dataProblems.length) return { file, lineOf, problems: dataProblems };
    // The data as the build will read it (js-yaml): tags and dates it reads differently are caught here, not at build.
    data = parseYamlAsBuild(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const message = error instanceof Error ? ((error as { reason?: string }).reason ?? error.message).split('\n')[0] : String(error);
    return { file, lineOf, problems: [{ file, line: mark ? mark.line + 1 : 1, rule: 'scenario/yaml', message: `not valid YAML: ${message}` }] };
  }
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { file, scenario: result.data, lineOf, problems: [] };
  const problems = formatIssues(scenarioSchema, result.error, data).map((issue) => ({
    file,
    line: lineOf(...issue.path.filter((part): part is string | number => typeof part !== 'symbol')) ?? 1,
    rule: `scenario/schema-${issue.rule}`,
    message: issue.message,
  }));
  return { file, lineOf, problems };
}

/**
 * Walk a scenario's answers through the tree: they must form a valid path that
 * ends at the outcome the scenario names. A change to the tree that changes
 * real advice then fails the build here, with the file and line.
 */
export function checkScenario(read: ScenarioFile, nodes: readonly TreeNode[], index: TreeIndex): Problem[] {
  const { file, scenario, lineOf } = read;
  if (!scenario) return read.problems;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const named = byId.get(scenario.outcome);
  if (named?.type !== 'outcome') {
    const outcomes = nodes.filter((node) => node.type === 'outcome').map((node) => node.id);
    const guess = closest(scenario.outcome, outcomes);
    return [{ file, line: lineOf('outcome'), rule: 'scenario/unknown-outcome', message: `field "outcome": "${scenario.outcome}" is not an outcome of the decision tree${guess ? ` — did you mean "${guess}"?` : ''}` }];
  }
  // Walk answer by answer, to name the first one that no longer fits.
  for (let step = 0; step < scenario.path.length; step++) {
    const walked = evaluate(index, scenario.path.slice(0, step + 1));
    if (walked.error) {
      const at = evaluate(index, scenario.path.slice(0, step)).node;
      const question = byId.get(at);
      const where =
        question?.type === 'question'
          ? `is not an answer to "${question.question}" (question "${at}"); its answers are ${question.answers.map((answer) => answer.id).join(', ')}`
          : `goes on past the outcome "${at}"`;
      return [{ file, line: lineOf('path', step), rule: 'scenario/invalid-path', message: `field "path[${step}]": "${scenario.path[step]}" ${where}` }];
    }
  }
  const end = evaluate(index, scenario.path);
  if (!end.done) {
    const question = byId.get(end.node);
    return [{ file, line: lineOf('path'), rule: 'scenario/incomplete-path', message: `field "path": the answers stop at the question "${end.node}"${question?.type === 'question' ? ` ("${question.question}")` : ''} instead of reaching an outcome` }];
  }
  if (end.node !== scenario.outcome) {
    return [{ file, line: lineOf('outcome'), rule: 'scenario/wrong-outcome', message: `field "outcome": the answers lead to "${end.node}", not to "${scenario.outcome}"; if the new advice is right, update the scenario and its narrative` }];
  }
  return [];
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
