import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as runsRoute from '@/app/api/v1/projects/[project]/runs/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as paramsTxtRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as annotationsRoute from '@/app/api/v1/projects/[project]/runs/[run]/annotations/route';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { runAnnotationsResultSchema } from '@/lib/schemas/run-edit';
import { runListSchema, runUpsertResultSchema } from '@/lib/schemas/run';
import type { Db } from '@/lib/db/client';

let db: Db;
let key: string;
const project = 'explorer';

beforeAll(async () => {
  db = useFreshDatabase().db;
  const created = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Explorer', slug: project } });
  key = created.body.apiKey.key;
});

async function createRun(run: string, paramsTxt?: string) {
  const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: { tags: ['seed'] } });
  expect(response.status).toBe(201);
  if (paramsTxt) {
    const upload = await callRoute(paramsTxtRoute.PUT, 'PUT', { params: { project, run }, key, text: paramsTxt });
    expect(upload.status).toBe(200);
  }
}

async function sendPoints(run: string, points: { key: string; step: number; value: number | 'nan' }[]) {
  const response = await callRoute(metricsRoute.POST, 'POST', { params: { project, run }, key, json: { points } });
  expect(response.status).toBe(200);
}

async function listRuns() {
  const response = await callRoute(runsRoute.GET, 'GET', { params: { project } });
  expect(response.status).toBe(200);
  return runListSchema.parse(response.body).runs;
}

function patch(run: string, json: unknown) {
  return callRoute(annotationsRoute.PATCH, 'PATCH', { params: { project, run }, json });
}

describe('runs list: config and latest metrics', () => {
  it('gives each run its params.txt and the value at the highest step of every metric key', async () => {
    await createRun('b16', 'batch_size: 256\nmodel: ViT-B-16\nworld_size: 8\nlr: 0.0005\n');
    await createRun('h14', 'batch_size: 1024\nmodel: ViT-H-14\nworld_size: 64\n');
    await createRun('bare');
    // Sent out of step order: the latest is the highest step, not the last written.
    await sendPoints('b16', [
      { key: 'train/loss', step: 30, value: 1.23 },
      { key: 'train/loss', step: 10, value: 4.5 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 20, value: 0.63 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 10, value: 0.41 },
    ]);
    await sendPoints('h14', [
      { key: 'train/loss', step: 5, value: 2 },
      { key: 'train/loss', step: 6, value: 'nan' },
    ]);

    const runs = await listRuns();
    const byKey = new Map(runs.map((run) => [run.key, run]));
    expect(byKey.get('b16')!.config).toEqual({ batch_size: '256', model: 'ViT-B-16', world_size: '8', lr: '0.0005' });
    expect(byKey.get('b16')!.latestMetrics).toEqual({ 'train/loss': 1.23, 'val/imagenet-zeroshot-val-top1': 0.63 });
    expect(byKey.get('h14')!.latestMetrics).toEqual({ 'train/loss': null });
    expect(byKey.get('bare')).toMatchObject({ config: null, latestMetrics: {} });
    // The denormalised fields the table already showed are unchanged.
    expect(byKey.get('b16')).toMatchObject({ model: 'ViT-B-16', gpus: 8, latestTop1: 0.63 });
  });

  it('keeps another project’s points out of the list', async () => {
    const other = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Other', slug: 'other' } });
    const otherKey = other.body.apiKey.key as string;
    await callRoute(runRoute.PUT, 'PUT', { params: { project: 'other', run: 'b16' }, key: otherKey, json: {} });
    await callRoute(metricsRoute.POST, 'POST', {
      params: { project: 'other', run: 'b16' },
      key: otherKey,
      json: { points: [{ key: 'train/loss', step: 99, value: 9 }] },
    });
    const runs = await listRuns();
    expect(runs.find((run) => run.key === 'b16')!.latestMetrics!['train/loss']).toBe(1.23);
  });
});

describe('PATCH annotations', () => {
  it('replaces tags (trimmed, deduplicated) and notes, returning the summary the list shows', async () => {
    const response = await patch('b16', { tags: [' h14 ', 'pilot', 'h14', 'pilot '], notes: 'lr warmup too short' });
    expect(response.status).toBe(200);
    const { run } = runAnnotationsResultSchema.parse(response.body);
    expect(run).toMatchObject({ key: 'b16', tags: ['h14', 'pilot'], notes: 'lr warmup too short' });
    expect(run.latestMetrics).toEqual({ 'train/loss': 1.23, 'val/imagenet-zeroshot-val-top1': 0.63 });
    expect(run.config).toMatchObject({ model: 'ViT-B-16' });

    const listed = (await listRuns()).find((item) => item.key === 'b16')!;
    expect(listed).toMatchObject({ tags: ['h14', 'pilot'], notes: 'lr warmup too short' });
  });

  it('changes only the fields sent', async () => {
    const notesOnly = await patch('b16', { notes: '' });
    expect(notesOnly.body.run).toMatchObject({ tags: ['h14', 'pilot'], notes: '' });
    const tagsOnly = await patch('b16', { tags: [] });
    expect(tagsOnly.body.run).toMatchObject({ tags: [], notes: '' });
  });

  it('answers 400 naming the field for bad tags and notes, and stores nothing', async () => {
    const before = await db.run.findFirstOrThrow({ where: { key: 'h14' } });
    const cases: [unknown, RegExp][] = [
      [{ tags: ['ok', '   '] }, /^body\.tags\.1: a tag must not be empty/],
      [{ tags: ['x'.repeat(65)] }, /^body\.tags\.0: a tag is at most 64 characters/],
      [{ tags: Array.from({ length: 51 }, (_, index) => `t${index}`) }, /^body\.tags: at most 50 tags/],
      [{ tags: 'h14' }, /^body\.tags:/],
      [{ notes: 'n'.repeat(20_001) }, /^body\.notes: notes are at most 20000 characters/],
      [{ notes: 5 }, /^body\.notes:/],
      [{}, /^body: send tags, notes or both/],
      [{ tags: [], status: 'finished' }, /^body: Unrecognized key: "status"/],
    ];
    for (const [json, message] of cases) {
      const response = await patch('h14', json);
      expect(response.status, JSON.stringify(json).slice(0, 80)).toBe(400);
      expect(apiErrorBodySchema.parse(response.body).error.message).toMatch(message);
    }
    const after = await db.run.findFirstOrThrow({ where: { key: 'h14' } });
    expect({ tags: after.tags, notes: after.notes }).toEqual({ tags: before.tags, notes: before.notes });
  });

  it('accepts 50 tags once repeats are dropped', async () => {
    const tags = [...Array.from({ length: 50 }, (_, index) => `t${index}`), 't0', ' t1'];
    const response = await patch('h14', { tags });
    expect(response.status).toBe(200);
    expect(response.body.run.tags).toHaveLength(50);
  });

  it('answers 404 for an unknown run or project', async () => {
    const run = await patch('ghost', { notes: 'x' });
    expect(run.status).toBe(404);
    expect(run.body.error.message).toContain('"ghost"');
    const other = await callRoute(annotationsRoute.PATCH, 'PATCH', { params: { project: 'nope', run: 'b16' }, json: { notes: 'x' } });
    expect(other.status).toBe(404);
  });

  it('does not need an API key, and a later ingest PUT without tags keeps the edit', async () => {
    await patch('bare', { tags: ['keep'], notes: 'edited in the table' });
    const put = await callRoute(runRoute.PUT, 'PUT', { params: { project, run: 'bare' }, key, json: { status: 'finished' } });
    expect(runUpsertResultSchema.parse(put.body).run).toMatchObject({ tags: ['keep'], notes: 'edited in the table' });
  });
});
