import { z } from 'zod';

/** Longest summary we accept: it has to fit a card, a search result and a meta description. */
export const SUMMARY_MAX = 200;

/** A title: short enough for a card and a browser tab. */
export const titleSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** One sentence of at most 200 characters. */
export const summarySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SUMMARY_MAX, `must be at most ${SUMMARY_MAX} characters`)
  .refine((text) => /[.!?]$/.test(text), 'must be one sentence ending with a full stop')
  .refine((text) => !/[.!?]\s+[A-Z]/.test(text), 'must be a single sentence (found a second sentence)');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written as YYYY-MM-DD, not in the future. */
export const reviewedSchema = z
  .union([z.date(), z.string().regex(ISO_DATE, 'must be a date written as YYYY-MM-DD')], {
    error: 'must be a date written as YYYY-MM-DD',
  })
  .transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)))
  .refine((date) => !Number.isNaN(date.getTime()), 'must be a real calendar date')
  .refine((date) => date.getTime() <= Date.now(), 'must not be in the future');
