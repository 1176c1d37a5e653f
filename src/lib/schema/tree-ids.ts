/** The ids of the decision tree's questions, answers and outcomes, which the tree file and the scenarios both name. */
import { z } from 'zod';
import { DECIDE_PAGE_IDS, LAYOUT_IDS } from '../template-ids';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Ids the /decide/ page gives its own elements (the layout's and its own), and the suffixes it adds to a
 * node's id for the node's headings: a node with such an id would clash with
 * them in the page (`tree-index` would hide the tree's data from its script).
 */
const PAGE_IDS = new Set<string>([...LAYOUT_IDS, ...DECIDE_PAGE_IDS]);
const NODE_SUFFIXES = /-(title|pros|cons|next|notes)$/;

/** Names every plain object has (`constructor`…): as an id they would be found in any lookup table. */
const isObjectKey = (id: string) => id in Object.prototype;

/** An answer id: lower-case words joined by hyphens, never a name every object has. */
export const answerIdSchema = z
  .string()
  .regex(SLUG, 'must be lower-case words joined by hyphens, e.g. "few-machines"')
  .refine((id) => !isObjectKey(id), { message: 'is a reserved name; choose another id', params: { rule: 'reserved-id' } });

/** A node id: as an answer id, and not an id the page uses for its own elements. */
export const nodeIdSchema = answerIdSchema.refine((id) => !PAGE_IDS.has(id) && !NODE_SUFFIXES.test(id), {
  message: `is used by the page itself; choose another id (not ${[...PAGE_IDS].join(', ')}, nor one ending in -title, -pros, -cons, -next or -notes)`,
  params: { rule: 'reserved-id' },
});
