import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import { seriesListSchema } from '@/lib/schemas/metrics';
import type { Db } from '@/lib/db/client';

let db: Db;
let key: string;
const params = { project: 'batches', run: 'custom-trainer' };

beforeAll(async () => {
  db = useFreshDatabase().db;
  const created = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Batches', slug: 'batches' } });
  key = created.body.apiKey.key;
  await callRoute(runRoute.PUT, 'PUT', { params, key, json: {} });
});

async function storedPoints() {
  return db.metricPoint.findMany({ orderBy: [{ key: 'asc' }, { step: 'asc' }], select: { key: true, step: true, value: true, nonFinite: true, samplesSeen: true } });
}

describe('JSON metric batches', () => {
  it('stores a batch, and a re-sent batch replaces instead of duplicating', async () => {
    const points = [
      { key: 'train/loss', step: 10, value: 6.5, samplesSeen: 10240 },
      { key: 'train/loss', step: 20, value: 'nan', samplesSeen: 20480 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 20, value: 0.0561, epoch: 1 },
    ];
    const first = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ pointsWritten: 3 });
    await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } });
    expect(await storedPoints()).toEqual([
      { key: 'train/loss', step: 10, value: 6.5, nonFinite: null, samplesSeen: 10240 },
      { key: 'train/loss', step: 20, value: null, nonFinite: 'nan', samplesSeen: 20480 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 20, value: 0.0561, nonFinite: null, samplesSeen: null },
    ]);
    const run = await db.run.findFirstOrThrow();
    expect(run.latestTop1).toBe(0.0561);
    expect(run.samplesSeen).toBe(20480);
  });

  it('rejects a batch with one bad point as a whole, naming the point and field', async () => {
    const before = await storedPoints();
    const response = await callRoute(metricsRoute.POST, 'POST', {
      params,
      key,
      json: { points: [{ key: 'train/loss', step: 30, value: 5 }, { key: 'train/loss', step: -1, value: 5 }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^body\.points\.1\.step:/);
    expect(await storedPoints()).toEqual(before);
  });

  it('rejects a string value that is not a number, and an empty batch', async () => {
    const text = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [{ key: 'a', step: 1, value: 'high' }] } });
    expect(text.status).toBe(400);
    expect(text.body.error.issues[0].path).toBe('body.points.0.value');
    const empty = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [] } });
    expect(empty.body.error.message).toContain('points must not be empty');
  });

  it('refuses an oversize body with 413 before storing anything', async () => {
    const before = await storedPoints();
    const points = Array.from({ length: 70_000 }, (_, step) => ({ key: 'train/loss', step, value: 1.234567 }));
    const response = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect(await storedPoints()).toEqual(before);
  });

  it('answers 404 for an unknown run and 400 for a missing keys query', async () => {
    const unknown = await callRoute(metricsRoute.POST, 'POST', { params: { ...params, run: 'ghost' }, key, json: { points: [{ key: 'a', step: 1, value: 1 }] } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('"ghost"');
    const noKeys = await callRoute(metricsRoute.GET, 'GET', { params });
    expect(noKeys.status).toBe(400);
    expect(noKeys.body.error.message).toMatch(/^query\.keys:/);
  });

  it('serves series with non-finite values as gaps', async () => {
    const response = await callRoute(metricsRoute.GET, 'GET', { params, query: { keys: 'train/loss' } });
    const { series } = seriesListSchema.parse(response.body);
    expect(series[0]!.points.map((point) => [point.step, point.value, point.nonFinite])).toEqual([
      [10, 6.5, null],
      [20, null, 'nan'],
    ]);
  });
});
