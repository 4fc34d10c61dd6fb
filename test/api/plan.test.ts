import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import { createSignedInUser } from '../sessions';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as planRoute from '@/app/api/v1/projects/[project]/plan/route';
import * as stepsRoute from '@/app/api/v1/projects/[project]/plan/steps/route';
import * as stepRoute from '@/app/api/v1/projects/[project]/plan/steps/[step]/route';
import * as stepRunRoute from '@/app/api/v1/projects/[project]/plan/steps/[step]/runs/[run]/route';
import * as orderRoute from '@/app/api/v1/projects/[project]/plan/order/route';
import * as estimateRoute from '@/app/api/v1/projects/[project]/plan/estimate/route';
import type { Db } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/db/papers';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { planEstimateSchema, planSchema, planStepResponseSchema } from '@/lib/schemas/plan';
import { projectSchema } from '@/lib/schemas/project';

let db: Db;
let key: string;
let projectId: string;
const project = 'plan';
const params = { project };
/** The run's last point is 10 s old, so it is live and its ETA counts from then. */
const T0 = Date.now() - 200_000;

beforeAll(async () => {
  db = useFreshDatabase().db;
  await seedReferenceData(db);
  const created = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Plan', slug: project } });
  expect(created.status).toBe(201);
  key = created.body.apiKey.key;
  projectId = created.body.project.id;
});

async function getPlan() {
  const response = await callRoute(planRoute.GET, 'GET', { params });
  expect(response.status).toBe(200);
  return planSchema.parse(response.body);
}

function expectBadRequest(response: { status: number; body: unknown }, message: string) {
  expect(response.status).toBe(400);
  expect(apiErrorBodySchema.parse(response.body).error.message).toBe(message);
}

describe('project hardware and budget (PATCH /projects/{project})', () => {
  it('stores the GPU type, count and budgets, and clears them with null', async () => {
    const response = await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { gpuType: 'A100', gpuCount: 8, budgetGpuHours: 100, budgetUsd: 20_000 } });
    expect(response.status).toBe(200);
    expect(projectSchema.parse(response.body.project)).toMatchObject({ gpuType: 'A100', gpuCount: 8, budgetGpuHours: 100, budgetUsd: 20_000 });
    expect((await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { budgetUsd: null } })).body.project.budgetUsd).toBeNull();
    expect(await db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ gpuType: 'A100', gpuCount: 8, budgetGpuHours: 100, budgetUsd: null });
  });

  it('names the field it refuses', async () => {
    expectBadRequest(await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { gpuCount: 0 } }), 'body.gpuCount: Too small: expected number to be >=1');
    expectBadRequest(await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { gpuCount: 2.5 } }), 'body.gpuCount: gpuCount must be a whole number of GPUs');
    expectBadRequest(await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { budgetGpuHours: -5 } }), 'body.budgetGpuHours: budgetGpuHours must be positive; send null for no budget');
    expectBadRequest(await callRoute(projectRoute.PATCH, 'PATCH', { params, json: { gpuType: ' ' } }), 'body.gpuType: gpuType must not be empty; send null to clear it');
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).gpuCount).toBe(8);
  });
});

describe('plan steps', () => {
  let h14: string;
  let b32: string;

  it('adds a reported result as a step, estimated on the GPU type when no run measured the model', async () => {
    const response = await callRoute(stepsRoute.POST, 'POST', { params, json: { reportedResultKey: 'clipa-v2_H14_datacomp1b_70-224' } });
    expect(response.status).toBe(201);
    const { step } = planStepResponseSchema.parse(response.body);
    h14 = step.id;
    expect(step).toMatchObject({ position: 0, title: 'H/14 · datacomp1b 70-224', status: 'not_started', target: { kind: 'result', reportedTop1: 81.1, paperGpuHours: 5920 } });
    expect(step.planned.throughput?.source).toBe('gpu_type');
    // 1.834e12 training GFLOPs at 312 TFLOPS × 27.6 % ≈ the paper's own 5,920 A100-hours.
    expect(Math.abs(step.planned.gpuHours! / 5920 - 1)).toBeLessThan(0.001);
    expect(step.planned.wallHours).toBeCloseTo(step.planned.gpuHours! / 8, 9);
    expect(step.planned.costUsd).toBeCloseTo(step.planned.gpuHours! * 1.575, 9);
  });

  it('adds a pilot at a position, and refuses a step without a target, naming the field', async () => {
    const response = await callRoute(stepsRoute.POST, 'POST', {
      params,
      json: { title: 'B/32 pilot', model: 'ViT-B-32', samplesSeen: 72e6, expectedTop1: 60, position: 0 },
    });
    expect(response.status).toBe(201);
    b32 = response.body.step.id;
    const rows = await db.planStep.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
    expect(rows.map((row) => [row.id, row.position])).toEqual([
      [b32, 0],
      [h14, 1],
    ]);

    expectBadRequest(await callRoute(stepsRoute.POST, 'POST', { params, json: { samplesSeen: 1e6 } }), 'body.model: a pilot step needs a model (or target a reported result with reportedResultId)');
    expectBadRequest(await callRoute(stepsRoute.POST, 'POST', { params, json: { model: 'ViT-B-32', samplesSeen: -1 } }), 'body.samplesSeen: Too small: expected number to be >0');
    expectBadRequest(await callRoute(stepsRoute.POST, 'POST', { params, json: { reportedResultKey: 'no-such-result' } }), 'body.reportedResultKey: no reported result "no-such-result"');
    expectBadRequest(await callRoute(stepsRoute.POST, 'POST', { params, json: { reportedResultId: 'nope' } }), 'body.reportedResultId: no reported result "nope"');
    expect(await db.planStep.count({ where: { projectId } })).toBe(2);
  });

  it('links a run to a step, and plans the step from the throughput that run measured', async () => {
    const run = { project, run: 'b32-pilot' };
    expect((await callRoute(runRoute.PUT, 'PUT', { params: run, key, json: { name: 'B/32 pilot' } })).status).toBe(201);
    const paramsTxt = 'model: ViT-B-32\nworld_size: 8\ntrain_num_samples: 36000000\nepochs: 2\n';
    expect((await callRoute(paramsRoute.PUT, 'PUT', { params: run, key, text: paramsTxt })).status).toBe(200);
    // 8,000 samples every 10 s: 800 samples/s on 8 GPUs = 100 per GPU.
    const points = Array.from({ length: 20 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: 3, samplesSeen: (index + 1) * 8000, wallTime: T0 + index * 10_000 }));
    expect((await callRoute(metricsRoute.POST, 'POST', { params: run, key, json: { points } })).status).toBe(200);

    const linked = await callRoute(stepRunRoute.PUT, 'PUT', { params: { ...run, step: b32 } });
    expect(linked).toEqual({ status: 200, body: { stepId: b32, run: 'b32-pilot' } });
    expect((await db.run.findFirstOrThrow({ where: { key: 'b32-pilot' } })).planStepId).toBe(b32);

    const plan = await getPlan();
    const step = plan.steps[0]!;
    expect(step).toMatchObject({ id: b32, status: 'running', verdict: 'in_progress', runs: [{ key: 'b32-pilot', gpus: 8, displayStatus: 'running' }] });
    expect(step.planned.throughput).toMatchObject({ source: 'measured', runKeys: ['b32-pilot'] });
    // 72M samples ÷ 100 samples/s per GPU ÷ 3,600 = 200 GPU-h.
    expect(step.planned.gpuHours).toBeCloseTo(200, 6);
    // 190 s logged × 8 GPUs.
    expect(step.spent.gpuHours).toBeCloseTo((190 * 8) / 3600, 9);
    expect(step.spent.costUsd).toBeCloseTo(((190 * 8) / 3600) * 1.575, 9);
    // (72M − 160k) samples left at 800 samples/s, from the last point.
    expect(step.projectedFinish).toMatchObject({ runKey: 'b32-pilot', etaAt: new Date(T0 + 190_000 + 89_800_000).toISOString() });
    expect(step.projectedFinish!.remainingSeconds).toBeCloseTo(89_800, 6);

    expect(plan.totals.steps).toBe(2);
    expect(plan.totals.plannedGpuHours).toBeCloseTo(200 + plan.steps[1]!.planned.gpuHours!, 6);
    expect(plan.budget.verdict).toBe('over');
    expect(plan.budget.warnings[0]).toMatchObject({ code: 'plan_over_budget' });
  });

  it('refuses to link to an unknown step or run', async () => {
    const noStep = await callRoute(stepRunRoute.PUT, 'PUT', { params: { project, step: 'nope', run: 'b32-pilot' } });
    expect(noStep.status).toBe(404);
    expect(noStep.body.error.message).toBe('step: no step "nope" in the plan of project "plan"');
    expect((await callRoute(stepRunRoute.PUT, 'PUT', { params: { project, step: b32, run: 'nope' } })).status).toBe(404);
  });

  it('edits a step and keeps it targeted', async () => {
    const response = await callRoute(stepRoute.PATCH, 'PATCH', { params: { project, step: h14 }, json: { title: 'H/14 at $10k', assumedSamplesPerSecondPerGpu: 500, notes: 'from Table 4' } });
    expect(response.status).toBe(200);
    expect(response.body.step).toMatchObject({ title: 'H/14 at $10k', notes: 'from Table 4', planned: { throughput: { source: 'assumed', samplesPerSecondPerGpu: 500 } } });
    expectBadRequest(
      await callRoute(stepRoute.PATCH, 'PATCH', { params: { project, step: h14 }, json: { reportedResultId: null } }),
      'body.model: a pilot step needs a model (or target a reported result with reportedResultId)',
    );
    expect((await db.planStep.findUniqueOrThrow({ where: { id: h14 } })).reportedResultId).not.toBeNull();
    expect((await callRoute(stepRoute.PATCH, 'PATCH', { params: { project, step: 'nope' }, json: { title: 'x' } })).status).toBe(404);
  });

  it('reorders the steps, refusing a list that is not every step once', async () => {
    const response = await callRoute(orderRoute.PUT, 'PUT', { params, json: { stepIds: [h14, b32] } });
    expect(response.status).toBe(200);
    expect(planSchema.parse(response.body).steps.map((step) => step.id)).toEqual([h14, b32]);
    expect((await db.planStep.findMany({ where: { projectId }, orderBy: { position: 'asc' } })).map((row) => row.id)).toEqual([h14, b32]);
    expectBadRequest(await callRoute(orderRoute.PUT, 'PUT', { params, json: { stepIds: [h14] } }), "body.stepIds: list each of the plan's 2 steps exactly once");
    expectBadRequest(await callRoute(orderRoute.PUT, 'PUT', { params, json: { stepIds: [h14, 'x'] } }), 'body.stepIds: no step "x" in this plan');
  });

  it('estimates a step without saving it, with the budget as if it were added', async () => {
    const response = await callRoute(estimateRoute.POST, 'POST', { params, json: { reportedResultKey: 'clipa-v2_L14_datacomp1b_84-224' } });
    expect(response.status).toBe(200);
    const estimate = planEstimateSchema.parse(response.body);
    expect(estimate.step).toMatchObject({ id: 'estimate', status: 'not_started', target: { kind: 'result', resultKey: 'clipa-v2_L14_datacomp1b_84-224' } });
    expect(estimate.step.planned.gpuHours).toBeGreaterThan(0);
    expect(estimate.totals.steps).toBe(3);
    expect(estimate.budget.verdict).toBe('over');
    expect(await db.planStep.count({ where: { projectId } })).toBe(2);
    expectBadRequest(await callRoute(estimateRoute.POST, 'POST', { params, json: { model: 'ViT-B-32' } }), 'body.samplesSeen: a pilot step needs its samples seen (or target a reported result with reportedResultId)');
  });

  it('unlinks a run, and deleting a step keeps its runs', async () => {
    const unlinked = await callRoute(stepRunRoute.DELETE, 'DELETE', { params: { project, step: b32, run: 'b32-pilot' } });
    expect(unlinked).toEqual({ status: 200, body: { stepId: null, run: 'b32-pilot' } });
    expect((await db.run.findFirstOrThrow({ where: { key: 'b32-pilot' } })).planStepId).toBeNull();
    await callRoute(stepRunRoute.PUT, 'PUT', { params: { project, step: b32, run: 'b32-pilot' } });

    expect((await callRoute(stepRoute.DELETE, 'DELETE', { params: { project, step: h14 } })).status).toBe(204);
    expect((await db.planStep.findMany({ where: { projectId } })).map((row) => [row.id, row.position])).toEqual([[b32, 0]]);
    expect((await callRoute(stepRoute.DELETE, 'DELETE', { params: { project, step: b32 } })).status).toBe(204);
    expect(await db.run.findFirstOrThrow({ where: { key: 'b32-pilot' } })).toMatchObject({ planStepId: null });
    expect((await getPlan()).steps).toEqual([]);
  });
});

describe('plan access', () => {
  it('lets a viewer read the plan but not edit it, and an anonymous caller neither', async () => {
    const viewer = await createSignedInUser(db, { projects: [{ projectId, role: 'viewer' }] });
    expect((await callRoute(planRoute.GET, 'GET', { params, as: viewer })).status).toBe(200);
    expect((await callRoute(stepsRoute.POST, 'POST', { params, as: viewer, json: { model: 'ViT-B-32', samplesSeen: 1e6 } })).status).toBe(403);
    expect((await callRoute(projectRoute.PATCH, 'PATCH', { params, as: viewer, json: { budgetUsd: 1 } })).status).toBe(403);
    expect((await callRoute(planRoute.GET, 'GET', { params, as: 'anonymous' })).status).toBe(401);
    const member = await createSignedInUser(db, { projects: [{ projectId, role: 'member' }] });
    expect((await callRoute(stepsRoute.POST, 'POST', { params, as: member, json: { model: 'ViT-B-32', samplesSeen: 1e6 } })).status).toBe(201);
  });
});
