/**
 * The reproduction plan API contract: steps (a reported result to reproduce, or a pilot the lab
 * defines), their planned and spent compute, status and projected finish, totals and the budget
 * check; the requests that edit steps, order them, link runs, and estimate a step before adding it.
 */
import { z } from 'zod';
import { PLAN_STEP_STATUSES } from '@/lib/plan/step-status';
import { projectSlugSchema } from './project';
import { runDisplayStatusSchema, runKeySchema, runStatusSchema } from './run';
import { verdictSchema } from './scorecard';

const count = (max: number) => z.number().positive().max(max);
const pixels = z.number().int().min(16).max(4096);

/** Every editable field of a step; requests take a subset. */
const planStepFields = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  reportedResultId: z.string().min(1).max(100).nullable().describe('The reported result this step reproduces; null for a pilot.'),
  reportedResultKey: z.string().min(1).max(200).describe("Target a result by the reference data's result_key (its primary row)."),
  model: z.string().trim().min(1).max(200).nullable().describe('Pilot: the open_clip model config name, e.g. ViT-B-16.'),
  samplesSeen: count(1e15).nullable().describe('Pilot: pre-training samples.'),
  imageRes: pixels.nullable().describe("Pilot: pre-training image size in pixels; null = the model's own."),
  textTokenLen: z.number().int().min(1).max(1024).nullable().describe("Pilot: pre-training text tokens; null = the model's full length."),
  finetuneSamplesSeen: z.number().min(0).max(1e15).nullable().describe('Pilot: fine-tuning samples at full text length (0 or null = none).'),
  finetuneImageRes: pixels.nullable(),
  expectedTop1: z.number().min(0).max(100).nullable().describe('Pilot: the zero-shot ImageNet-1k top-1 (percent) the lab expects.'),
  assumedSamplesPerSecondPerGpu: count(1e7).nullable().describe("Throughput to assume until a run of the step's model measured one."),
  notes: z.string().max(5000),
});

export const PILOT_FIELDS = ['model', 'samplesSeen', 'imageRes', 'textTokenLen', 'finetuneSamplesSeen', 'finetuneImageRes', 'expectedTop1'] as const;

type TargetFields = Partial<Pick<z.infer<typeof planStepFields>, 'reportedResultId' | 'reportedResultKey' | 'model' | 'samplesSeen'>>;

/** A step reproduces a result (by id or key) or is a pilot with a model and samples; the issue names the missing field. */
function requireTarget(value: TargetFields, ctx: z.RefinementCtx) {
  const byId = value.reportedResultId != null;
  if (byId && value.reportedResultKey !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['reportedResultKey'], message: 'give reportedResultId or reportedResultKey, not both' });
  }
  if (byId || value.reportedResultKey !== undefined) return;
  if (value.model == null) ctx.addIssue({ code: 'custom', path: ['model'], message: 'a pilot step needs a model (or target a reported result with reportedResultId)' });
  if (value.samplesSeen == null) ctx.addIssue({ code: 'custom', path: ['samplesSeen'], message: 'a pilot step needs its samples seen (or target a reported result with reportedResultId)' });
}

export const planStepCreateSchema = planStepFields
  .partial()
  .extend({ position: z.number().int().min(0).optional().describe('Where to insert (0 = first); at the end by default.') })
  .superRefine(requireTarget);
export type PlanStepCreateInput = z.infer<typeof planStepCreateSchema>;

export const planStepUpdateSchema = planStepFields.partial();
export type PlanStepUpdateInput = z.infer<typeof planStepUpdateSchema>;

export const planEstimateRequestSchema = planStepFields.omit({ title: true, notes: true }).partial().superRefine(requireTarget);
export type PlanEstimateRequest = z.infer<typeof planEstimateRequestSchema>;

export const planOrderSchema = z.object({ stepIds: z.array(z.string().min(1).max(100)).min(1).max(500).describe("Every step's id, in the new order.") });

export const planStepParamsSchema = z.object({ project: projectSlugSchema, step: z.string().min(1).max(100) });
export const planStepRunParamsSchema = planStepParamsSchema.extend({ run: runKeySchema });

export const planHardwareSchema = z.object({
  gpuType: z.string().nullable(),
  gpuCount: z.number().int().nullable(),
  gpuHourPriceUsd: z.number(),
  budgetGpuHours: z.number().nullable(),
  budgetUsd: z.number().nullable(),
});

export const planTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    reportedResultId: z.string(),
    resultKey: z.string(),
    paperId: z.string(),
    model: z.string(),
    schedule: z.string(),
    reportedTop1: z.number().nullable().describe("The paper's zero-shot ImageNet-1k top-1, percent."),
    tolerancePp: z.number(),
    source: z.string(),
    paperGpuHours: z.number().nullable().describe("The paper's own GPU-hours, as printed; never merged into ours."),
    paperGpuHoursBasis: z.string().nullable(),
    paperCostUsd: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('pilot'),
    model: z.string().nullable(),
    samplesSeen: z.number().nullable(),
    imageRes: z.number().int().nullable(),
    textTokenLen: z.number().int().nullable(),
    finetuneSamplesSeen: z.number().nullable(),
    finetuneImageRes: z.number().int().nullable(),
    expectedTop1: z.number().nullable(),
  }),
]);
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const throughputSchema = z.object({
  source: z.enum(['measured', 'assumed', 'gpu_type']),
  gflopsPerSecondPerGpu: z.number(),
  samplesPerSecondPerGpu: z.number().describe("At the step's average training GFLOPs per sample."),
  detail: z.string(),
  runKeys: z.array(z.string()),
});

export const plannedComputeSchema = z.object({
  gflops: z.number().nullable().describe('Training GFLOPs (fwd+bwd, 2 FLOPs per MAC) of the whole step.'),
  samples: z.number().nullable(),
  modelProfile: z.string().nullable().describe('The model_profile.csv row the model resolved to.'),
  throughput: throughputSchema.nullable(),
  gpuHours: z.number().nullable(),
  costUsd: z.number().nullable(),
  wallHours: z.number().nullable().describe("GPU-hours ÷ the project's GPU count."),
  unavailable: z.string().nullable().describe('Why there is no GPU-hour estimate.'),
});

export const planRunSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: runStatusSchema,
  displayStatus: runDisplayStatusSchema,
  gpus: z.number().int().nullable(),
  samplesSeen: z.number().nullable(),
  plannedSamples: z.number().nullable(),
  gpuHours: z.number().nullable().describe('Logged wall time (first to last timestamped point) × GPUs.'),
  value: z.number().nullable().describe('Latest zero-shot ImageNet-1k top-1, percent.'),
});

export const projectedFinishSchema = z.object({
  etaAt: z.string(),
  remainingSeconds: z.number(),
  samplesPerSecond: z.number(),
  runKey: z.string(),
  projectedGpuHours: z.number().nullable().describe('Spent so far plus the remaining time of the running runs × their GPUs.'),
});

export const planStepSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  notes: z.string(),
  assumedSamplesPerSecondPerGpu: z.number().nullable(),
  target: planTargetSchema,
  planned: plannedComputeSchema,
  spent: z.object({ gpuHours: z.number(), costUsd: z.number(), runsWithoutGpuHours: z.number().int() }),
  forecastGpuHours: z.number().nullable().describe('Planned for steps not started, max(planned, projected) while running, spent once ended.'),
  status: z.enum(PLAN_STEP_STATUSES),
  verdict: verdictSchema.nullable(),
  bestRunKey: z.string().nullable(),
  value: z.number().nullable(),
  gap: z.number().nullable(),
  stalled: z.boolean(),
  projectedFinish: projectedFinishSchema.nullable(),
  runs: z.array(planRunSchema),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planTotalsSchema = z.object({
  steps: z.number().int(),
  stepsWithoutEstimate: z.number().int(),
  plannedGpuHours: z.number(),
  plannedCostUsd: z.number(),
  spentGpuHours: z.number(),
  spentCostUsd: z.number(),
  forecastGpuHours: z.number(),
  forecastCostUsd: z.number(),
});
export type PlanTotals = z.infer<typeof planTotalsSchema>;

export const BUDGET_WARNING_CODES = ['plan_over_budget', 'forecast_over_budget', 'spent_over_budget', 'step_over_plan', 'step_without_estimate', 'no_gpu_count'] as const;

export const budgetCheckSchema = z.object({
  verdict: z.enum(['within', 'over', 'incomplete', 'no_budget']),
  remainingGpuHours: z.number().nullable().describe('GPU-hour budget − forecast.'),
  remainingUsd: z.number().nullable(),
  warnings: z.array(z.object({ code: z.enum(BUDGET_WARNING_CODES), message: z.string(), stepId: z.string().nullable() })),
});
export type BudgetCheck = z.infer<typeof budgetCheckSchema>;

export const planSchema = z.object({ hardware: planHardwareSchema, steps: z.array(planStepSchema), totals: planTotalsSchema, budget: budgetCheckSchema });
export type Plan = z.infer<typeof planSchema>;

export const planEstimateSchema = z.object({
  step: planStepSchema.describe('The step as it would be planned, not saved.'),
  totals: planTotalsSchema.describe('The plan with this step added.'),
  budget: budgetCheckSchema,
});

export const planStepResponseSchema = z.object({ step: planStepSchema });
export const planStepRunLinkSchema = z.object({ stepId: z.string().nullable(), run: z.string() });
