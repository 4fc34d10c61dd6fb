import { z } from 'zod';
import { runSummarySchema } from './run';

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;
export const MAX_NOTES_LENGTH = 20_000;

/** One tag: trimmed, 1–64 characters. */
export const runTagSchema = z
  .string()
  .trim()
  .min(1, 'a tag must not be empty')
  .max(MAX_TAG_LENGTH, `a tag is at most ${MAX_TAG_LENGTH} characters`);

/** Trims, drops repeats (first one wins, order kept), then checks the count. */
export const runTagListSchema = z
  .array(runTagSchema)
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(MAX_TAGS, `at most ${MAX_TAGS} tags`));

/** PATCH …/runs/{run}/annotations: what a person edits in the runs table; the fields not sent stay. */
export const runAnnotationsSchema = z
  .object({
    tags: runTagListSchema.optional().describe('Replaces all tags. Trimmed and deduplicated; at most 50 of at most 64 characters.'),
    notes: z.string().max(MAX_NOTES_LENGTH, `notes are at most ${MAX_NOTES_LENGTH} characters`).optional(),
  })
  .strict()
  .refine((input) => input.tags !== undefined || input.notes !== undefined, 'send tags, notes or both');
export type RunAnnotationsInput = z.infer<typeof runAnnotationsSchema>;

export const runAnnotationsResultSchema = z.object({ run: runSummarySchema });
