/**
 * A plan for a whole estate: its parts (head office, a branch, a lab…), each
 * with its counts, the KMS host it would use, and one walk through the tree
 * per product (Windows, Office). Shared by the /decide/ page, which keeps a plan
 * in its URL, and the build, which checks the worked scenarios written as plans.
 */
import { judgeCount, NO_COUNTS, type CountQuestion, type Counts } from './counts';
import { formatPath, parsePath, type TreeIndex } from './evaluate';

/** The products walked apart: the answers of the tree's first question. Office has its own KMS count. */
export const PRODUCTS = { windows: 'Windows', office: 'Office' } as const;
export type Product = keyof typeof PRODUCTS;

/** The name of the product a walk is for, from its first answer. */
export function productName(walk: readonly string[]): string {
  const first = walk[0] ?? '';
  return Object.hasOwn(PRODUCTS, first) ? PRODUCTS[first as Product] : first;
}

export interface PlanPart {
  name: string;
  /** The index of the part whose KMS host this part uses; unset: its own. */
  uses?: number;
  /** The machines of this part that would ask a KMS host. */
  counts: Counts;
  /** One path of answers per product walked, each from the first question. */
  walks: string[][];
}

export interface Plan {
  parts: PlanPart[];
}

/** Limits on a plan read from a URL: a crafted link cannot make the page do unbounded work. */
const PLAN_LIMITS = { parts: 20, walks: 2, answers: 40, name: 60, count: 1_000_000 } as const;

/** The part whose KMS host part `index` uses: the one it names, if that part runs its own; otherwise itself. */
export function hostOf(plan: Plan, index: number): number {
  const uses = plan.parts[index]?.uses;
  if (uses === undefined || uses === index || !plan.parts[uses] || plan.parts[uses]!.uses !== undefined) return index;
  return uses;
}

/**
 * The counts a count question of part `index` is judged on: the part's own,
 * plus those of every part that uses this part's KMS host. A branch that uses
 * head office's host is judged on its own machines (could it run a host of its
 * own?); head office on everything its host would serve.
 */
export function countsFor(plan: Plan, index: number): Counts {
  const total = { ...(plan.parts[index]?.counts ?? NO_COUNTS) };
  plan.parts.forEach((part, other) => {
    if (other === index || hostOf(plan, other) !== index) return;
    total.clients += part.counts.clients;
    total.servers += part.counts.servers;
    total.office += part.counts.office;
  });
  return total;
}

/** The parts, other than `index`, whose machines feed part `index`'s KMS host. */
export function sharersOf(plan: Plan, index: number): number[] {
  return plan.parts.flatMap((_, other) => (other !== index && hostOf(plan, other) === index ? [other] : []));
}

/** The answer whose band fits the counts, or undefined if none does (the tree's rule makes that impossible). */
export function answerForCounts(question: CountQuestion, counts: Counts): string | undefined {
  const { band } = judgeCount(question.kind, counts);
  return Object.keys(question.answers).find((answer) => question.answers[answer]!.includes(band));
}

/** The count questions of an index, if any. */
export function countQuestion(index: TreeIndex, question: string): CountQuestion | undefined {
  return index.counts && Object.hasOwn(index.counts, question) ? index.counts[question] : undefined;
}

// ------------------------------------------------------------------ the plan in a URL
//
// `?plan=Head office~~18.0.0~windows/own-hardware/…;Branch~0~4.0.0~windows/…`:
// parts separated by ";", and in each part the name, the index of the part whose
// host it uses (empty: its own), the counts as clients.servers.office, then one
// path per product walked.

const SEPARATORS = /[~;]/g;

/** A plan as the `plan` parameter of /decide/. */
export function encodePlan(plan: Plan): string {
  return plan.parts
    .map((part) =>
      [part.name.replace(SEPARATORS, ' '), part.uses ?? '', `${part.counts.clients}.${part.counts.servers}.${part.counts.office}`, ...part.walks.map(formatPath)].join('~'),
    )
    .join(';');
}

const wholeNumber = (text: string | undefined) => {
  const value = Number(text);
  return /^\d{1,7}$/.test(text ?? '') && value <= PLAN_LIMITS.count ? value : 0;
};

/**
 * Read the `plan` parameter. Never throws: a crafted or damaged value gives the
 * parts that can be read, within PLAN_LIMITS, or undefined when none can.
 */
export function decodePlan(text: string | null | undefined): Plan | undefined {
  if (!text) return undefined;
  const parts = text
    .split(';', PLAN_LIMITS.parts)
    .map((field): PlanPart => {
      const [name = '', uses = '', counts = '', ...walks] = field.split('~', 3 + PLAN_LIMITS.walks);
      const [clients, servers, office] = counts.split('.', 3);
      return {
        name: name.trim().slice(0, PLAN_LIMITS.name),
        ...(/^\d{1,2}$/.test(uses) ? { uses: Number(uses) } : {}),
        counts: { clients: wholeNumber(clients), servers: wholeNumber(servers), office: wholeNumber(office) },
        walks: walks.map((walk) => parsePath(walk).slice(0, PLAN_LIMITS.answers)).filter((walk) => walk.length > 0),
      };
    });
  // A part can only use the host of a part that exists.
  for (const part of parts) if (part.uses !== undefined && (part.uses >= parts.length || part.uses < 0)) delete part.uses;
  return parts.length ? { parts } : undefined;
}

/** Which walk of which part the reader is answering. */
export interface PlanPosition {
  part: number;
  walk: number;
}

/** Whether a plan is one unnamed walk with no counts: its URL is then the plain `?path=` of that walk. */
function isSingleWalk(plan: Plan): boolean {
  const [part, ...others] = plan.parts;
  return !!part && others.length === 0 && part.walks.length <= 1 && !part.name && part.counts.clients + part.counts.servers + part.counts.office === 0;
}

/** The query and fragment of /decide/ for a plan, at a position, showing `node`: `?path=…#node` for a single walk. */
export function planQuery(plan: Plan, at: PlanPosition, node: string): string {
  if (isSingleWalk(plan)) {
    const walk = plan.parts[0]?.walks[0] ?? [];
    return walk.length ? `?path=${formatPath(walk)}#${node}` : `#${node}`;
  }
  return `?plan=${encodeURIComponent(encodePlan(plan))}&at=${at.part}.${at.walk}#${node}`;
}

/** Read the `at` parameter against a plan: a position that exists, or the first walk. */
export function decodePosition(plan: Plan, text: string | null | undefined): PlanPosition {
  const [part = 0, walk = 0] = (text ?? '').split('.', 2).map((value) => (/^\d{1,2}$/.test(value) ? Number(value) : 0));
  return plan.parts[part] && (walk === 0 || plan.parts[part]!.walks[walk]) ? { part, walk } : { part: 0, walk: 0 };
}
