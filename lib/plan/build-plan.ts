/**
 * Assembles a project's plan from its steps and runs (already read): per step the planned compute,
 * what its linked runs spent, its status and, while it runs, when it finishes; then totals and the
 * budget check.
 *
 * Formulas (units: training GFLOPs, lib/compute/units.ts):
 * - planned GPU-hours = step GFLOPs ÷ (throughput GFLOP/s per GPU × 3600); throughput from
 *   throughput.ts (measured, assumed, or the GPU type's); cost = GPU-hours × the project's
 *   gpuHourPriceUsd; wall hours = GPU-hours ÷ the project's GPU count.
 * - spent GPU-hours of a run = logged wall time (first to last timestamped point) × its GPUs
 *   (computeGpuHours, as the paper charts count it); a run without either counts as unknown, not 0.
 * - projected finish of a running step: each live run's ETA (lib/scorecard/eta.ts) to its own plan
 *   (samples per epoch × epochs), else to the step's samples; the step finishes with its last run.
 *   Projected GPU-hours = spent + each live run's remaining seconds × its GPUs.
 */
import { computeCost, computeGpuHours } from '@/lib/compute/accounting';
import type { ModelProfile } from '@/lib/reference/model-profile';
import type { Plan, PlanStep, PlanTarget, PlanTotals } from '@/lib/schemas/plan';
import { estimateEta, type Eta, type ThroughputPoint } from '@/lib/scorecard/eta';
import type { ModelFamily } from '@/lib/scorecard/model-name';
import type { RunStatus } from '@/lib/scorecard/verdict';
import { checkBudget } from './budget';
import { computeStepCompute, type StepTarget } from './step-compute';
import { judgeStep, type StepTargetAccuracy } from './step-status';
import { chooseThroughput, measureRunThroughput, type RunThroughput } from './throughput';

export interface PlanProjectInput {
  gpuType: string | null;
  gpuCount: number | null;
  gpuHourPriceUsd: number;
  budgetGpuHours: number | null;
  budgetUsd: number | null;
}

export interface PlanStepInput {
  id: string;
  position: number;
  title: string;
  notes: string;
  assumedSamplesPerSecondPerGpu: number | null;
  /** What the compute is counted from. */
  compute: StepTarget;
  /** What the API shows of the target. */
  target: PlanTarget;
  accuracy: StepTargetAccuracy | null;
}

export interface PlanRunInput {
  key: string;
  name: string;
  status: RunStatus;
  displayStatus: RunStatus | 'stale';
  planStepId: string | null;
  family: ModelFamily | null;
  gpus: number | null;
  samplesSeen: number | null;
  plannedSamples: number | null;
  /** Logged wall seconds, first to last timestamped point; null with fewer than two. */
  wallSeconds: number | null;
  /** Training GFLOPs per sample of the run's own stage, from its params. */
  gflopsPerSample: number | null;
  /** Latest zero-shot top-1, percent. */
  value: number | null;
  /** Recent training points, oldest first (empty when not read). */
  points: readonly ThroughputPoint[];
}

export interface PlanInput {
  project: PlanProjectInput;
  steps: readonly PlanStepInput[];
  runs: readonly PlanRunInput[];
  profiles: readonly ModelProfile[];
}

export function buildPlan(input: PlanInput): Plan {
  const measured = input.runs.map(measureRunThroughput).filter((run): run is RunThroughput => run !== null);
  const steps = [...input.steps]
    .sort((a, b) => a.position - b.position)
    .map((step) => buildStep(step, input.runs.filter((run) => run.planStepId === step.id), measured, input));
  const totals = sumSteps(steps, input.project.gpuHourPriceUsd);
  const budget = checkBudget({
    budgetGpuHours: input.project.budgetGpuHours,
    budgetUsd: input.project.budgetUsd,
    gpuCount: input.project.gpuCount,
    totals,
    steps: steps.map((step) => ({ id: step.id, title: step.title, plannedGpuHours: step.planned.gpuHours, unavailable: step.planned.unavailable, spentGpuHours: step.spent.gpuHours })),
  });
  return { hardware: { ...input.project }, steps, totals, budget };
}

function buildStep(step: PlanStepInput, runs: readonly PlanRunInput[], measured: readonly RunThroughput[], input: PlanInput): PlanStep {
  const { project } = input;
  const compute = computeStepCompute(step.compute, input.profiles);
  const throughput = compute.ok
    ? chooseThroughput({ family: compute.family, averageGflopsPerSample: compute.gflops / compute.samples, assumedSamplesPerSecondPerGpu: step.assumedSamplesPerSecondPerGpu, gpuType: project.gpuType }, measured)
    : null;
  const gpuHours = compute.ok && throughput ? compute.gflops / (throughput.gflopsPerSecondPerGpu * 3600) : null;
  const unavailable = !compute.ok
    ? compute.error
    : throughput === null
      ? 'no throughput: no run of this model logged one, none is entered for the step, and the project has no known GPU type'
      : null;

  const runGpuHours = runs.map((run) => (run.wallSeconds !== null && run.gpus !== null && run.gpus >= 1 ? computeGpuHours(run.wallSeconds, run.gpus) : null));
  const spentGpuHours = runGpuHours.reduce<number>((sum, hours) => sum + (hours ?? 0), 0);
  const judged = judgeStep(
    runs.map((run) => ({ key: run.key, status: run.status, stale: run.displayStatus === 'stale', value: run.value, samplesSeen: run.samplesSeen })),
    step.accuracy,
  );
  const projectedFinish = judged.status === 'running' ? projectFinish(runs, compute.ok ? compute.samples : null, spentGpuHours) : null;
  const ended = judged.status === 'done' || judged.status === 'reproduced' || judged.status === 'not_reproduced';
  const knownSpent = runGpuHours.some((hours) => hours !== null);
  const forecastGpuHours =
    judged.status === 'not_started'
      ? gpuHours
      : ended
        ? knownSpent ? spentGpuHours : gpuHours
        : maxKnown(gpuHours, projectedFinish?.projectedGpuHours ?? (knownSpent ? spentGpuHours : null));

  return {
    id: step.id,
    position: step.position,
    title: step.title,
    notes: step.notes,
    assumedSamplesPerSecondPerGpu: step.assumedSamplesPerSecondPerGpu,
    target: step.target,
    planned: {
      gflops: compute.ok ? compute.gflops : null,
      samples: compute.ok ? compute.samples : null,
      modelProfile: compute.ok ? compute.modelProfile : null,
      throughput,
      gpuHours,
      costUsd: gpuHours === null ? null : computeCost(gpuHours, project.gpuHourPriceUsd),
      wallHours: gpuHours !== null && project.gpuCount !== null && project.gpuCount > 0 ? gpuHours / project.gpuCount : null,
      unavailable,
    },
    spent: { gpuHours: spentGpuHours, costUsd: computeCost(spentGpuHours, project.gpuHourPriceUsd), runsWithoutGpuHours: runGpuHours.filter((hours) => hours === null).length },
    forecastGpuHours,
    ...judged,
    projectedFinish,
    runs: runs.map((run, index) => ({
      key: run.key,
      name: run.name,
      status: run.status,
      displayStatus: run.displayStatus,
      gpus: run.gpus,
      samplesSeen: run.samplesSeen,
      plannedSamples: run.plannedSamples,
      gpuHours: runGpuHours[index] ?? null,
      value: run.value,
    })),
  };
}

/** The step's finish: the latest ETA of its live runs; null when any live run has none. */
function projectFinish(runs: readonly PlanRunInput[], stepSamples: number | null, spentGpuHours: number): PlanStep['projectedFinish'] {
  const live = runs.filter((run) => run.displayStatus === 'running');
  if (live.length === 0) return null;
  const etas: { run: PlanRunInput; eta: Eta }[] = [];
  for (const run of live) {
    const eta = estimateEta(run.points, run.plannedSamples ?? stepSamples);
    if (eta === null) return null;
    etas.push({ run, eta });
  }
  const last = etas.reduce((latest, entry) => (entry.eta.etaAt > latest.eta.etaAt ? entry : latest));
  const remainingGpuHours = etas.every(({ run }) => run.gpus !== null && run.gpus >= 1)
    ? etas.reduce((sum, { run, eta }) => sum + (eta.remainingSeconds * run.gpus!) / 3600, 0)
    : null;
  return {
    etaAt: new Date(last.eta.etaAt).toISOString(),
    remainingSeconds: last.eta.remainingSeconds,
    samplesPerSecond: last.eta.samplesPerSecond,
    runKey: last.run.key,
    projectedGpuHours: remainingGpuHours === null ? null : spentGpuHours + remainingGpuHours,
  };
}

function maxKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function sumSteps(steps: readonly PlanStep[], price: number): PlanTotals {
  const sum = (pick: (step: PlanStep) => number | null) => steps.reduce((total, step) => total + (pick(step) ?? 0), 0);
  const plannedGpuHours = sum((step) => step.planned.gpuHours);
  const spentGpuHours = sum((step) => step.spent.gpuHours);
  const forecastGpuHours = sum((step) => step.forecastGpuHours);
  return {
    steps: steps.length,
    stepsWithoutEstimate: steps.filter((step) => step.planned.gpuHours === null).length,
    plannedGpuHours,
    plannedCostUsd: computeCost(plannedGpuHours, price),
    spentGpuHours,
    spentCostUsd: computeCost(spentGpuHours, price),
    forecastGpuHours,
    forecastCostUsd: computeCost(forecastGpuHours, price),
  };
}
