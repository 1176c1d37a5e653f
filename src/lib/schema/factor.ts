import { z } from 'zod';
import { METHOD_IDS, STANCE_IDS, TAG_IDS } from '../taxonomy';
import { reviewedSchema, summarySchema, titleSchema } from './fields';
import { sourceSchema, sourcesSchema } from './source';

// Each field's `.describe()` text is its meaning in CONTRIBUTING.md's field table (`npm run docs`).

/** What the classic 2008 comparison claimed, what is true now, and the source for it. */
export const correctionSchema = z.strictObject({
  claim: z.string().trim().min(1, 'must say what the classic comparison claimed').describe('What the classic comparison said.'),
  now: z.string().trim().min(1, 'must say what is true today').describe('What is true today.'),
  source: sourceSchema.describe('The Microsoft page that says what is true today.'),
});

/** Frontmatter of a factor article: one pro or con of one activation method. */
export const factorSchema = z.strictObject({
  title: titleSchema.describe('The claim in a few words; the page heading and the text of every link to the article.'),
  summary: summarySchema.describe(
    'One sentence ending with a full stop, shown on cards, in search results and to search engines.',
  ),
  method: z.enum(METHOD_IDS).describe('The activation method this is a pro or con of; must match the folder `content/factors/<method>/`.'),
  stance: z
    .enum(STANCE_IDS)
    .describe(
      '`pro` for an advantage of the method, `con` for a drawback, `myth` for a claim of the classic 2008 comparison that turned out wrong (needs `correction`; never counted as a pro or con).',
    ),
  tags: z
    .array(z.enum(TAG_IDS))
    .min(1, 'at least one tag is required')
    .superRefine(
      (tags, context) => {
        for (const tag of new Set(tags.filter((tag, index) => tags.indexOf(tag) !== index))) {
          context.addIssue({ code: 'custom', message: `must list each tag once; "${tag}" is listed twice` });
        }
      },
      // A repeat is worth saying even when another tag is unknown: every problem at once.
      { when: (payload) => Array.isArray(payload.value) },
    )
    .describe('The topics it belongs to, each listed once; the article is listed on each tag page `/tags/<tag>/`.'),
  appliesTo: z
    .array(z.string().trim().min(1, 'must not be empty'))
    .min(1, 'name at least one product or version')
    .describe('The products and versions the statement holds for, e.g. "Windows 10 and 11".'),
  sources: sourcesSchema.describe(
    'The pages the facts come from, each with its title as published and its address; the first must be Microsoft documentation (a microsoft.com address).',
  ),
  reviewed: reviewedSchema.describe('The day you last checked the facts against the sources; not in the future.'),
  correction: correctionSchema
    .optional()
    .describe('Only where the classic 2008 comparison said something no longer true: what it claimed, what is true now, and the source.'),
  /** Answers of the decision tree this factor bears on, as `question-id/answer-id`. */
  decides: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must name an answer as question-id/answer-id')
        .meta({ examples: ['machine-count/below-threshold'] }),
    )
    .optional()
    .describe(
      'Answers of the decision tree this article bears on, as `question-id/answer-id`; needed when no answer or outcome in `content/decision-tree.yaml` cites the article.',
    ),
}).superRefine((factor, context) => {
  if (factor.stance === 'myth' && !factor.correction) {
    context.addIssue({
      code: 'custom',
      path: ['correction'],
      params: { rule: 'myth-needs-correction' },
      message: 'is required when stance is "myth": say what the classic comparison claimed, what is true now, and the source',
    });
  }
});

export type FactorInput = z.input<typeof factorSchema>;
export type Factor = z.output<typeof factorSchema>;
export type Correction = z.output<typeof correctionSchema>;
