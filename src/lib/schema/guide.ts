import { z } from 'zod';
import { reviewedSchema, summarySchema, titleSchema } from './fields';
import { sourcesSchema } from './source';

/** Frontmatter of a guide: an overview, how-to, glossary or troubleshooting page. */
export const guideSchema = z.strictObject({
  title: titleSchema,
  summary: summarySchema,
  order: z.int().positive('must be 1 or more'),
  sources: sourcesSchema,
  reviewed: reviewedSchema,
});

export type Guide = z.output<typeof guideSchema>;
