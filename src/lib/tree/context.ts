import type { Problem } from '../problem';
import type { Method, Stance, Tag } from '../taxonomy';
import type { Citation, TreeNode } from './schema';

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

/**
 * Everything the tree rules and the linker read, worked out once: the nodes
 * by id, the shortest path to each, the answers factors claim through
 * `decides`. Each rule in `tree/rules/` is a function of this.
 */
export interface TreeContext {
  /** The tree file, as problems name it. */
  file: string;
  nodes: readonly TreeNode[];
  lines: ReadonlyMap<TreeNode, number>;
  /** The first node with each id. */
  byId: ReadonlyMap<string, TreeNode>;
  factors: readonly FactorRef[];
  factorById: ReadonlyMap<string, FactorRef>;
  /** Factor ids whose articles failed their own checks: citing them is not a tree problem. */
  unchecked: ReadonlySet<string>;
  /** Answers that reach each reachable node from the start (breadth first: the shortest). */
  paths: ReadonlyMap<string, string[]>;
  /** `question-id/answer-id` → factor ids that claim it through `decides`. */
  declared: ReadonlyMap<string, string[]>;
}

/** A problem about a node of the tree, at the node's line. */
export function nodeProblem(context: TreeContext, node: string | TreeNode, rule: string, message: string, hint?: string): Problem {
  const at = typeof node === 'string' ? context.byId.get(node) : node;
  const id = typeof node === 'string' ? node : node.id;
  return { file: context.file, line: at && context.lines.get(at), rule: `tree/${rule}`, message: `node "${id}": ${message}`, ...(hint ? { hint } : {}) };
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

export function treeContext(
  nodes: readonly TreeNode[],
  factors: readonly FactorRef[],
  file: string,
  lines: ReadonlyMap<TreeNode, number> = new Map(),
  unchecked: ReadonlySet<string> = new Set(),
): TreeContext {
  const byId = new Map<string, TreeNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return { file, nodes, lines, byId, factors, factorById: new Map(factors.map((factor) => [factor.id, factor])), unchecked, paths: shortestPaths(nodes[0], byId), declared: declaredAnswers(factors, byId) };
}

function shortestPaths(start: TreeNode | undefined, byId: ReadonlyMap<string, TreeNode>): Map<string, string[]> {
  if (!start) return new Map();
  const paths = new Map<string, string[]>([[start.id, []]]);
  const queue = [start.id];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const node = byId.get(id);
    if (node?.type !== 'question') continue;
    for (const answer of node.answers) {
      if (byId.has(answer.next) && !paths.has(answer.next)) {
        paths.set(answer.next, [...paths.get(id)!, answer.id]);
        queue.push(answer.next);
      }
    }
  }
  return paths;
}

/** Whether `ref` (`question-id/answer-id`) names an answer of the tree. */
export function isAnswerRef(ref: string, byId: ReadonlyMap<string, TreeNode>): boolean {
  const [question = '', answer = ''] = ref.split('/');
  const node = byId.get(question);
  return node?.type === 'question' && node.answers.some((candidate) => candidate.id === answer);
}

function declaredAnswers(factors: readonly FactorRef[], byId: ReadonlyMap<string, TreeNode>): Map<string, string[]> {
  const declared = new Map<string, string[]>();
  for (const factor of factors) {
    for (const ref of factor.decides ?? []) {
      if (!isAnswerRef(ref, byId)) continue;
      // Appended in place: copying the list for every factor is quadratic when many factors claim one answer.
      const claimed = declared.get(ref);
      if (claimed) claimed.push(factor.id);
      else declared.set(ref, [factor.id]);
    }
  }
  return declared;
}
