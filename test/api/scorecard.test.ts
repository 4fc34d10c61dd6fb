import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as clipBenchmarkRoute from '@/app/api/v1/projects/[project]/runs/[run]/clip-benchmark/route';
import * as linkRoute from '@/app/api/v1/projects/[project]/runs/[run]/link/route';
import * as scorecardRoute from '@/app/api/v1/projects/[project]/scorecard/route';
import { seedReferenceData } from '@/lib/db/papers';
import type { Db } from '@/lib/db/client';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { clipBenchmarkResultSchema, runLinkSchema, scorecardSchema, type ScorecardRow } from '@/lib/schemas/scorecard';

let db: Db;
let key: string;
const project = 'scorecard';
const T0 = Date.UTC(2026, 11, 1, 8);

beforeAll(async () => {
  db = useFreshDatabase().db;
  await seedReferenceData(db);
  const created = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Scorecard', slug: project } });
  key = created.body.apiKey.key;
  expect((await callRoute(projectRoute.PATCH, 'PATCH', { params: { project }, json: { paperIds: ['clipa-v2'] } })).status).toBe(200);

  await createRun('h14-dc-336', { reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336', status: 'finished' }, [top1(100, 1, 0.7), top1(200, 2, 0.815)]);
  await createRun('h14-dc-336-retry', { reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336' }, [top1(100, 1, 0.65)]);
  await createRun('h14-dc-224', { reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224', status: 'finished' }, [top1(100, 1, 0.807)]);
  await createRun('l14-dc-224', { reportedResultKey: 'clipa-v2_L14_datacomp1b_84-224', status: 'finished' }, [top1(100, 1, 0.781)]);
  await createRun('unlinked', {}, [top1(100, 1, 0.9)]);
  // A fine-tuning stage still training: 8,192 samples per second, planned 4 × 131,072,000 samples.
  await createRun('h14-dc-70', { reportedResultKey: 'clipa-v2_H14_datacomp1b_70-224' }, [
    ...Array.from({ length: 10 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: 5 - index * 0.1, samplesSeen: (index + 1) * 10 * 8192, wallTime: T0 + (index + 1) * 10_000 })),
    top1(100, 1, 0.6),
  ]);
  const params = { project, run: 'h14-dc-70' };
  expect((await callRoute(paramsRoute.PUT, 'PUT', { params, key, text: 'model: ViT-H-14-CL32-GAP\ntrain_num_samples: 131072000\nepochs: 4\n' })).status).toBe(200);
  // An ablation (shown only because a run links to it), evaluated with CLIP_benchmark only.
  await createRun('mask-random-25', { reportedResultKey: 'clipa-v2_H14_laion2b_ft-mask-random-25', status: 'finished' }, []);
  const upload = await postClipBenchmark('mask-random-25', clipBenchmarkLine('imagenet1k', { acc1: 0.785, acc5: 0.95 }));
  expect(upload.status).toBe(200);
});

function top1(step: number, epoch: number, value: number) {
  return { key: 'val/imagenet-zeroshot-val-top1', step, epoch, value };
}

async function createRun(run: string, fields: Record<string, unknown>, points: unknown[]) {
  const params = { project, run };
  expect((await callRoute(runRoute.PUT, 'PUT', { params, key, json: fields })).status).toBe(201);
  if (points.length > 0) expect((await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } })).status).toBe(200);
}

function clipBenchmarkLine(dataset: string, metrics: Record<string, number>, pretrained = '/logs/run/checkpoints/epoch_2.pt') {
  return JSON.stringify({ dataset, model: 'ViT-H-14-CL32-GAP', pretrained, task: 'zeroshot_classification', metrics, language: 'en' });
}

function postClipBenchmark(run: string, text: string, query: Record<string, string> = {}) {
  return callRoute(clipBenchmarkRoute.POST, 'POST', { params: { project, run }, key, text, query, headers: { 'content-type': 'application/json' } });
}

async function scorecard(metric?: string) {
  const response = await callRoute(scorecardRoute.GET, 'GET', { params: { project }, query: metric ? { metric } : {} });
  expect(response.status).toBe(200);
  return scorecardSchema.parse(response.body);
}

const rowOf = (rows: ScorecardRow[], resultKey: string) => rows.find((row) => row.result.key === resultKey);

describe('GET /projects/{project}/scorecard', () => {
  it('lists the target paper results with the best linked run, gap and verdict, and counts them', async () => {
    const card = await scorecard();
    expect(card.metric).toEqual({ name: 'zeroshot_in1k_top1', label: 'Zero-shot ImageNet-1k top-1', shortLabel: 'IN-1k' });
    expect(card.counts).toEqual({ reproduced: 2, close: 1, not_reproduced: 1, in_progress: 1, no_run: 13 });
    expect(card.rows).toHaveLength(18);
    expect(card.papers.map((paper) => paper.id)).toEqual(['clipa-v2']);
    expect(card.hiddenResults).toBe(0);
    expect(card.rows.map((row) => [row.result.key, row.result.reported, row.verdict, row.gap, row.bestRun?.key ?? null])).toEqual([
      ['clipa-v2_bigG14_datacomp1b_84-224-336', 83, 'no_run', null, null],
      ['clipa-v2_bigG14_datacomp1b_84-224', 82.7, 'no_run', null, null],
      ['clipa-v2_H14_datacomp1b_84-224-336', 81.8, 'reproduced', -0.3, 'h14-dc-336'],
      ['clipa-v2_H14_datacomp1b_84-224', 81.5, 'close', -0.8, 'h14-dc-224'],
      ['clipa-v2_H14_datacomp1b_70-224', 81.1, 'in_progress', -21.1, 'h14-dc-70'],
      ['clipa-v2_L14_datacomp1b_84-224-336', 80.3, 'no_run', null, null],
      ['clipa-v2_L14_datacomp1b_84-224', 79.7, 'not_reproduced', -1.6, 'l14-dc-224'],
      ['clipa-v2_H14_laion2b_84-224-336', 79.1, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_84-224', 78.6, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_12.8B-128M', 77.9, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_2.56B', 74.1, 'no_run', null, null],
      ['clipa-v2_H14_laion400m_2.56B', 72.8, 'no_run', null, null],
      ['clipa-v2_bigG14_datacomp1b_pretrain84', 78.5, 'no_run', null, null],
      ['clipa-v2_H14_datacomp1b_pretrain84', 75.6, 'no_run', null, null],
      ['clipa-v2_L14_datacomp1b_pretrain84', 72.7, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_pretrain84', 72.1, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_pretrain70', 70.1, 'no_run', null, null],
      ['clipa-v2_H14_laion2b_ft-mask-random-25', 78.2, 'reproduced', 0.3, 'mask-random-25'],
    ]);
  });

  it('keeps a finished reproduction over a running retry, and counts both runs', async () => {
    const row = rowOf((await scorecard()).rows, 'clipa-v2_H14_datacomp1b_84-224-336')!;
    expect(row).toMatchObject({ linkedRuns: 2, runningRuns: 1, progress: null, eta: null });
    expect(row.bestRun).toMatchObject({ key: 'h14-dc-336', status: 'finished', value: 81.5, valueKey: 'val/imagenet-zeroshot-val-top1', valueEpoch: 2 });
    expect(row.result).toMatchObject({ resultType: 'main', model: 'H/14', pretrainDataset: 'DataComp-1B', tolerancePp: 0.5, isTarget: true, fromPrimarySource: true });
    expect(row.result.schedule).toBe('12.8B@84 px, 8 text tokens + 640M fine-tuning');
  });

  it('shows an in-progress run with its samples seen against its plan and an ETA from its recent throughput', async () => {
    const row = rowOf((await scorecard()).rows, 'clipa-v2_H14_datacomp1b_70-224')!;
    expect(row.bestRun).toMatchObject({ status: 'running', displayStatus: 'running', value: 60, samplesSeen: 819_200, plannedSamples: 524_288_000 });
    expect(row.progress).toEqual({ samplesSeen: 819_200, targetSamples: 524_288_000, targetFrom: 'run-plan', fraction: 819_200 / 524_288_000 });
    const remainingSeconds = (524_288_000 - 819_200) / 8192;
    expect(row.eta).toEqual({
      samplesPerSecond: 8192,
      remainingSeconds,
      etaAt: new Date(T0 + 100_000 + remainingSeconds * 1000).toISOString(),
      measuredAt: new Date(T0 + 100_000).toISOString(),
    });
  });

  it('shows a linked ablation, judged on its CLIP_benchmark value', async () => {
    const row = rowOf((await scorecard()).rows, 'clipa-v2_H14_laion2b_ft-mask-random-25')!;
    expect(row.result).toMatchObject({ resultType: 'ablation', isTarget: false });
    expect(row.bestRun).toMatchObject({ value: 78.5, valueKey: 'clip_benchmark/imagenet1k/acc1' });
  });

  it('works for retrieval, taking the value from another source of the result when the primary lacks it', async () => {
    const upload = await postClipBenchmark(
      'h14-dc-336',
      JSON.stringify({ dataset: 'wds/mscoco_captions', task: 'zeroshot_retrieval', pretrained: '/logs/h14/checkpoints/epoch_2.pt', metrics: { 'image_retrieval_recall@1': 0.49, 'text_retrieval_recall@1': 0.665 } }),
    );
    expect(clipBenchmarkResultSchema.parse(upload.body)).toMatchObject({ step: 200, epoch: 2, epochFrom: 'checkpoint-name' });
    const card = await scorecard('coco_t2i_r1');
    // The running fine-tuning run has no retrieval value yet: in progress without a value.
    expect(card.counts).toEqual({ reproduced: 1, close: 0, not_reproduced: 0, in_progress: 1, no_run: 6 });
    expect(card.hiddenResults).toBe(1); // the linked ablation reports no retrieval
    expect(card.rows.map((row) => [row.result.key, row.result.reported, row.result.fromPrimarySource, row.verdict])).toEqual([
      ['clipa-v2_bigG14_datacomp1b_84-224-336', 50.42, false, 'no_run'],
      ['clipa-v2_H14_laion2b_84-224-336', 50.2, true, 'no_run'],
      ['clipa-v2_bigG14_datacomp1b_84-224', 49.96, false, 'no_run'],
      ['clipa-v2_H14_datacomp1b_84-224-336', 49.2, true, 'reproduced'],
      ['clipa-v2_H14_datacomp1b_70-224', 49.1, true, 'in_progress'],
      ['clipa-v2_H14_datacomp1b_84-224', 49.1, true, 'no_run'],
      ['clipa-v2_L14_datacomp1b_84-224-336', 47.2, true, 'no_run'],
      ['clipa-v2_L14_datacomp1b_84-224', 46.3, true, 'no_run'],
    ]);
    expect(rowOf(card.rows, 'clipa-v2_bigG14_datacomp1b_84-224')!.result.source).toContain('openclip_retrieval_results.csv');
  });

  it('gets the 38-dataset average from open_clip re-evaluations', async () => {
    const card = await scorecard('avg_38_datasets');
    expect(card.rows.map((row) => [row.result.key, row.result.reported])).toEqual([
      ['clipa-v2_bigG14_datacomp1b_84-224-336', 68.42],
      ['clipa-v2_bigG14_datacomp1b_84-224', 68.22],
      ['clipa-v2_H14_datacomp1b_84-224-336', 66.77],
      ['clipa-v2_H14_datacomp1b_84-224', 66.53],
      ['clipa-v2_L14_datacomp1b_84-224-336', 65.7],
      ['clipa-v2_L14_datacomp1b_84-224', 65.36],
      ['clipa-v2_H14_laion2b_84-224-336', 64.39],
    ]);
    expect(card.rows.every((row) => !row.result.fromPrimarySource && row.result.reportedBy === 'open_clip benchmark (re-evaluation)')).toBe(true);
  });

  it('answers 400 naming query.metric for an unknown metric, and 404 for an unknown project', async () => {
    const unknown = await callRoute(scorecardRoute.GET, 'GET', { params: { project }, query: { metric: 'top5' } });
    expect(unknown.status).toBe(400);
    expect(apiErrorBodySchema.parse(unknown.body).error.message).toMatch(/^query\.metric: unknown metric "top5"; use one of zeroshot_in1k_top1,/);
    expect((await callRoute(scorecardRoute.GET, 'GET', { params: { project: 'nope' } })).status).toBe(404);
  });

  it('is empty for a project without target papers or links', async () => {
    await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Empty', slug: 'empty' } });
    const response = await callRoute(scorecardRoute.GET, 'GET', { params: { project: 'empty' } });
    expect(scorecardSchema.parse(response.body)).toMatchObject({ paperIds: [], rows: [], counts: { reproduced: 0, close: 0, not_reproduced: 0, in_progress: 0, no_run: 0 } });
  });
});

describe('POST /projects/{project}/runs/{run}/clip-benchmark', () => {
  it('stores raw fractions at the step of the checkpoint epoch, and says which values are canonical', async () => {
    const response = await postClipBenchmark('h14-dc-336', `${clipBenchmarkLine('imagenetv2', { acc1: 0.751, acc5: 0.93 })}\n`, { epoch: '1' });
    expect(clipBenchmarkResultSchema.parse(response.body)).toEqual({
      pointsWritten: 2,
      records: 1,
      step: 100,
      epoch: 1,
      epochFrom: 'query',
      canonical: [{ key: 'clip_benchmark/imagenetv2/acc1', metric: 'imagenet_v2_top1', percent: 75.1 }],
      unmapped: ['clip_benchmark/imagenetv2/acc5'],
    });
    const stored = await db.metricPoint.findMany({ where: { key: { startsWith: 'clip_benchmark/imagenetv2/' } }, select: { key: true, step: true, epoch: true, value: true } });
    expect(stored).toEqual([
      { key: 'clip_benchmark/imagenetv2/acc1', step: 100, epoch: 1, value: 0.751 },
      { key: 'clip_benchmark/imagenetv2/acc5', step: 100, epoch: 1, value: 0.93 },
    ]);
  });

  it('rejects a bad record as a whole, naming the field, and needs the project key', async () => {
    const before = await db.metricPoint.count();
    const bad = await postClipBenchmark('h14-dc-336', `[${clipBenchmarkLine('objectnet', { acc1: 0.7 })}, {"dataset": "cars", "task": "zeroshot_classification", "metrics": {"acc1": "high"}}]`);
    expect(bad.status).toBe(400);
    expect(apiErrorBodySchema.parse(bad.body).error.message).toMatch(/^body\.1\.metrics\.acc1: /);
    const notJson = await postClipBenchmark('h14-dc-336', '{"dataset": "cars",\n"task"');
    expect(notJson.body.error.message).toMatch(/^body\.line 1: not valid JSON/);
    const badEpoch = await postClipBenchmark('h14-dc-336', clipBenchmarkLine('cars', { acc1: 0.5 }), { epoch: 'last' });
    expect(badEpoch.body.error.message).toMatch(/^query\.epoch: /);
    const anonymous = await callRoute(clipBenchmarkRoute.POST, 'POST', { params: { project, run: 'h14-dc-336' }, text: clipBenchmarkLine('cars', { acc1: 0.5 }), as: 'anonymous' });
    expect(anonymous.status).toBe(401);
    expect(await db.metricPoint.count()).toBe(before);
  });

  it('stores results of a run without points at the checkpoint epoch as the step', async () => {
    await createRun('released-checkpoint', {}, []);
    const response = await postClipBenchmark('released-checkpoint', clipBenchmarkLine('imagenet1k', { acc1: 0.8 }, '/ckpt/epoch_7.pt'));
    expect(clipBenchmarkResultSchema.parse(response.body)).toMatchObject({ step: 7, epoch: 7, epochFrom: 'checkpoint-name' });
  });
});

describe('GET and PUT /projects/{project}/runs/{run}/link', () => {
  it('suggests the result a CLIPA-v2 H/14 pre-training config clearly matches, with reasons', async () => {
    await createRun('h14-pretrain', {}, []);
    const params = { project, run: 'h14-pretrain' };
    const config = 'model: ViT-H-14-CL8-Syntax-GAP\ntrain_data: /data/datacomp1b/{00000..13999}.tar\ntrain_num_samples: 400000000\nepochs: 32\nforce_image_size: [84]\npretrained: \n';
    await callRoute(paramsRoute.PUT, 'PUT', { params, key, text: config });
    const link = runLinkSchema.parse((await callRoute(linkRoute.GET, 'GET', { params })).body);
    expect(link.current).toBeNull();
    expect(link.suggestions[0]).toMatchObject({ clear: true, result: { key: 'clipa-v2_H14_datacomp1b_pretrain84', paperId: 'clipa-v2', zeroshotTop1: 75.6 } });
    expect(link.suggestions.filter((suggestion) => suggestion.clear)).toHaveLength(1);
    expect(link.suggestions[0]!.reasons.map((reason) => reason.kind)).toEqual(['model', 'samples', 'image', 'text', 'dataset', 'stage']);
    expect(link.choices.every((choice) => choice.paperId === 'clipa-v2')).toBe(true);
    expect(link.choices.some((choice) => choice.resultType === 'ablation')).toBe(true);
  });

  it('links a run to a result and unlinks it, refusing unknown ids', async () => {
    const params = { project, run: 'h14-pretrain' };
    const target = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_H14_datacomp1b_pretrain84', isPrimary: true } });
    const linked = await callRoute(linkRoute.PUT, 'PUT', { params, json: { reportedResultId: target.id } });
    expect(linked.status).toBe(200);
    expect(runLinkSchema.parse(linked.body).current).toMatchObject({ id: target.id, key: 'clipa-v2_H14_datacomp1b_pretrain84' });
    expect(rowOf((await scorecard()).rows, 'clipa-v2_H14_datacomp1b_pretrain84')).toMatchObject({ linkedRuns: 1, runningRuns: 1, verdict: 'in_progress' });

    const unknown = await callRoute(linkRoute.PUT, 'PUT', { params, json: { reportedResultId: 'nope' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('body.reportedResultId: no reported result "nope"');
    const missing = await callRoute(linkRoute.PUT, 'PUT', { params, json: {} });
    expect(missing.body.error.message).toMatch(/^body\.reportedResultId: /);

    const unlinked = await callRoute(linkRoute.PUT, 'PUT', { params, json: { reportedResultId: null } });
    expect(runLinkSchema.parse(unlinked.body).current).toBeNull();
    expect((await db.run.findFirstOrThrow({ where: { key: 'h14-pretrain' } })).reportedResultId).toBeNull();
    expect((await callRoute(linkRoute.GET, 'GET', { params: { project, run: 'ghost' } })).status).toBe(404);
  });
});
