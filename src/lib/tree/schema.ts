import { z } from 'zod';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../taxonomy';
import { answerIdSchema, nodeIdSchema } from '../schema/tree-ids';
import { COUNT_BANDS, COUNT_KINDS } from './counts';
import { SITE_PATH, inlineLinks, isAllowedTarget } from './inline';

const FACTOR_ID = /^[a-z0-9]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A link to a page of this site ({@link SITE_PATH}). */
const sitePathSchema = z.string().regex(SITE_PATH, 'must be a site path starting with a single "/" and without "\\", e.g. "/guides/kms/"');

/** Inline Markdown whose links, as the Markdown parser reads them (tree/inline.ts), all stay on the site (or are https). */
const inlineMarkdownSchema = z
  .string()
  .trim()
  .refine((text) => inlineLinks(text).every((link) => isAllowedTarget(link.url)), {
    message: 'has a link that is neither a site path starting with a single "/" nor an https address',
    params: { rule: 'invalid-link' },
  });

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

/** Which recommended methods a path note or step is about; without it, it applies to every outcome the answer leads to. */
const forMethodsSchema = z.array(z.enum(METHOD_IDS)).min(1, 'name at least one method, or leave "for" out');

/** A note an answer adds to the outcomes it leads to, e.g. what changes when Office is in scope. */
export const pathNoteSchema = z.strictObject({
  /** Inline Markdown: `code` and [links](/guides/…/) only. */
  text: inlineMarkdownSchema.pipe(z.string().min(1, 'must not be empty')),
  for: forMethodsSchema.optional(),
});

export const nextStepSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty'),
  href: sitePathSchema,
});

/** A next step an answer adds to the outcomes it leads to. */
export const pathStepSchema = nextStepSchema.extend({ for: forMethodsSchema.optional() });

export const answerSchema = z.strictObject({
  id: answerIdSchema,
  label: z.string().trim().min(1, 'must not be empty'),
  /** The id of the question or outcome this answer leads to. */
  next: nodeIdSchema,
  cites: z.array(citationSchema).default([]),
  /** Notes shown on the outcome when the reader gave this answer on the way. */
  notes: z.array(pathNoteSchema).default([]),
  /** Next steps added to the outcome when the reader gave this answer on the way. */
  nextSteps: z.array(pathStepSchema).default([]),
  /** On a count question: the counts this answer stands for (see `tree/counts.ts`), so typed numbers choose it. */
  band: z.array(z.enum(COUNT_BANDS)).min(1, 'name at least one band, or leave "band" out').optional(),
});

export const questionSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal('question'),
  question: z.string().trim().min(1, 'must not be empty'),
  /** Inline Markdown: `code` and [links](/guides/…/) only. */
  help: inlineMarkdownSchema.optional(),
  /** A count question: where JavaScript runs, the reader types numbers and the answer whose `band` fits is chosen. */
  count: z.enum(COUNT_KINDS).optional(),
  answers: z.array(answerSchema).min(2, 'a question needs at least two answers'),
});

export const outcomeSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal('outcome'),
  title: z.string().trim().min(1, 'must not be empty'),
  /** The method or methods recommended together; empty where there is nothing to volume-activate. */
  recommends: z.array(z.enum(METHOD_IDS)),
  rationale: z.string().trim().min(1, 'must not be empty'),
  nextSteps: z.array(nextStepSchema).min(1, 'give at least one next step'),
  cites: z.array(citationSchema).default([]),
}).superRefine((outcome, context) => {
  if (outcome.recommends.length > 0 && outcome.cites.length === 0) {
    context.addIssue({ code: 'custom', path: ['cites'], message: 'an outcome that recommends a method must cite the factors that decided it', params: { rule: 'too-short' } });
  }
});

export const treeNodeSchema = z.discriminatedUnion('type', [questionSchema, outcomeSchema], {
  error: 'must have type: question or type: outcome',
});

export type Citation = z.output<typeof citationSchema>;
export type Answer = z.output<typeof answerSchema>;
export type PathNote = z.output<typeof pathNoteSchema>;
export type PathStep = z.output<typeof pathStepSchema>;
export type Question = z.output<typeof questionSchema>;
export type Outcome = z.output<typeof outcomeSchema>;
export type TreeNode = z.output<typeof treeNodeSchema>;
