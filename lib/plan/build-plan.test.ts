import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import type { PlanTarget } from '@/lib/schemas/plan';
import { parseModelFamily } from '@/lib/scorecard/model-name';
import { buildPlan, type PlanRunInput, type PlanStepInput } from './build-plan';
import type { PilotTarget } from './step-compute';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);
const T0 = Date.UTC(2026, 0, 1);
/** 3 × model_profile.csv's 14.78 GFLOPs of ViT-B-32 at 224 px. */
const B32_PER_SAMPLE = 44.34;

function pilotStep(id: string, position: number, fields: Partial<PilotTarget> & { assumed?: number; expectedTop1?: number }): PlanStepInput {
  const pilot = { model: 'ViT-B-32', samplesSeen: 1e6, imageRes: null, textTokenLen: null, finetuneSamplesSeen: null, finetuneImageRes: null, ...fields };
  const target: PlanTarget = { kind: 'pilot', ...pilot, expectedTop1: fields.expectedTop1 ?? null };
  return {
    id,
    position,
    title: id,
    notes: '',
    assumedSamplesPerSecondPerGpu: fields.assumed ?? null,
    compute: { kind: 'pilot', ...pilot },
    target,
    accuracy: fields.expectedTop1 === undefined ? null : { reported: fields.expectedTop1, tolerancePp: 0.5 },
  };
}

/** 20 points 10 s apart, 8,000 samples each: 800 samples/s on 8 GPUs, i.e. 100 per GPU. */
function b32Run(key: string, planStepId: string | null, fields: Partial<PlanRunInput> = {}): PlanRunInput {
  return {
    key,
    name: key,
    status: 'running',
    displayStatus: 'running',
    planStepId,
    family: parseModelFamily('ViT-B-32'),
    gpus: 8,
    samplesSeen: 160_000,
    plannedSamples: null,
    wallSeconds: 190,
    gflopsPerSample: B32_PER_SAMPLE,
    value: null,
    points: Array.from({ length: 20 }, (_, index) => ({ samplesSeen: (index + 1) * 8000, wallTime: T0 + index * 10_000 })),
    ...fields,
  };
}

const project = { gpuType: 'A100', gpuCount: 8, gpuHourPriceUsd: 2, budgetGpuHours: 100, budgetUsd: null };

describe('buildPlan', () => {
  const plan = buildPlan({
    project,
    steps: [
      pilotStep('b32-72m', 1, { samplesSeen: 72e6 }),
      // Another family: the B/32 run says nothing about it, so its entered figure counts.
      pilotStep('b16-36m', 0, { model: 'ViT-B-16', samplesSeen: 36e6, assumed: 1000 }),
    ],
    runs: [b32Run('b32-run', 'b32-72m'), b32Run('unlinked', null, { status: 'finished', displayStatus: 'finished', points: [] })],
    profiles,
  });
  const [b16, b32] = plan.steps;

  it('orders steps by position', () => {
    expect(plan.steps.map((step) => step.id)).toEqual(['b16-36m', 'b32-72m']);
  });

  it('plans an entered throughput as samples ÷ rate: 36M ÷ 1,000/s ÷ 3,600 = 10 GPU-h, $20, 1.25 h on 8 GPUs', () => {
    expect(b16!.planned.throughput?.source).toBe('assumed');
    expect(b16!.planned.gpuHours).toBeCloseTo(10, 9);
    expect(b16!.planned.costUsd).toBeCloseTo(20, 9);
    expect(b16!.planned.wallHours).toBeCloseTo(1.25, 9);
    expect(b16).toMatchObject({ status: 'not_started', projectedFinish: null, spent: { gpuHours: 0, costUsd: 0, runsWithoutGpuHours: 0 } });
    expect(b16!.forecastGpuHours).toBeCloseTo(10, 9);
  });

  it("plans a measured throughput: 72M samples at the run's 100 samples/s per GPU = 200 GPU-h", () => {
    expect(b32!.planned.throughput).toMatchObject({ source: 'measured', runKeys: ['b32-run'] });
    expect(b32!.planned.gflops! / (72e6 * B32_PER_SAMPLE)).toBeCloseTo(1, 9);
    expect(b32!.planned.gpuHours).toBeCloseTo(200, 6);
    expect(b32!.planned.costUsd).toBeCloseTo(400, 6);
  });

  it('counts spent GPU-hours from logged wall time × GPUs: 190 s × 8 = 0.4222 GPU-h', () => {
    expect(b32!.spent.gpuHours).toBeCloseTo((190 * 8) / 3600, 12);
    expect(b32!.runs).toMatchObject([{ key: 'b32-run', gpus: 8, displayStatus: 'running' }]);
  });

  it('projects the finish of a running step from its measured rate', () => {
    // 72M − 160k samples left at 800 samples/s = 89,800 s after the last point (T0 + 190 s).
    expect(b32!.status).toBe('running');
    expect(b32!.projectedFinish?.runKey).toBe('b32-run');
    expect(b32!.projectedFinish?.remainingSeconds).toBeCloseTo(89_800, 6);
    expect(b32!.projectedFinish?.etaAt).toBe(new Date(T0 + 190_000 + 89_800_000).toISOString());
    // Spent plus 89,800 s × 8 GPUs.
    expect(b32!.projectedFinish?.projectedGpuHours).toBeCloseTo((190 * 8) / 3600 + (89_800 * 8) / 3600, 9);
    expect(b32!.forecastGpuHours).toBeCloseTo(200, 6);
  });

  it('totals the steps and warns that 210 planned GPU-h exceed the budget of 100', () => {
    expect(plan.totals.plannedGpuHours).toBeCloseTo(210, 6);
    expect(plan.totals.plannedCostUsd).toBeCloseTo(420, 6);
    expect(plan.totals.spentGpuHours).toBeCloseTo(0.4222, 4);
    expect(plan.totals.forecastGpuHours).toBeCloseTo(210, 6);
    expect(plan.budget.verdict).toBe('over');
    expect(plan.budget.warnings.map((warning) => warning.code)).toEqual(['plan_over_budget']);
  });

  it("estimates a reported result on the GPU type when nothing is measured: ≈ the paper's 5,920 A100-h", () => {
    const row = loadReference(ROOT).results.find((seed) => seed.resultKey === 'clipa-v2_H14_datacomp1b_70-224' && seed.isPrimary)!;
    const step: PlanStepInput = {
      id: 'h14',
      position: 0,
      title: 'H/14',
      notes: '',
      assumedSamplesPerSecondPerGpu: null,
      compute: { kind: 'result', result: row },
      target: { kind: 'result', reportedResultId: 'x', resultKey: row.resultKey, paperId: row.paperId, model: row.model, schedule: '', reportedTop1: 81.1, tolerancePp: 0.5, source: row.source, paperGpuHours: 5920, paperGpuHoursBasis: row.gpuHoursBasis, paperCostUsd: row.costUsd },
      accuracy: { reported: 81.1, tolerancePp: 0.5 },
    };
    const [h14] = buildPlan({ project: { ...project, budgetGpuHours: null }, steps: [step], runs: [b32Run('b32', null)], profiles }).steps;
    expect(h14!.planned.throughput?.source).toBe('gpu_type');
    expect(Math.abs(h14!.planned.gpuHours! / 5920 - 1)).toBeLessThan(0.001);
    expect(h14!.planned.wallHours! * 8).toBeCloseTo(h14!.planned.gpuHours!, 9);
  });

  it('uses spent GPU-hours once a step ended, and says why a step has no estimate', () => {
    const ended = buildPlan({
      project: { ...project, gpuType: null, budgetGpuHours: 1000 },
      steps: [pilotStep('done', 0, { samplesSeen: 72e6, expectedTop1: 60 }), pilotStep('unknown', 1, { model: 'ViT-B-16', samplesSeen: 1e6 })],
      runs: [b32Run('done-run', 'done', { status: 'finished', displayStatus: 'finished', value: 59.7, wallSeconds: 3600 })],
      profiles,
    });
    const [done, unknown] = ended.steps;
    expect(done).toMatchObject({ status: 'reproduced', verdict: 'reproduced', gap: -0.3, bestRunKey: 'done-run' });
    expect(done!.forecastGpuHours).toBe(8);
    expect(unknown!.planned).toMatchObject({ gpuHours: null, unavailable: 'no throughput: no run of this model logged one, none is entered for the step, and the project has no known GPU type' });
    expect(ended.totals.stepsWithoutEstimate).toBe(1);
    expect(ended.budget.verdict).toBe('incomplete');
  });
});
