import { z } from 'zod';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../taxonomy';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FACTOR_ID = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A node or answer id: lower-case words joined by hyphens. */
export const nodeIdSchema = z.string().regex(SLUG, 'must be lower-case words joined by hyphens, e.g. "few-machines"');

/**
 * Which factor articles an answer or outcome cites: a factor id
 * (`mak/limited-activations`) or a query matching every factor with the given
 * method, stance and tag (`{ method: mak, stance: pro, tag: isolated-networks }`).
 */
export const citationSchema = z.union(
  [
    z.string().regex(FACTOR_ID, 'must be a factor id such as "kms/branch-offices"'),
    z
      .strictObject({
        method: z.enum(METHOD_IDS).optional(),
        stance: z.enum(STANCE_IDS).optional(),
        tag: z.enum(TAG_IDS).optional(),
      })
      .refine((query) => Object.keys(query).length > 0, 'a tag query needs at least one of method, stance, tag'),
  ],
  { error: 'must be a factor id such as "kms/branch-offices" or a query such as { method: mak, stance: pro, tag: dns }' },
);

export const answerSchema = z.strictObject({
  id: nodeIdSchema,
  label: z.string().trim().min(1, 'must not be empty'),
  /** The id of the question or outcome this answer leads to. */
  next: nodeIdSchema,
  cites: z.array(citationSchema).default([]),
});

export const questionSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal('question'),
  question: z.string().trim().min(1, 'must not be empty'),
  /** Inline Markdown: `code` and [links](/guides/…/) only. */
  help: z.string().trim().optional(),
  answers: z.array(answerSchema).min(2, 'a question needs at least two answers'),
});

export const nextStepSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty'),
  href: z.string().regex(/^\/[^\s]*$/, 'must be a site path starting with "/", e.g. "/guides/kms/"'),
});

export const outcomeSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal('outcome'),
  title: z.string().trim().min(1, 'must not be empty'),
  /** The method or methods recommended together. */
  recommends: z.array(z.enum(METHOD_IDS)).min(1, 'recommend at least one method'),
  rationale: z.string().trim().min(1, 'must not be empty'),
  nextSteps: z.array(nextStepSchema).min(1, 'give at least one next step'),
  cites: z.array(citationSchema).min(1, 'an outcome must cite the factors that decided it'),
});

export const treeNodeSchema = z.discriminatedUnion('type', [questionSchema, outcomeSchema], {
  error: 'must have type: question or type: outcome',
});

export type Citation = z.output<typeof citationSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Question = z.output<typeof questionSchema>;
export type Outcome = z.output<typeof outcomeSchema>;
export type TreeNode = z.output<typeof treeNodeSchema>;
