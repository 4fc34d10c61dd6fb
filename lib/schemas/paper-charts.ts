/**
 * The paper-charts API contract: a project's runs and one paper's reported results on common axes
 * (accuracy in percent, compute in training GFLOPs, samples seen, image tokens), plus the published
 * scaling laws for the metric. Shared by the route, the tests and the browser.
 */
import { z } from 'zod';
import { canonicalMetricNameSchema, paperIdSchema, resultTypeSchema } from './papers';
import { runDisplayStatusSchema } from './run';

export const DEFAULT_PAPER_CHART_METRIC = 'zeroshot_in1k_top1';

export const paperChartsQuerySchema = z.object({
  paper: paperIdSchema.optional().describe("A paper id; default: the project's first target paper."),
  metric: canonicalMetricNameSchema.default(DEFAULT_PAPER_CHART_METRIC).describe('A canonical metric name; values are percent.'),
});
export type PaperChartsQuery = z.infer<typeof paperChartsQuerySchema>;

const count = z.number().int().nullable();

export const paperChartMetricSchema = z.object({
  name: canonicalMetricNameSchema,
  label: z.string(),
  unit: z.literal('%'),
});
export type PaperChartMetric = z.infer<typeof paperChartMetricSchema>;

export const printedComputeSchema = z.object({
  asPrinted: z.number(),
  printedUnit: z.string(),
  conversion: z.string().describe('The lib/compute/units.ts conversion applied.'),
  trainingGflops: z.number(),
});

export const paperChartPaperPointSchema = z.object({
  resultKey: z.string(),
  paperId: z.string(),
  model: z.string(),
  label: z.string().describe('Model · dataset · schedule tail of the result_key.'),
  value: z.number().describe('The metric in percent, as the source prints it.'),
  source: z.string(),
  resultType: resultTypeSchema,
  pretrainDataset: z.string().nullable(),
  samplesSeen: z.number().nullable().describe('Samples over all stages (total_samples_seen), else pre-training samples_seen.'),
  trainingGflops: z.number().nullable().describe('Our accounting of the schedule, in training GFLOPs.'),
  computeNote: z.string().nullable().describe('Why trainingGflops is null.'),
  imageTokens: count.describe('Pre-training image patch tokens (class token excluded); from the resolution when given.'),
  imageResolution: count.describe('Pre-training image resolution in pixels.'),
  textTokens: count.describe('Pre-training text tokens.'),
  paperGpuHours: z.number().nullable().describe('GPU-hours as printed; see paperGpuHoursBasis.'),
  paperGpuHoursBasis: z.string().nullable(),
  paperCostUsd: z.number().nullable().describe('Cost in USD as printed.'),
  paperPrintedCompute: printedComputeSchema.nullable().describe('A compute total the paper prints (CLIPA-v2 Table 1), with our conversion.'),
  wallclock: z.string().nullable().describe('Wall-clock time as the source states it.'),
  isPrimary: z.boolean(),
});
export type PaperChartPaperPoint = z.infer<typeof paperChartPaperPointSchema>;

export const paperChartRunPointSchema = z.object({
  runKey: z.string(),
  runName: z.string(),
  status: runDisplayStatusSchema,
  model: z.string().nullable(),
  value: z.number().nullable().describe('Latest value of the metric, in percent.'),
  valueKey: z.string().nullable().describe('The stored metric key the value came from.'),
  valueNote: z.string().nullable().describe('Why value is null.'),
  samplesSeen: z.number().nullable(),
  trainingGflops: z.number().nullable(),
  computeNote: z.string().nullable().describe('Why trainingGflops is null.'),
  gpus: count,
  wallSeconds: z.number().nullable().describe('Last minus first timestamp of its logged points.'),
  gpuHours: z.number().nullable().describe('wallSeconds / 3600 × gpus.'),
  gpuHoursNote: z.string().nullable().describe('Why gpuHours is null.'),
  costUsd: z.number().nullable().describe('gpuHours × the project price per GPU-hour.'),
  imageTokens: count.describe('Image patch tokens the encoder sees (after patch dropout, class token excluded).'),
  imageResolution: count,
  textTokens: count,
  linkedResultKey: z.string().nullable(),
});
export type PaperChartRunPoint = z.infer<typeof paperChartRunPointSchema>;

export const paperChartLinkSchema = z.object({ runKey: z.string(), resultKey: z.string() });
export type PaperChartLink = z.infer<typeof paperChartLinkSchema>;

export const paperChartScalingLawSchema = z.object({
  modelFamily: z.string(),
  task: z.string(),
  formula: z.string(),
  a: z.number().describe('Coefficient as printed; E is an error fraction.'),
  alpha: z.number(),
  computeUnit: z.string().describe("The law's own compute unit (GMACs)."),
  source: z.string(),
});
export type PaperChartScalingLaw = z.infer<typeof paperChartScalingLawSchema>;

export const paperChartDataSchema = z.object({
  paper: z.object({ id: z.string(), shortName: z.string(), title: z.string() }).nullable().describe('null when no paper was asked for and the project has no target paper.'),
  metric: paperChartMetricSchema,
  availableMetrics: z.array(paperChartMetricSchema).describe('Canonical metrics the paper reports in its primary rows.'),
  computeUnit: z.string(),
  gpuHourPriceUsd: z.number(),
  paperPoints: z.array(paperChartPaperPointSchema),
  runPoints: z.array(paperChartRunPointSchema),
  links: z.array(paperChartLinkSchema).describe('Runs linked to a result that is among paperPoints.'),
  scalingLaws: z.array(paperChartScalingLawSchema).describe('Published laws for this metric (scaling_laws.csv).'),
});
export type PaperChartData = z.infer<typeof paperChartDataSchema>;
