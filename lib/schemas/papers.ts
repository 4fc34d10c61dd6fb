/**
 * The papers API contract: papers, their reported results grouped by result_key with the other
 * sources' disagreements, the CSV import result and the tolerance edit. Shared by routes, tests and
 * the browser.
 */
import { z } from 'zod';
import { listCanonicalMetricNames, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { RESULT_TYPES } from '@/lib/reference/seed-types';

const [firstMetric, ...otherMetrics] = listCanonicalMetricNames();
export const canonicalMetricNameSchema = z.enum([firstMetric, ...otherMetrics] as [CanonicalMetricName, ...CanonicalMetricName[]]);

export const paperOrigins = ['reference', 'lab'] as const;
export const paperOriginSchema = z.enum(paperOrigins).describe('"reference": shipped reference data; "lab": imported by a lab.');
export type PaperOrigin = z.infer<typeof paperOriginSchema>;

export const resultTypeSchema = z.enum(RESULT_TYPES);

export const paperIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
export const paperParamsSchema = z.object({ paper: paperIdSchema });
export const reportedResultParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const paperSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  shortName: z.string(),
  arxivId: z.string().nullable(),
  url: z.string().nullable(),
  source: z.string().describe('The file the paper\'s rows came from, with its provenance.'),
  origin: paperOriginSchema,
  createdAt: z.string(),
  resultCount: z.number().int(),
});
export type PaperSummary = z.infer<typeof paperSummarySchema>;

export const paperListSchema = z.object({ papers: z.array(paperSummarySchema) });

export const reportedResultSchema = z.object({
  id: z.string(),
  paperId: z.string(),
  resultKey: z.string(),
  isPrimary: z.boolean().describe('The row charts draw for this result_key (plot_primary).'),
  reportedBy: z.string(),
  source: z.string().describe('The exact source of the numbers: repository@commit:path and table, or paper + table.'),
  resultType: resultTypeSchema,
  model: z.string(),
  modelOpenclipName: z.string().nullable(),
  pretrainDataset: z.string().nullable(),
  samplesSeen: z.number().nullable(),
  pretrainImageRes: z.number().int().nullable(),
  pretrainImageTokens: z.number().int().nullable(),
  textTokenLen: z.number().int().nullable(),
  finetune: z.string().nullable(),
  finetuneSamplesSeen: z.number().nullable(),
  totalSamplesSeen: z.number().nullable(),
  evalImageRes: z.number().int().nullable(),
  metrics: z.partialRecord(canonicalMetricNameSchema, z.number()).describe('Canonical metric → percent; absent when the source does not give it.'),
  gpuHours: z.number().nullable(),
  gpuHoursBasis: z.string().nullable(),
  costUsd: z.number().nullable(),
  computeTotal1e11GflopsXSamples: z.number().nullable(),
  paramsM: z.number().nullable(),
  wallclock: z.string().nullable(),
  notes: z.string(),
  tolerancePp: z.number().describe('Allowed difference from this number, in percentage points.'),
  raw: z.record(z.string(), z.string()).describe('The source row as text, exactly as in the file.'),
});
export type ReportedResult = z.infer<typeof reportedResultSchema>;

/** Numeric fields compared between sources of one result_key (text fields differ in wording, not in value). */
export const comparedNumberFields = [
  'samplesSeen',
  'pretrainImageRes',
  'pretrainImageTokens',
  'textTokenLen',
  'finetuneSamplesSeen',
  'totalSamplesSeen',
  'evalImageRes',
  'gpuHours',
  'costUsd',
  'computeTotal1e11GflopsXSamples',
  'paramsM',
] as const satisfies readonly (keyof ReportedResult)[];
export type ComparedNumberField = (typeof comparedNumberFields)[number];

export const sourceDifferenceSchema = z.object({
  field: z.union([z.enum(comparedNumberFields), canonicalMetricNameSchema]).describe('A result field, or a canonical metric name.'),
  primaryValue: z.number(),
  value: z.number().describe("This source's value."),
});
export type SourceDifference = z.infer<typeof sourceDifferenceSchema>;

export const otherSourceSchema = reportedResultSchema.extend({
  differences: z.array(sourceDifferenceSchema).describe('Values both rows give that differ from the primary row at the precision both print (75.6 and 75.62 agree).'),
});
export type OtherSource = z.infer<typeof otherSourceSchema>;

export const resultGroupSchema = z.object({
  resultKey: z.string(),
  primary: reportedResultSchema,
  others: z.array(otherSourceSchema).describe('The other sources reporting the same result_key.'),
});
export type ResultGroup = z.infer<typeof resultGroupSchema>;

export const paperDetailSchema = z.object({ paper: paperSummarySchema, groups: z.array(resultGroupSchema) });
export type PaperDetail = z.infer<typeof paperDetailSchema>;

export const paperImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200).optional().describe('Name of the uploaded file, kept as the paper\'s source.'),
});

export const paperImportResultSchema = z.object({
  papers: z.array(z.object({ id: z.string(), title: z.string(), created: z.boolean(), results: z.number().int() })),
  results: z.number().int().describe('Reported results written.'),
  removed: z.number().int().describe("Results of re-imported lab papers that the new file no longer has."),
});
export type PaperImportResult = z.infer<typeof paperImportResultSchema>;

export const reportedResultUpdateSchema = z.object({
  tolerancePp: z
    .number({ error: 'tolerancePp must be a number of percentage points' })
    .positive('tolerancePp must be greater than 0')
    .max(50, 'tolerancePp must be at most 50 percentage points'),
});
export type ReportedResultUpdateInput = z.infer<typeof reportedResultUpdateSchema>;

export const reportedResultResponseSchema = z.object({ result: reportedResultSchema });

/** A CSV problem as an API issue path: `csv.line 5.column zeroshot_in1k_top1` (or `column 7` when unnamed). */
export function csvIssuePath(issue: { line: number; column: number; columnName?: string }): string {
  return `csv.line ${issue.line}.column ${issue.columnName ?? issue.column}`;
}

/** The line and column back out of a `csvIssuePath`, for showing rejected uploads as a table. */
export function parseCsvIssuePath(path: string): { line: number; column: string } | null {
  const match = /^csv\.line (\d+)\.column (.+)$/.exec(path);
  return match ? { line: Number(match[1]), column: match[2]! } : null;
}
