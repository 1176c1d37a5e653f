import type { Problem } from '../checks/problem';
import { closest } from '../suggest';
import type { Method, Stance, Tag } from '../taxonomy';
import type { Answer, Citation, Outcome, Question, TreeNode } from './schema';
import { pathAdditions, type PathAddition } from './conditional';
import type { TreeIndex } from './evaluate';

/** What the tree needs to know of a factor article. */
export interface FactorRef {
  id: string;
  /** The article's file, for problems about it. */
  file: string;
  title: string;
  summary: string;
  method: Method;
  stance: Stance;
  tags: readonly Tag[];
  /** Answers the article says it bears on, as `question-id/answer-id`. */
  decides?: readonly string[];
}

export interface LinkedAnswer extends Pick<Answer, 'notes' | 'nextSteps'> {
  id: string;
  label: string;
  next: string;
  /** Factor ids this answer cites, directly, by query, or through a factor's `decides`. */
  factors: string[];
}

export interface LinkedQuestion extends Omit<Question, 'answers'> {
  answers: LinkedAnswer[];
  /** Shortest list of answers that reaches this question from the start. */
  path: string[];
}

export interface LinkedOutcome extends Omit<Outcome, 'cites'> {
  pros: string[];
  cons: string[];
  path: string[];
  /** Notes and next steps that the answers on the way add, for the paths that lead here. */
  additions: PathAddition[];
}

export type LinkedNode = LinkedQuestion | LinkedOutcome;

/** One place in the tree where a factor decides: an answer of a question, or an outcome. */
export interface Placement {
  node: string;
  answer?: string;
  /** Answers that reach `node` from the start. */
  path: string[];
}

export interface LinkedTree {
  start: string;
  nodes: LinkedNode[];
  /** factor id → the places in the tree that cite it. */
  decidesAt: Record<string, Placement[]>;
}

function describeQuery(query: Exclude<Citation, string>): string {
  return `{ ${Object.entries(query)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;
}

/**
 * The factor ids a citation stands for; an empty list means it matches nothing.
 * `ids`, the set of factor ids, saves a scan of every factor per cited id.
 * A query never matches a corrected classic claim (`stance: myth`): those are
 * not pros or cons and decide nothing.
 */
export function resolveCitation(citation: Citation, factors: readonly FactorRef[], ids?: ReadonlySet<string>): string[] {
  if (typeof citation === 'string') return (ids ? ids.has(citation) : factors.some((factor) => factor.id === citation)) ? [citation] : [];
  return factors
    .filter(
      (factor) =>
        factor.stance !== 'myth' &&
        (!citation.method || factor.method === citation.method) &&
        (!citation.stance || factor.stance === citation.stance) &&
        (!citation.tag || factor.tags.includes(citation.tag)),
    )
    .map((factor) => factor.id);
}

/** The compact walkable shape of the tree, for `evaluate`. */
export function indexTree(nodes: readonly TreeNode[]): TreeIndex {
  const next: TreeIndex['next'] = {};
  for (const node of nodes) {
    if (node.type === 'question') next[node.id] = Object.fromEntries(node.answers.map((answer) => [answer.id, answer.next]));
  }
  return { start: nodes[0]?.id ?? '', next };
}

/**
 * Validate the tree against the factor articles and link both ways: answers and
 * outcomes to the factors they cite, factors to the places where they decide.
 * Every problem is returned at once, each with the file and the node id.
 */
export function linkTree(
  nodes: readonly TreeNode[],
  factors: readonly FactorRef[],
  treeFile: string,
  lines: ReadonlyMap<TreeNode, number> = new Map(),
  /** Factor ids whose articles failed their own checks: citing them is not a tree problem. */
  unchecked: ReadonlySet<string> = new Set(),
): { tree: LinkedTree; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, TreeNode>();
  const report = (node: string | TreeNode, rule: string, message: string, hint?: string) => {
    const at = typeof node === 'string' ? byId.get(node) : node;
    const id = typeof node === 'string' ? node : node.id;
    problems.push({ file: treeFile, line: at && lines.get(at), rule: `tree/${rule}`, message: `node "${id}": ${message}`, ...(hint ? { hint } : {}) });
  };
  for (const node of nodes) {
    if (byId.has(node.id)) report(node, 'duplicate-id', 'this id is used by more than one node');
    else byId.set(node.id, node);
  }
  const factorIds = factors.map((factor) => factor.id);
  const factorIdSet = new Set(factorIds);
  const factorById = new Map(factors.map((factor) => [factor.id, factor]));
  const start = nodes[0];
  if (!start) {
    problems.push({ file: treeFile, rule: 'tree/empty', message: 'the tree has no nodes' });
    return { tree: { start: '', nodes: [], decidesAt: {} }, problems };
  }
  if (start.type !== 'question') report(start.id, 'start-not-question', 'the first node is where the tree starts and must be a question');

  const resolve = (node: string, where: string, citations: readonly Citation[]): string[] =>
    citations.flatMap((citation) => {
      const matched = resolveCitation(citation, factors, factorIdSet);
      if (matched.length === 0 && typeof citation === 'string' && unchecked.has(citation)) return [];
      if (matched.length === 0) {
        if (typeof citation === 'string') {
          const guess = closest(citation, factorIds);
          report(node, 'unknown-factor', `${where} cites "${citation}", which is not a factor article${guess ? ` — did you mean "${guess}"?` : ''}`, `factor ids are content/factors/<method>/<slug>.mdx without .mdx`);
        } else {
          report(node, 'empty-query', `${where} cites ${describeQuery(citation)}, which matches no factor article`);
        }
      }
      for (const id of matched) {
        if (factorById.get(id)?.stance === 'myth') {
          report(node, 'cites-myth', `${where} cites "${id}", a corrected classic claim, which is neither a pro nor a con`, 'cite the article where the current facts are');
        }
      }
      return matched;
    });

  // Answers that factors claim through `decides`.
  const declared = new Map<string, string[]>();
  for (const factor of factors) {
    for (const ref of factor.decides ?? []) {
      const [question = '', answer = ''] = ref.split('/');
      const node = byId.get(question);
      if (node?.type !== 'question' || !node.answers.some((candidate) => candidate.id === answer)) {
        problems.push({ file: factor.file, rule: 'tree/unknown-decides', message: `field "decides": "${ref}" is not an answer in ${treeFile}`, hint: 'write question-id/answer-id' });
        continue;
      }
      // Appended in place: copying the list for every factor is quadratic when many factors claim one answer.
      const claimed = declared.get(ref);
      if (claimed) claimed.push(factor.id);
      else declared.set(ref, [factor.id]);
    }
  }

  // Structure: answers lead somewhere, ids unique per question.
  for (const node of byId.values()) {
    if (node.type !== 'question') continue;
    const seen = new Set<string>();
    for (const answer of node.answers) {
      if (seen.has(answer.id)) report(node.id, 'duplicate-id', `answer id "${answer.id}" appears twice in this question`);
      seen.add(answer.id);
      if (!byId.has(answer.next)) {
        const guess = closest(answer.next, [...byId.keys()]);
        report(node.id, 'dangling-next', `answer "${answer.id}" leads to "${answer.next}", which is not a node${guess ? ` — did you mean "${guess}"?` : ''}`);
      }
    }
  }

  // Reachability (breadth first gives each node its shortest path) and cycles (depth first).
  const paths = new Map<string, string[]>([[start.id, []]]);
  const queue = [start.id];
  while (queue.length) {
    const id = queue.shift()!;
    const node = byId.get(id);
    if (node?.type !== 'question') continue;
    for (const answer of node.answers) {
      if (byId.has(answer.next) && !paths.has(answer.next)) {
        paths.set(answer.next, [...paths.get(id)!, answer.id]);
        queue.push(answer.next);
      }
    }
  }
  for (const node of byId.values()) {
    if (!paths.has(node.id)) report(node.id, 'unreachable', 'no answer leads here from the first question');
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const loop = [...trail.slice(trail.indexOf(id)), id];
      report(id, 'cycle', `the answers loop back: ${loop.join(' → ')}`);
      return;
    }
    state.set(id, 'open');
    const node = byId.get(id);
    if (node?.type === 'question') for (const answer of node.answers) if (byId.has(answer.next)) visit(answer.next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id, []);

  // Citations, both ways.
  const decidesAt: Record<string, Placement[]> = {};
  const place = (factor: string, placement: Placement) => {
    const list = (decidesAt[factor] ??= []);
    if (!list.some((existing) => existing.node === placement.node && existing.answer === placement.answer)) list.push(placement);
  };
  const additions = pathAdditions([...byId.values()]);
  const linked: LinkedNode[] = [...byId.values()].map((node) => {
    const path = paths.get(node.id) ?? [];
    if (node.type === 'question') {
      const answers = node.answers.map((answer) => {
        const cited = [...resolve(node.id, `answer "${answer.id}"`, answer.cites), ...(declared.get(`${node.id}/${answer.id}`) ?? [])];
        const unique = [...new Set(cited)];
        for (const factor of unique) place(factor, { node: node.id, answer: answer.id, path });
        return { id: answer.id, label: answer.label, next: answer.next, factors: unique, notes: answer.notes, nextSteps: answer.nextSteps };
      });
      return { ...node, answers, path };
    }
    const { cites, ...rest } = node;
    const cited = [...new Set(resolve(node.id, 'the outcome', cites))];
    for (const factor of cited) place(factor, { node: node.id, path });
    const stanceOf = (stance: Stance) => cited.filter((id) => factorById.get(id)?.stance === stance);
    const recommended = (id: string) => node.recommends.includes(factorById.get(id)!.method);
    const pros = stanceOf('pro');
    const cons = stanceOf('con');
    const methods = node.recommends.join(' + ');
    // An outcome citing an article that failed its own checks is judged once that article is fixed.
    // An outcome that recommends nothing (nothing to volume-activate) has no pros and cons to weigh.
    const waiting = node.recommends.length === 0 || cites.some((citation) => typeof citation === 'string' && unchecked.has(citation));
    if (!waiting && !pros.some(recommended)) report(node.id, 'outcome-needs-pro', `the outcome recommends ${methods} but cites no pro of ${node.recommends.length > 1 ? 'them' : 'it'}`);
    if (!waiting && !cons.some(recommended)) report(node.id, 'outcome-needs-con', `the outcome recommends ${methods} but cites no con of ${node.recommends.length > 1 ? 'them' : 'it'} that the reader accepts`);
    return { ...rest, pros, cons, path, additions: additions.get(node.id) ?? [] };
  });

  for (const factor of factors) {
    // A corrected classic claim decides nothing; it is listed under "Classic claims, corrected" instead.
    if (factor.stance !== 'myth' && !decidesAt[factor.id]) {
      problems.push({
        file: factor.file,
        rule: 'tree/orphan-factor',
        message: `factor "${factor.id}" is not cited by any answer or outcome in ${treeFile}`,
        hint: `cite it from the tree, or add decides: [question-id/answer-id] to its frontmatter`,
      });
    }
  }
  return { tree: { start: start.id, nodes: linked, decidesAt }, problems };
}
