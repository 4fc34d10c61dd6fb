import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as runsRoute from '@/app/api/v1/projects/[project]/runs/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as diagnosticsRoute from '@/app/api/v1/projects/[project]/runs/[run]/diagnostics/route';
import * as linkRoute from '@/app/api/v1/projects/[project]/runs/[run]/link/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as scorecardRoute from '@/app/api/v1/projects/[project]/scorecard/route';
import type { Db } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/db/papers';
import { createProject } from '@/lib/db/projects';
import { refreshRunDiagnostics } from '@/lib/db/run-diagnostics';
import { settleDiagnosticsRefreshes } from '@/lib/db/run-diagnostics-schedule';
import { injectDataLoaderStall } from '@/lib/demo/data-loader-stall';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { DEFAULT_THRESHOLDS } from '@/lib/diagnostics/thresholds';
import { runDiagnosticsSchema } from '@/lib/schemas/diagnostics';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { projectSchema } from '@/lib/schemas/project';
import { runListSchema } from '@/lib/schemas/run';
import { scorecardSchema } from '@/lib/schemas/scorecard';

// Who may do what is requireProjectRole's job (test/api/access.test.ts); here it lets every caller
// through and records the role each route asks for.
const access = vi.hoisted(() => ({ calls: [] as { project: string; role: string }[] }));
vi.mock('@/lib/api/project-access', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/api/project-access')>();
  const { requireProject } = await import('@/lib/api/lookups');
  return {
    ...original,
    requireProjectRole: async (db: Db, _request: Request, project: string, role: string) => {
      access.calls.push({ project, role });
      return requireProject(db, project);
    },
  };
});

let db: Db;
let key: string;
const project = 'diagnostics';

const base: DemoRunSpec = {
  name: 'b16-stall', model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 512, stepsPerEpoch: 500, epochs: 4, logEveryNSteps: 10,
  lr: 5e-4, finalTop1: 0.6, perGpuSamplesPerSecond: 900, startMs: Date.UTC(2026, 10, 30, 8), seed: 5,
};
const STALL = { epoch: 1, fromPercent: 30, toPercent: 60, extraSeconds: 0.4 };

beforeAll(async () => {
  db = useFreshDatabase().db;
  await seedReferenceData(db);
  const created = await createProject(db, { name: 'Diagnostics', slug: project });
  key = created.apiKey.key;
});

beforeEach(() => {
  access.calls.length = 0;
});

async function createRun(run: string, fields: Record<string, unknown> = {}) {
  const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: fields });
  expect(response.status).toBe(201);
}

async function sendOutLog(run: string, outLog: string) {
  const response = await callRoute(outLogRoute.POST, 'POST', { params: { project, run }, key, query: { offset: 0 }, text: outLog });
  expect(response.status).toBe(200);
}

async function diagnosticsOf(run: string) {
  const response = await callRoute(diagnosticsRoute.GET, 'GET', { params: { project, run }, key });
  expect(response.status).toBe(200);
  return runDiagnosticsSchema.parse(response.body);
}

async function storedCodes(run: string) {
  const row = await db.run.findFirstOrThrow({ where: { key: run } });
  return (await db.runDiagnostic.findMany({ where: { runId: row.id }, orderBy: { code: 'asc' } })).map((diagnostic) => diagnostic.code);
}

async function listRuns() {
  const response = await callRoute(runsRoute.GET, 'GET', { params: { project }, key });
  expect(response.status).toBe(200);
  return runListSchema.parse(response.body).runs;
}

describe('diagnostics after ingest', () => {
  it('stores the diagnostics of an out.log with a data-loader stall once the background refresh ran', async () => {
    await createRun('b16-stall');
    await sendOutLog('b16-stall', injectDataLoaderStall(writeDemoRun(base).outLog, STALL));
    await settleDiagnosticsRefreshes();
    expect(await storedCodes('b16-stall')).toEqual(['data_bottleneck', 'throughput_drop']);
  });

  it('GET …/diagnostics answers the findings with evidence, a zoomed link, a suggestion and the thresholds', async () => {
    const body = await diagnosticsOf('b16-stall');
    expect(access.calls).toEqual([{ project, role: 'viewer' }]);
    expect(body.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(body.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['data_bottleneck', 'medium'],
      ['throughput_drop', 'medium'],
    ]);
    const [bottleneck] = body.diagnostics;
    expect(bottleneck).toMatchObject({
      evidence: { metric: 'train/data_time', fromStep: 650, toStep: 800 },
      evidenceUrl: `/projects/${project}/runs/b16-stall?from=650&to=800`,
    });
    expect(bottleneck!.summary).toMatch(/^Waiting for data took 4\d% of step time over steps 650–800 \(16 log lines\)/);
    expect(bottleneck!.suggestion).toMatch(/--workers/);
    expect(Date.parse(bottleneck!.firstSeenAt)).toBeGreaterThan(0);
  });

  it('GET …/diagnostics is 404 for an unknown run', async () => {
    const response = await callRoute(diagnosticsRoute.GET, 'GET', { params: { project, run: 'nope' }, key });
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(response.body).error.message).toMatch(/^run: no run "nope"/);
  });

  it('the runs list carries compact badges, most severe first', async () => {
    const runs = await listRuns();
    expect(runs.find((run) => run.key === 'b16-stall')?.diagnostics).toEqual([
      { code: 'data_bottleneck', severity: 'medium' },
      { code: 'throughput_drop', severity: 'medium' },
    ]);
  });

  it('reports a NaN loss sent as a JSON batch, and says which codes fired for the first time', async () => {
    await createRun('json-nan');
    const points = Array.from({ length: 12 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: index < 8 ? 6 - index * 0.2 : 'nan' }));
    expect((await callRoute(metricsRoute.POST, 'POST', { params: { project, run: 'json-nan' }, key, json: { points } })).status).toBe(200);
    await settleDiagnosticsRefreshes();
    const row = await db.run.findFirstOrThrow({ where: { key: 'json-nan' } });
    const before = await db.runDiagnostic.findUniqueOrThrow({ where: { runId_code: { runId: row.id, code: 'loss_non_finite' } } });
    expect(before).toMatchObject({ severity: 'high', summary: 'train/loss became NaN at step 90 (last finite value 4.6 at step 80); 4 non-finite values to the end of the log.' });
    const again = await refreshRunDiagnostics(db, row.id);
    expect(again.newlyFired).toEqual([]);
    expect(again.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['loss_non_finite']);
    // Unchanged findings are not rewritten: first seen and last changed stay.
    const after = await db.runDiagnostic.findUniqueOrThrow({ where: { runId_code: { runId: row.id, code: 'loss_non_finite' } } });
    expect(after.firstSeenAt).toEqual(before.firstSeenAt);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});

describe('config mismatch', () => {
  // params.txt and out.log as open_clip writes them: clipa_torch's H/14 i36_t8 recipe, but at 112 px.
  const clipa: DemoRunSpec = {
    name: 'h14-i64-t8', model: 'ViT-H-14-CL8-Syntax-GAP', gpus: 256, batchSizePerGpu: 256, stepsPerEpoch: 3900, epochs: 10,
    logEveryNSteps: 100, lr: 2.048e-3, finalTop1: 0.7, perGpuSamplesPerSecond: 120, startMs: Date.UTC(2026, 10, 30, 8), seed: 3, stopAtFraction: 0.03,
    params: { force_image_size: '112', lr_scheduler: 'cosine', warmup: '3200', precision: 'amp_bf16', train_num_samples: '256000000' },
  };
  const files = writeDemoRun(clipa);

  it('linking a real-format run to a CLIPA-v2 result with another image token length reports exactly that mismatch, at once', async () => {
    await createRun(clipa.name);
    expect((await callRoute(paramsRoute.PUT, 'PUT', { params: { project, run: clipa.name }, key, text: files.paramsTxt })).status).toBe(200);
    await sendOutLog(clipa.name, files.outLog);
    await settleDiagnosticsRefreshes();
    expect(await storedCodes(clipa.name)).toEqual([]);

    const linked = await callRoute(runRoute.PUT, 'PUT', { params: { project, run: clipa.name }, key, json: { reportedResultKey: 'clipa-v2_H14_laion400m_2.56B' } });
    expect(linked.status).toBe(200);
    // No settle: a link change is diagnosed before the response.
    const body = await diagnosticsOf(clipa.name);
    expect(body.diagnostics).toHaveLength(1);
    expect(body.diagnostics[0]).toMatchObject({ code: 'config_mismatch', severity: 'high', evidenceUrl: null });
    expect(body.diagnostics[0]!.evidence.mismatches).toEqual([
      {
        field: 'image_tokens',
        severity: 'high',
        run: '112 px (force_image_size) → 64 image tokens',
        reference: '36 image tokens at 84 px',
        referenceSource: 'CLIPA-v2 paper: CLIPA-v2 paper (arXiv 2306.15658; read from UCSC-VLAA/CLIPA@c826094:CLIPA_V2.pdf), Table 1 row 2',
      },
    ]);
  });

  it('shows the best run\'s diagnostics next to its gap in the scorecard', async () => {
    const value = { key: 'val/imagenet-zeroshot-val-top1', step: 1000, epoch: 0.26, value: 0.41 };
    expect((await callRoute(metricsRoute.POST, 'POST', { params: { project, run: clipa.name }, key, json: { points: [value] } })).status).toBe(200);
    expect((await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, key, json: { paperIds: ['clipa-v2'] } })).status).toBe(200);
    const response = await callRoute(scorecardRoute.GET, 'GET', { params: { project }, key });
    expect(response.status).toBe(200);
    const row = scorecardSchema.parse(response.body).rows.find((candidate) => candidate.result.key === 'clipa-v2_H14_laion400m_2.56B');
    expect(row?.bestRun).toMatchObject({ key: clipa.name, diagnostics: [{ code: 'config_mismatch', severity: 'high' }] });
  });

  it('unlinking removes the mismatch (PUT …/link), and linking again fires it anew', async () => {
    const params = { project, run: clipa.name };
    expect((await callRoute(linkRoute.PUT, 'PUT', { params, key, json: { reportedResultId: null } })).status).toBe(200);
    expect(await storedCodes(clipa.name)).toEqual([]);
    const result = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_H14_laion400m_2.56B', isPrimary: true } });
    expect((await callRoute(linkRoute.PUT, 'PUT', { params, key, json: { reportedResultId: result.id } })).status).toBe(200);
    expect(await storedCodes(clipa.name)).toEqual(['config_mismatch']);
  });
});

describe('stalled, judged when read', () => {
  it('a running run silent for longer than the project limit shows stalled, without a refresh', async () => {
    await createRun('silent', { status: 'running' });
    await db.run.updateMany({ where: { key: 'silent' }, data: { lastHeartbeatAt: new Date(Date.now() - 2 * 3_600_000) } });
    const body = await diagnosticsOf('silent');
    expect(body.diagnostics).toMatchObject([{ code: 'stalled', severity: 'medium', evidence: { values: { staleAfterSeconds: 900 } } }]);
    expect(await storedCodes('silent')).toEqual([]);
    expect((await listRuns()).find((run) => run.key === 'silent')?.diagnostics).toEqual([{ code: 'stalled', severity: 'medium' }]);

    await callRoute(runRoute.PUT, 'PUT', { params: { project, run: 'silent' }, key, json: { heartbeat: true } });
    expect((await diagnosticsOf('silent')).diagnostics).toEqual([]);
  });
});

describe('PATCH /projects/{project} diagnosticThresholds', () => {
  it('stores overrides (owner only), answers them, and re-diagnoses the project\'s runs', async () => {
    const response = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, key, json: { diagnosticThresholds: { dataBottleneckRatio: 0.9, throughputDropRatio: 0.9 } } });
    expect(response.status).toBe(200);
    expect(access.calls.map((call) => call.role)).toContain('owner');
    expect(projectSchema.parse(response.body.project).diagnosticThresholds).toEqual({ dataBottleneckRatio: 0.9, throughputDropRatio: 0.9 });
    await settleDiagnosticsRefreshes();
    expect(await storedCodes('b16-stall')).toEqual([]);
    expect((await diagnosticsOf('b16-stall')).thresholds).toMatchObject({ dataBottleneckRatio: 0.9, dataBottleneckMinPoints: 5 });
  });

  it('merges: null puts one threshold back to its default, the others stay', async () => {
    const response = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, key, json: { diagnosticThresholds: { dataBottleneckRatio: null } } });
    expect(response.body.project.diagnosticThresholds).toEqual({ throughputDropRatio: 0.9 });
    const row = await db.project.findUniqueOrThrow({ where: { slug: project } });
    expect(row.diagnosticThresholds).toEqual({ throughputDropRatio: 0.9 });
    await settleDiagnosticsRefreshes();
    expect(await storedCodes('b16-stall')).toEqual(['data_bottleneck']);
  });

  it('refuses an unknown threshold name with 400, naming it, and stores nothing', async () => {
    const response = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, key, json: { diagnosticThresholds: { dataBottleneck: 0.5 } } });
    expect(response.status).toBe(400);
    const { error } = apiErrorBodySchema.parse(response.body);
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^body\.diagnosticThresholds: unknown threshold "dataBottleneck"; known thresholds: dataBottleneckRatio, /);
    expect((await db.project.findUniqueOrThrow({ where: { slug: project } })).diagnosticThresholds).toEqual({ throughputDropRatio: 0.9 });
  });

  it('refuses a value out of range, naming the threshold', async () => {
    const response = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, key, json: { diagnosticThresholds: { dataBottleneckMinPoints: 0 } } });
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(response.body).error.message).toBe('body.diagnosticThresholds.dataBottleneckMinPoints: dataBottleneckMinPoints must be at least 2');
  });
});
