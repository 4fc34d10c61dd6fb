import { z } from 'zod';

/** Steps are stored as 32-bit integers (every log parser caps them there too). */
const MAX_STEP = 2_147_483_647;

const finiteOrSpecial = z.union([z.number(), z.enum(['nan', 'inf', '-inf'])]);

export const metricKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w./@:-]+$/, 'metric key may contain letters, digits and _ . / @ : -');

export const metricPointSchema = z.object({
  key: metricKeySchema,
  step: z.number().int().min(0).max(MAX_STEP, `step must be at most ${MAX_STEP}`),
  value: finiteOrSpecial.describe('A number, or "nan" / "inf" / "-inf" for non-finite values.'),
  epoch: z.number().nullable().optional(),
  samplesSeen: z.number().min(0).nullable().optional(),
  wallTime: z
    .union([z.number(), z.iso.datetime({ offset: true })])
    .nullable()
    .optional()
    .describe('Milliseconds since the Unix epoch, or an ISO 8601 timestamp.'),
});
export type MetricPointBody = z.infer<typeof metricPointSchema>;

export const metricBatchSchema = z.object({
  points: z.array(metricPointSchema).min(1, 'points must not be empty'),
});

export const metricBatchResultSchema = z.object({ pointsWritten: z.number().int() });

export const seriesPointSchema = z.object({
  step: z.number(),
  epoch: z.number().nullable(),
  samplesSeen: z.number().nullable(),
  wallTime: z.number().nullable(),
  value: z.number().nullable(),
  nonFinite: z.string().nullable(),
});

export const seriesSchema = z.object({ key: z.string(), points: z.array(seriesPointSchema) });
export const seriesListSchema = z.object({ series: z.array(seriesSchema) });
export type Series = z.infer<typeof seriesSchema>;

export const seriesQuerySchema = z.object({
  keys: z
    .string()
    .min(1, 'keys is required: a comma-separated list of metric keys')
    .transform((value) => value.split(',').map((key) => key.trim()).filter(Boolean))
    .pipe(z.array(metricKeySchema).min(1).max(20)),
  maxPoints: z.coerce.number().int().min(10).max(100_000).default(2000),
  from: z.coerce.number().int().min(0).max(MAX_STEP, `from must be at most ${MAX_STEP}`).optional().describe('First step to read (inclusive); with `to`, a zoomed range.'),
  to: z.coerce.number().int().min(0).max(MAX_STEP, `to must be at most ${MAX_STEP}`).optional().describe('Last step to read (inclusive).'),
  full: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true')
    .describe('1: every point in range without downsampling (CSV export); refused above 1,000,000 points.'),
}).refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
  path: ['to'],
  message: 'to must not be below from',
});
