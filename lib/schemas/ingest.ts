import { z } from 'zod';

export const unparsedLineSchema = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });

export const logChunkQuerySchema = z.object({
  offset: z.coerce
    .number({ error: 'offset is required: the byte offset of this chunk in the file' })
    .int('offset must be a whole number of bytes')
    .min(0, 'offset must not be negative'),
});

export const logChunkResultSchema = z.object({
  offset: z.number().int().describe('Bytes of the file received so far: send the next chunk from here.'),
  pendingBytes: z.number().int().describe('Bytes of an unfinished last line, held until a later chunk completes it.'),
  skippedBytes: z.number().int().describe('Bytes of this chunk that the server already had.'),
  linesParsed: z.number().int(),
  pointsWritten: z.number().int(),
  unparsedCount: z.number().int(),
  unparsed: z.array(unparsedLineSchema),
});
export type LogChunkResult = z.infer<typeof logChunkResultSchema>;

export const fileUploadResultSchema = z.object({
  pointsWritten: z.number().int(),
  rows: z.number().int(),
  unparsedCount: z.number().int(),
  unparsed: z.array(unparsedLineSchema),
});
