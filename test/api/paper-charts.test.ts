import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as paramsTxtRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as paperChartsRoute from '@/app/api/v1/projects/[project]/paper-charts/route';
import { accountReportedResult } from '@/lib/compute/accounting';
import { accountRun } from '@/lib/compute/run-stages';
import { TRAINING_GFLOPS_UNIT } from '@/lib/compute/units';
import type { Db } from '@/lib/db/client';
import { listReportedResults, seedReferenceData } from '@/lib/db/papers';
import { loadModelProfiles } from '@/lib/reference/load-reference';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { paperChartDataSchema } from '@/lib/schemas/paper-charts';
import { projectCreatedSchema } from '@/lib/schemas/project';

const H14_KEY = 'clipa-v2_H14_datacomp1b_84-224-336';
const PARAMS_TXT = ['model: ViT-H-14-CL8-SyntaxMask-GAP', 'force_image_size: [84]', 'force_patch_dropout: None', 'world_size: 8', 'batch_size: 256', ''].join('\n');
const PARAMS = { model: 'ViT-H-14-CL8-SyntaxMask-GAP', force_image_size: '[84]', force_patch_dropout: 'None', world_size: '8', batch_size: '256' };
const T0 = Date.UTC(2026, 0, 5, 8);
const HOUR = 3_600_000;
const profiles = loadModelProfiles();

let db: Db;
let slug: string;
let key: string;

beforeAll(async () => {
  db = useFreshDatabase().db;
  await seedReferenceData(db);
  const created = projectCreatedSchema.parse((await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Charts', slug: 'charts' } })).body);
  ({ slug } = created.project);
  key = created.apiKey.key;
  const patched = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project: slug }, json: { paperIds: ['clipa-v2'], gpuHourPriceUsd: 2 } });
  expect(patched.status).toBe(200);

  const h14 = { project: slug, run: 'h14-i36-t8' };
  expect((await callRoute(runRoute.PUT, 'PUT', { params: h14, key, json: { name: 'H/14 84px', reportedResultKey: H14_KEY } })).status).toBe(201);
  expect((await callRoute(paramsTxtRoute.PUT, 'PUT', { params: h14, key, text: PARAMS_TXT })).status).toBe(200);
  const points = [
    { key: 'train/loss', step: 10, value: 7.1, samplesSeen: 20_480, wallTime: T0 },
    { key: 'val/imagenet-zeroshot-val-top1', step: 1000, value: 0.7, samplesSeen: 1e9, wallTime: T0 + 10 * HOUR },
    { key: 'val/imagenet-zeroshot-val-top1', step: 2000, value: 0.745, samplesSeen: 2e9, wallTime: T0 + 20 * HOUR },
  ];
  expect((await callRoute(metricsRoute.POST, 'POST', { params: h14, key, json: { points } })).status).toBe(200);

  const bare = { project: slug, run: 'bare' };
  await callRoute(runRoute.PUT, 'PUT', { params: bare, key, json: {} });
  await callRoute(metricsRoute.POST, 'POST', {
    params: bare,
    key,
    json: {
      points: [
        { key: 'val/imagenet-zeroshot-val-top1', step: 5, value: 0.41, wallTime: T0 },
        { key: 'clip_benchmark/imagenet1k/acc1', step: 5, value: 0.42 },
      ],
    },
  });
}, 60_000);

async function getCharts(query: Record<string, string> = {}, project = slug) {
  return callRoute(paperChartsRoute.GET, 'GET', { params: { project }, query });
}

describe('GET /api/v1/projects/{project}/paper-charts', () => {
  it("defaults to the project's first target paper and gives its primary rows that report the metric, as printed", async () => {
    const response = await getCharts();
    expect(response.status).toBe(200);
    const data = paperChartDataSchema.parse(response.body);
    expect(data.paper).toMatchObject({ id: 'clipa-v2', shortName: 'CLIPA-v2' });
    expect(data.metric).toEqual({ name: 'zeroshot_in1k_top1', label: 'Zero-shot ImageNet-1k top-1', unit: '%' });
    expect(data.computeUnit).toBe(TRAINING_GFLOPS_UNIT);
    expect(data.gpuHourPriceUsd).toBe(2);

    const primaries = (await listReportedResults(db, { paperId: 'clipa-v2' })).filter((row) => row.isPrimary && row.metrics.zeroshot_in1k_top1 !== undefined);
    expect(data.paperPoints.map((point) => point.resultKey).sort()).toEqual(primaries.map((row) => row.resultKey).sort());
    expect(data.paperPoints.every((point) => point.isPrimary && point.paperId === 'clipa-v2')).toBe(true);

    const h14 = data.paperPoints.find((point) => point.resultKey === H14_KEY)!;
    const record = primaries.find((row) => row.resultKey === H14_KEY)!;
    expect(h14).toMatchObject({
      model: 'H/14',
      label: 'H/14 · DataComp-1B · 84-224-336',
      value: 81.8,
      resultType: 'main',
      samplesSeen: 13_440_000_000,
      imageResolution: 84,
      imageTokens: 36,
      textTokens: 8,
      paperGpuHours: 8640,
      paperCostUsd: 13613,
      computeNote: null,
      paperPrintedCompute: null,
    });
    expect(h14.source).toContain('Table 4');
    expect(h14.paperGpuHoursBasis).toMatch(/A100/);
    expect(h14.trainingGflops).toBe(accountReportedResult(record, profiles).ours!.totalGflops);
  });

  it("keeps the paper's own printed compute apart and says why our accounting is missing", async () => {
    const data = paperChartDataSchema.parse((await getCharts()).body);
    const table1 = data.paperPoints.find((point) => point.resultKey === 'clipa-v2_H14_laion2b_12.8B-128M')!;
    expect(table1.paperPrintedCompute).toMatchObject({ asPrinted: 4, conversion: 'clipaTable1ComputeToTrainingGflops', trainingGflops: 4e11 * 6 });
    const ablation = data.paperPoints.find((point) => point.resultKey === 'clipa-v2_H14_laion2b_ft-mask-random-25')!;
    expect(ablation.trainingGflops).toBeNull();
    expect(ablation.computeNote).toMatch(/fine-tuning sample count is not given/);
  });

  it('accounts each run: latest metric value in percent, compute from params.txt × samples, GPU-hours from wall time × GPUs', async () => {
    const data = paperChartDataSchema.parse((await getCharts()).body);
    const run = data.runPoints.find((point) => point.runKey === 'h14-i36-t8')!;
    const expected = accountRun({ params: PARAMS, samplesSeen: 2e9, wallSeconds: 20 * 3600, gpus: 8, pricePerGpuHour: 2 }, profiles);
    expect(run).toMatchObject({
      runName: 'H/14 84px',
      model: 'ViT-H-14-CL8-SyntaxMask-GAP',
      value: 74.5,
      valueKey: 'val/imagenet-zeroshot-val-top1',
      valueNote: null,
      samplesSeen: 2e9,
      gpus: 8,
      wallSeconds: 20 * 3600,
      gpuHours: 160,
      costUsd: 320,
      imageResolution: 84,
      imageTokens: 36,
      textTokens: 8,
      linkedResultKey: H14_KEY,
    });
    expect(run.trainingGflops).toBe(expected.compute!.totalGflops);
    expect(expected.gpuHours).toBe(160);
    expect(data.links).toEqual([{ runKey: 'h14-i36-t8', resultKey: H14_KEY }]);
  });

  it('says why a run has no compute, and lets a CLIP_benchmark value win a tie at the same step', async () => {
    const data = paperChartDataSchema.parse((await getCharts()).body);
    const bare = data.runPoints.find((point) => point.runKey === 'bare')!;
    expect(bare).toMatchObject({ value: 42, valueKey: 'clip_benchmark/imagenet1k/acc1', trainingGflops: null, gpuHours: null, costUsd: null, linkedResultKey: null });
    expect(bare.computeNote).toBe('no samples seen logged yet');
    expect(bare.gpuHoursNote).toBe('fewer than two timestamped points');
  });

  it('lists the metrics the paper reports and the published ImageNet law', async () => {
    const data = paperChartDataSchema.parse((await getCharts({ paper: 'clipa-v2', metric: 'zeroshot_in1k_top1' })).body);
    expect(data.availableMetrics.map((metric) => metric.name)).toContain('imagenet_v2_top1');
    expect(data.scalingLaws.map((law) => [law.modelFamily, law.a, law.alpha])).toEqual([
      ['OpenCLIP', 5.86, -0.11],
      ['OpenAI CLIP', 23.18, -0.16],
    ]);
    const retrieval = paperChartDataSchema.parse((await getCharts({ metric: 'coco_t2i_r1' })).body);
    expect(retrieval.scalingLaws).toEqual([]);
    expect(retrieval.runPoints.every((point) => point.value === null && point.valueNote === 'no coco_t2i_r1 points yet')).toBe(true);
  });

  it('answers 400 naming query.paper or query.metric when unknown, and 404 for an unknown project', async () => {
    const paper = await getCharts({ paper: 'no-such-paper' });
    expect(paper.status).toBe(400);
    expect(apiErrorBodySchema.parse(paper.body).error.message).toBe('query.paper: no paper "no-such-paper"');
    const metric = await getCharts({ metric: 'top5' });
    expect(metric.status).toBe(400);
    expect(metric.body.error.issues[0].path).toBe('query.metric');
    expect((await getCharts({}, 'nope')).status).toBe(404);
  });

  it('has no paper points when the project has no target paper and none is asked for', async () => {
    await callRoute(projectsRoute.POST, 'POST', { json: { name: 'No target', slug: 'no-target' } });
    const data = paperChartDataSchema.parse((await getCharts({}, 'no-target')).body);
    expect(data).toMatchObject({ paper: null, paperPoints: [], runPoints: [], links: [], availableMetrics: [] });
  });
});
