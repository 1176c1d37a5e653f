import type { FactorSummary } from '../factors';
import { factorUrl, withBase } from '../routes';
import { decideUrl } from './evaluate';
import type { LinkedTree } from './link';
import { THRESHOLDS } from './counts';
import { PRODUCTS } from './plan';

/** Version of the shape of /decision-tree.json; raised on any breaking change. */
export const TREE_JSON_VERSION = 3;

/**
 * The linked tree as published at /decision-tree.json, for other tools:
 * questions with their answers, outcomes with the pros and cons that decide
 * them, and the cited factors. Documented in README.md ("decision-tree.json").
 */
export function publishTree(tree: LinkedTree, factors: readonly FactorSummary[], site: string) {
  const absolute = (path: string) => new URL(path, site).href;
  const cited = new Set(Object.keys(tree.decidesAt));
  return {
    version: TREE_JSON_VERSION,
    start: tree.start,
    // Each product is walked on its own, from the first question: its answers name the products.
    products: Object.entries(PRODUCTS).map(([id, name]) => ({ id, name })),
    thresholds: THRESHOLDS,
    questions: tree.nodes.flatMap((node) =>
      node.type === 'question'
        ? [
            {
              id: node.id,
              question: node.question,
              help: node.help ?? null,
              count: node.count ?? null,
              url: absolute(withBase(decideUrl(node.path, node.id))),
              answers: node.answers.map((answer) => ({
                id: answer.id,
                label: answer.label,
                next: answer.next,
                band: answer.band ?? null,
                factors: answer.factors,
                notes: answer.notes.map((note) => ({ text: note.text, for: note.for ?? null })),
                nextSteps: answer.nextSteps.map((step) => ({ label: step.label, url: absolute(withBase(step.href)), for: step.for ?? null })),
              })),
            },
          ]
        : [],
    ),
    outcomes: tree.nodes.flatMap((node) =>
      node.type === 'outcome'
        ? [
            {
              id: node.id,
              title: node.title,
              recommends: node.recommends,
              rationale: node.rationale,
              pros: node.pros,
              cons: node.cons,
              nextSteps: node.nextSteps.map((step) => ({ label: step.label, url: absolute(withBase(step.href)) })),
              url: absolute(withBase(decideUrl(node.path, node.id))),
            },
          ]
        : [],
    ),
    factors: Object.fromEntries(
      factors
        .filter((factor) => cited.has(factor.id))
        .map((factor) => [
          factor.id,
          {
            title: factor.data.title,
            summary: factor.data.summary,
            method: factor.data.method,
            stance: factor.data.stance,
            tags: factor.data.tags,
            url: absolute(factorUrl(factor.id)),
            decides: tree.decidesAt[factor.id]!.map(({ node, answer }) => (answer ? { question: node, answer } : { outcome: node })),
          },
        ]),
    ),
  };
}
