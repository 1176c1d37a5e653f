import { z } from 'zod';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../taxonomy';
import { reviewedSchema, summarySchema, titleSchema } from './fields';
import { sourceSchema, sourcesSchema } from './source';

/** What the classic 2008 comparison claimed, what is true now, and the source for it. */
export const correctionSchema = z.strictObject({
  claim: z.string().trim().min(1, 'must say what the classic comparison claimed'),
  now: z.string().trim().min(1, 'must say what is true today'),
  source: sourceSchema,
});

/** Frontmatter of a factor article: one pro or con of one activation method. */
export const factorSchema = z.strictObject({
  title: titleSchema,
  summary: summarySchema,
  method: z.enum(METHOD_IDS),
  stance: z.enum(STANCE_IDS),
  tags: z
    .array(z.enum(TAG_IDS))
    .min(1, 'at least one tag is required')
    .refine((tags) => new Set(tags).size === tags.length, 'must not list a tag twice'),
  appliesTo: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'name at least one product or version'),
  sources: sourcesSchema,
  reviewed: reviewedSchema,
  correction: correctionSchema.optional(),
  /** Answers of the decision tree this factor bears on, as `question-id/answer-id`. */
  decides: z
    .array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must name an answer as question-id/answer-id'))
    .optional(),
});

export type FactorInput = z.input<typeof factorSchema>;
export type Factor = z.output<typeof factorSchema>;
export type Correction = z.output<typeof correctionSchema>;
