import { z } from 'zod';
import { diagnosticBadgeSchema } from './diagnostics';

export const runStatuses = ['running', 'finished', 'failed', 'crashed'] as const;
export const runStatusSchema = z.enum(runStatuses);
/** What the UI shows: a running run with no recent ingest is shown as stale. */
export const runDisplayStatusSchema = z.enum([...runStatuses, 'stale']);
export type RunDisplayStatus = z.infer<typeof runDisplayStatusSchema>;

export const runKeySchema = z
  .string()
  .min(1, 'run key is required')
  .max(200, 'run key is at most 200 characters')
  .refine((key) => !/[\u0000-\u001f]/.test(key), 'run key must not contain control characters');

export const runUpsertSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  status: runStatusSchema.optional(),
  notes: z.string().max(20_000).optional(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  reportedResultId: z.string().min(1).nullable().optional(),
  reportedResultKey: z
    .string()
    .min(1)
    .optional()
    .describe('Link by the reference data\'s result_key (e.g. "clipa-v2_H14_datacomp1b_84-224-336"); resolves to its primary row.'),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  heartbeat: z.boolean().optional().describe('Mark the run as alive now without sending data.'),
});
export type RunUpsertInput = z.infer<typeof runUpsertSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  status: runStatusSchema,
  displayStatus: runDisplayStatusSchema,
  model: z.string().nullable(),
  gpus: z.number().int().nullable(),
  batchSize: z.number().int().nullable(),
  globalBatchSize: z.number().int().nullable(),
  precision: z.string().nullable(),
  samplesSeen: z.number().nullable(),
  plannedSamples: z.number().nullable(),
  latestTop1: z.number().nullable().describe('Latest zero-shot ImageNet top-1, as a fraction.'),
  lastHeartbeatAt: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  reportedResultId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  config: z
    .record(z.string(), z.string())
    .nullable()
    .optional()
    .describe("The run's params.txt as key → raw value, or null before one was uploaded."),
  latestMetrics: z
    .record(z.string(), z.number().nullable())
    .optional()
    .describe('The value at the highest step of each metric key; null when that value was not finite (NaN or ±inf). Filled by the runs list.'),
  diagnostics: z
    .array(diagnosticBadgeSchema)
    .optional()
    .describe("The run's diagnostics, most severe first (details: GET …/runs/{run}/diagnostics). Filled by the runs list."),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runListSchema = z.object({ runs: z.array(runSummarySchema) });

export const ingestCursorSchema = z.object({
  source: z.string(),
  offset: z.number().int(),
  pendingBytes: z.number().int(),
  lineCount: z.number().int(),
  unparsed: z.number().int(),
  updatedAt: z.string(),
});

export const runDetailSchema = runSummarySchema.extend({
  projectSlug: z.string(),
  samplesPerEpoch: z.number().nullable(),
  epochs: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  config: z.record(z.string(), z.string()).nullable(),
  unparsedLines: z.number().int(),
  metricKeys: z.array(z.object({ key: z.string(), count: z.number().int() })),
  cursors: z.array(ingestCursorSchema),
  trainingGflopsPerSample: z
    .number()
    .nullable()
    .optional()
    .describe("Training GFLOPs per sample seen, from the run's params.txt and model_profile.csv; null when the model cannot be accounted."),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

export const runUpsertResultSchema = z.object({ run: runDetailSchema, created: z.boolean() });
