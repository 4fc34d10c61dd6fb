import { z } from 'zod';
import { EVENT_FILE_NAME } from '@/lib/ingest/tfevents/event-file-name';
import { runParamsSchema } from './route-params';

export const tfeventsParamsSchema = runParamsSchema.extend({
  file: z
    .string()
    .max(255, 'file name is at most 255 characters')
    .regex(EVENT_FILE_NAME, 'file must be a TensorBoard event file name such as events.out.tfevents.1709647331.host.4242.0'),
});

export const corruptRecordSchema = z.object({
  offset: z.number().int().describe('Byte offset in the file of the record (or corrupt stretch) that was not read.'),
  reason: z.string(),
});

export const tfeventsChunkResultSchema = z.object({
  offset: z.number().int().describe('Bytes of the file received so far: send the next chunk from here.'),
  pendingBytes: z.number().int().describe('Bytes of an incomplete last record, held until a later chunk completes it.'),
  skippedBytes: z.number().int().describe('Bytes of this chunk that the server already had.'),
  recordsRead: z.number().int().describe('Event records decoded from this chunk.'),
  pointsWritten: z.number().int(),
  corruptCount: z.number().int().describe('Records of this chunk that were reported and skipped.'),
  corruptRecords: z.array(corruptRecordSchema).describe('The first 50 of them.'),
  skippedValues: z.number().int().describe('Summary values that are not scalar metrics (text, histograms, val/epoch…).'),
});
export type TfeventsChunkResult = z.infer<typeof tfeventsChunkResultSchema>;
