import 'server-only';
/**
 * Reads a project's reproduction plan: its steps with their targets, every run of the project (those
 * linked to a step are its evidence; those of a step's model family measure throughput), and hands
 * them to lib/plan/build-plan.ts. Also estimates a step before it is added (the planning help).
 */
import { accountRun } from '@/lib/compute/run-stages';
import type { ReportedComputeInput } from '@/lib/compute/accounting';
import { buildPlan, type PlanRunInput, type PlanStepInput } from '@/lib/plan/build-plan';
import { computeStepCompute } from '@/lib/plan/step-compute';
import { DEFAULT_TOLERANCE_PP } from '@/lib/plan/step-status';
import type { ModelProfile } from '@/lib/reference/model-profile';
import type { Plan, PlanEstimateRequest, PlanTarget } from '@/lib/schemas/plan';
import type { Project } from '@/lib/schemas/project';
import { runStatusSchema } from '@/lib/schemas/run';
import { ETA_WINDOW } from '@/lib/scorecard/eta';
import { formatSchedule } from '@/lib/scorecard/format';
import { isSameFamily, parseModelFamily, type ModelFamily } from '@/lib/scorecard/model-name';
import type { PlanStep as PlanStepRow, ReportedResult, Run } from '@/prisma/generated/sqlite/client';
import type { Db } from './client';
import { getModelProfiles } from './paper-chart-reference';
import { readRecentThroughput, readRunMetricValues } from './run-metrics';
import { displayStatusOf, UnknownReportedResultError } from './runs';

export type PlanProject = Pick<Project, 'id' | 'staleAfterSeconds' | 'gpuHourPriceUsd' | 'gpuType' | 'gpuCount' | 'budgetGpuHours' | 'budgetUsd'>;

type StepRow = PlanStepRow & { reportedResult: ReportedResult | null };

const TOP1 = 'zeroshot_in1k_top1';

export async function getPlan(db: Db, project: PlanProject): Promise<Plan> {
  const rows = await db.planStep.findMany({ where: { projectId: project.id }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], include: { reportedResult: true } });
  return assemblePlan(db, project, rows.map((row, index) => toStepInput(row, index)));
}

/** The step a request describes, planned as if added last, with the plan's totals and budget check including it. */
export async function estimatePlanStep(db: Db, project: PlanProject, request: PlanEstimateRequest) {
  const rows = await db.planStep.findMany({ where: { projectId: project.id }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], include: { reportedResult: true } });
  const reportedResult = await resolveReportedResult(db, request);
  const draft: StepRow = {
    id: 'estimate',
    projectId: project.id,
    position: rows.length,
    title: 'Estimate',
    reportedResultId: reportedResult?.id ?? null,
    reportedResult,
    model: request.model ?? null,
    samplesSeen: request.samplesSeen ?? null,
    imageRes: request.imageRes ?? null,
    textTokenLen: request.textTokenLen ?? null,
    finetuneSamplesSeen: request.finetuneSamplesSeen ?? null,
    finetuneImageRes: request.finetuneImageRes ?? null,
    expectedTop1: request.expectedTop1 ?? null,
    assumedSamplesPerSecondPerGpu: request.assumedSamplesPerSecondPerGpu ?? null,
    notes: '',
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const plan = await assemblePlan(db, project, [...rows.map((row, index) => toStepInput(row, index)), toStepInput(draft, rows.length)]);
  return { step: plan.steps.at(-1)!, totals: plan.totals, budget: plan.budget };
}

/** The reported result a request names by id or by result_key (its primary row); null for a pilot. */
export async function resolveReportedResult(db: Db, request: { reportedResultId?: string | null; reportedResultKey?: string }): Promise<ReportedResult | null> {
  if (request.reportedResultKey !== undefined) {
    const row = await db.reportedResult.findFirst({ where: { resultKey: request.reportedResultKey, isPrimary: true } });
    if (!row) throw new UnknownReportedResultError(request.reportedResultKey);
    return row;
  }
  if (request.reportedResultId == null) return null;
  const row = await db.reportedResult.findUnique({ where: { id: request.reportedResultId } });
  if (!row) throw new UnknownReportedResultError(request.reportedResultId);
  return row;
}

async function assemblePlan(db: Db, project: PlanProject, steps: PlanStepInput[]): Promise<Plan> {
  const profiles = getModelProfiles();
  const runs = await db.run.findMany({ where: { projectId: project.id }, orderBy: { createdAt: 'asc' } });
  const stepIds = new Set(steps.map((step) => step.id));
  const linked = runs.filter((run) => run.planStepId !== null && stepIds.has(run.planStepId));
  const families = steps.map((step) => computeStepCompute(step.compute, profiles).family).filter((family): family is ModelFamily => family !== null);
  const facts = new Map(runs.map((run) => [run.id, readRunFacts(run, profiles)]));
  const measurable = runs.filter((run) => {
    const { family, gpus, gflopsPerSample } = facts.get(run.id)!;
    return family !== null && gpus !== null && gflopsPerSample !== null && families.some((wanted) => isSameFamily(wanted, family));
  });
  const live = linked.filter((run) => displayStatusOf(run, project.staleAfterSeconds) === 'running');
  const pointRuns = [...new Set([...measurable, ...live].map((run) => run.id))];
  const [throughput, values, spans] = await Promise.all([
    readRecentThroughput(db, pointRuns, ETA_WINDOW),
    readRunMetricValues(db, linked.map((run) => run.id), [TOP1]),
    db.metricPoint.groupBy({
      by: ['runId'],
      where: { runId: { in: linked.map((run) => run.id) }, wallTime: { not: null } },
      _min: { wallTime: true },
      _max: { wallTime: true },
      _count: { wallTime: true },
    }),
  ]);
  const spanOf = new Map(spans.map((span) => [span.runId, span]));

  const runInputs = runs
    .filter((run) => linked.includes(run) || measurable.includes(run))
    .map((run): PlanRunInput => {
      const span = spanOf.get(run.id);
      const { family, gpus, gflopsPerSample } = facts.get(run.id)!;
      return {
        key: run.key,
        name: run.name,
        status: runStatusSchema.parse(run.status),
        displayStatus: displayStatusOf(run, project.staleAfterSeconds),
        planStepId: run.planStepId !== null && stepIds.has(run.planStepId) ? run.planStepId : null,
        family,
        gpus,
        samplesSeen: run.samplesSeen,
        plannedSamples: run.samplesPerEpoch && run.epochs ? run.samplesPerEpoch * run.epochs : null,
        wallSeconds: span && span._count.wallTime >= 2 && span._min.wallTime !== null && span._max.wallTime !== null ? (span._max.wallTime - span._min.wallTime) / 1000 : null,
        gflopsPerSample,
        value: values.get(run.id)?.[TOP1]?.percent ?? null,
        points: throughput.get(run.id) ?? [],
      };
    });
  return buildPlan({ project, steps, runs: runInputs, profiles });
}

/** A run's family, GPU count (gpus, else params world_size) and training GFLOPs per sample of its own stage. */
function readRunFacts(run: Run, profiles: readonly ModelProfile[]) {
  const config = readStringRecord(run.config);
  const params = config.model === undefined && run.model ? { ...config, model: run.model } : config;
  const worldSize = Number(params.world_size);
  const gpus = run.gpus ?? (Number.isInteger(worldSize) && worldSize > 0 ? worldSize : null);
  let gflopsPerSample: number | null = null;
  try {
    const total = accountRun({ params, samplesSeen: 1 }, profiles).compute?.totalGflops;
    gflopsPerSample = total !== undefined && Number.isFinite(total) && total > 0 ? total : null;
  } catch {
    gflopsPerSample = null;
  }
  return { family: parseModelFamily(params.model ?? run.model), gpus, gflopsPerSample };
}

function toStepInput(row: StepRow, index: number): PlanStepInput {
  const base = { id: row.id, position: index, title: row.title, notes: row.notes, assumedSamplesPerSecondPerGpu: row.assumedSamplesPerSecondPerGpu };
  const result = row.reportedResult;
  if (result) {
    const top1 = readNumberRecord(result.metrics)[TOP1] ?? null;
    const target: PlanTarget = {
      kind: 'result',
      reportedResultId: result.id,
      resultKey: result.resultKey,
      paperId: result.paperId,
      model: result.model,
      schedule: formatSchedule(result),
      reportedTop1: top1,
      tolerancePp: result.tolerancePp,
      source: result.source,
      paperGpuHours: result.gpuHours,
      paperGpuHoursBasis: result.gpuHoursBasis,
      paperCostUsd: result.costUsd,
    };
    return { ...base, compute: { kind: 'result', result: toComputeInput(result) }, target, accuracy: top1 === null ? null : { reported: top1, tolerancePp: result.tolerancePp } };
  }
  const pilot = {
    model: row.model,
    samplesSeen: row.samplesSeen,
    imageRes: row.imageRes,
    textTokenLen: row.textTokenLen,
    finetuneSamplesSeen: row.finetuneSamplesSeen,
    finetuneImageRes: row.finetuneImageRes,
  };
  return {
    ...base,
    compute: { kind: 'pilot', ...pilot },
    target: { kind: 'pilot', ...pilot, expectedTop1: row.expectedTop1 },
    accuracy: row.expectedTop1 === null ? null : { reported: row.expectedTop1, tolerancePp: DEFAULT_TOLERANCE_PP },
  };
}

function toComputeInput(row: ReportedResult): ReportedComputeInput {
  return { ...row, raw: readStringRecord(row.raw) };
}

function readStringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

function readNumberRecord(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}
