/**
 * The scorecard API contract: the per-project scorecard, a run's link to the reported result it
 * reproduces (with suggestions), and CLIP_benchmark uploads. Shared by routes, tests and the browser.
 */
import { z } from 'zod';
import { isCanonicalMetricName, listCanonicalMetricNames, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { VERDICTS } from '@/lib/scorecard/verdict';
import { diagnosticBadgeSchema } from './diagnostics';
import { runDisplayStatusSchema, runStatusSchema } from './run';

export const DEFAULT_SCORECARD_METRIC: CanonicalMetricName = 'zeroshot_in1k_top1';

export const canonicalMetricSchema = z
  .string()
  .refine(isCanonicalMetricName, { error: (issue) => `unknown metric "${String(issue.input)}"; use one of ${listCanonicalMetricNames().join(', ')}` })
  .transform((name) => name as CanonicalMetricName);

export const scorecardQuerySchema = z.object({
  metric: canonicalMetricSchema.default(DEFAULT_SCORECARD_METRIC).describe('Canonical metric name; zero-shot ImageNet-1k top-1 by default.'),
});

export const verdictSchema = z.enum(VERDICTS);
export const verdictCountsSchema = z.object({
  reproduced: z.number().int(),
  close: z.number().int(),
  not_reproduced: z.number().int(),
  in_progress: z.number().int(),
  no_run: z.number().int(),
});

export const scorecardResultSchema = z.object({
  id: z.string().describe('The primary ReportedResult row of this result_key.'),
  key: z.string().describe('result_key'),
  paperId: z.string(),
  resultType: z.string(),
  model: z.string(),
  pretrainDataset: z.string().nullable(),
  schedule: z.string().describe('Samples and resolutions, e.g. "12.8B@84 + 640M fine-tuning"; empty when unknown.'),
  reported: z.number().describe('The reported value of the metric, in percent.'),
  source: z.string().describe('Where the reported value is printed.'),
  reportedBy: z.string(),
  fromPrimarySource: z.boolean().describe('False when the primary row lacks the metric and another source of the same result gives it.'),
  tolerancePp: z.number(),
  samplesSeen: z.number().nullable().describe('Pre-training samples.'),
  totalSamplesSeen: z.number().nullable(),
  isTarget: z.boolean().describe("From one of the project's target papers (false: shown because a run links to it)."),
});

export const scorecardRunSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: runStatusSchema,
  displayStatus: runDisplayStatusSchema,
  value: z.number().nullable().describe("The run's latest value of the metric, in percent."),
  valueKey: z.string().nullable().describe('The stored metric key the value comes from.'),
  valueEpoch: z.number().nullable(),
  samplesSeen: z.number().nullable(),
  plannedSamples: z.number().nullable(),
  diagnostics: z.array(diagnosticBadgeSchema).optional().describe("The best run's diagnostics, most severe first."),
});

export const scorecardProgressSchema = z.object({
  samplesSeen: z.number(),
  targetSamples: z.number(),
  targetFrom: z.enum(['run-plan', 'result']).describe("The run's planned samples, or the result's samples when the run states no plan."),
  fraction: z.number().min(0).max(1),
});

export const scorecardEtaSchema = z.object({
  samplesPerSecond: z.number(),
  remainingSeconds: z.number(),
  etaAt: z.string().describe('When the target is reached at the recent rate (ISO 8601).'),
  measuredAt: z.string().describe('Wall time of the last training point used.'),
});

export const scorecardRowSchema = z.object({
  result: scorecardResultSchema,
  bestRun: scorecardRunSchema.nullable(),
  gap: z.number().nullable().describe('Best run − reported, in percentage points.'),
  verdict: verdictSchema,
  progress: scorecardProgressSchema.nullable(),
  eta: scorecardEtaSchema.nullable(),
  linkedRuns: z.number().int(),
  runningRuns: z.number().int(),
});
export type ScorecardRow = z.infer<typeof scorecardRowSchema>;

export const scorecardSchema = z.object({
  metric: z.object({ name: z.string(), label: z.string(), shortLabel: z.string() }),
  paperIds: z.array(z.string()).describe("The project's target papers."),
  papers: z.array(z.object({ id: z.string(), shortName: z.string(), title: z.string() })).describe('Papers of the rows, in display order.'),
  counts: verdictCountsSchema,
  rows: z.array(scorecardRowSchema),
  hiddenResults: z.number().int().describe('Linked results left out because no source of theirs reports this metric.'),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const linkResultSchema = z.object({
  id: z.string(),
  key: z.string(),
  paperId: z.string(),
  resultType: z.string(),
  model: z.string(),
  pretrainDataset: z.string().nullable(),
  schedule: z.string(),
  zeroshotTop1: z.number().nullable().describe('Reported zero-shot ImageNet-1k top-1, in percent.'),
});
export type LinkResult = z.infer<typeof linkResultSchema>;

export const linkSuggestionSchema = z.object({
  result: linkResultSchema,
  score: z.number(),
  reasons: z.array(z.object({ kind: z.enum(['model', 'samples', 'image', 'text', 'dataset', 'stage']), match: z.boolean(), text: z.string() })),
  clear: z.boolean().describe('True for the one candidate that clearly matches best: the suggestion.'),
});

export const runLinkSchema = z.object({
  current: linkResultSchema.nullable(),
  suggestions: z.array(linkSuggestionSchema).describe('Best-scoring results first; at most one is clear.'),
  choices: z.array(linkResultSchema).describe("Primary results of the project's target papers (of all papers when it has none)."),
});
export type RunLink = z.infer<typeof runLinkSchema>;

export const runLinkUpdateSchema = z.object({
  reportedResultId: z.string({ error: 'reportedResultId must be a result id, or null to unlink' }).min(1).max(100).nullable(),
});

export const clipBenchmarkQuerySchema = z.object({
  epoch: z
    .string()
    .regex(/^\d{1,6}$/, 'epoch must be a whole number of epochs (the checkpoint epoch_N.pt)')
    .transform(Number)
    .optional()
    .describe('Checkpoint epoch the results belong to; defaults to the epoch in `pretrained` (…/epoch_N.pt), else the latest step.'),
});

export const clipBenchmarkResultSchema = z.object({
  pointsWritten: z.number().int(),
  records: z.number().int(),
  step: z.number().int().describe('The step the values are stored at.'),
  epoch: z.number().nullable(),
  epochFrom: z.enum(['query', 'checkpoint-name', 'none']),
  canonical: z.array(z.object({ key: z.string(), metric: z.string(), percent: z.number() })),
  unmapped: z.array(z.string()).describe('Stored keys with no canonical meaning (acc5, recall@5, other datasets).'),
});
export type ClipBenchmarkResult = z.infer<typeof clipBenchmarkResultSchema>;
