/**
 * Regressions found by the ingest fuzz test (test/api/ingest-fuzz.test.ts): values that SQLite
 * stored but PostgreSQL refused mid-write, so the same request was a 200 on one database and a 500 on
 * the other. Each is now a clear 400 before anything is written, or a value left out, on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import { snapshotStoredData } from '../stored-data';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as clipBenchmarkRoute from '@/app/api/v1/projects/[project]/runs/[run]/clip-benchmark/route';
import { createProject } from '@/lib/db/projects';
import type { Db } from '@/lib/db/client';

let db: Db;
let key: string;
const project = 'unstorable';

beforeAll(async () => {
  db = useFreshDatabase().db;
  key = (await createProject(db, { name: 'Unstorable', slug: project })).apiKey.key;
});

async function createRun(run: string) {
  const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: {} });
  expect([200, 201]).toContain(response.status);
  return db.run.findFirstOrThrow({ where: { key: run } });
}

const prefix = '2024-03-05,14:01:00 | INFO | ';

describe('JSON bodies with text no database can store', () => {
  it.each([
    ['a NUL in the run name', '{"name": "a\\u0000b"}', 'body.name: contains a NUL character (\\u0000), which cannot be stored'],
    ['a NUL in a tag', '{"tags": ["ok", "a\\u0000"]}', 'body.tags.1: contains a NUL character (\\u0000), which cannot be stored'],
    ['an unpaired surrogate in the notes', '{"notes": "r\\udfffsumé"}', 'body.notes: contains an unpaired UTF-16 surrogate (not Unicode text), which cannot be stored'],
    ['an unpaired surrogate in a tag', '{"tags": ["\\ud800"]}', 'body.tags.0: contains an unpaired UTF-16 surrogate (not Unicode text), which cannot be stored'],
    ['a NUL in the reported result id', '{"reportedResultId": "x\\u0000"}', 'body.reportedResultId: contains a NUL character (\\u0000), which cannot be stored'],
  ])('refuses %s with 400, naming the field', async (_name, text, message) => {
    await createRun('texts');
    const before = await snapshotStoredData(db);
    const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run: 'texts' }, key, text, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await snapshotStoredData(db)).toBe(before);
  });

  it('still takes emoji and other astral characters (surrogate pairs)', async () => {
    const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run: 'texts' }, key, json: { name: 'ViT 🙂', tags: ['中文'] } });
    expect(response.status).toBe(200);
    expect(response.body.run).toMatchObject({ name: 'ViT 🙂', tags: ['中文'] });
  });
});

describe('numbers beyond the 32-bit integer columns', () => {
  it('refuses a metric step above 2147483647 with 400 and takes the largest one', async () => {
    await createRun('steps');
    const params = { project, run: 'steps' };
    const before = await snapshotStoredData(db);
    for (const step of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const response = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [{ key: 'train/loss', step, value: 1 }] } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('body.points.0.step: step must be at most 2147483647');
    }
    expect(await snapshotStoredData(db)).toBe(before);
    const largest = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [{ key: 'train/loss', step: 2 ** 31 - 1, value: 1 }] } });
    expect(largest.body).toEqual({ pointsWritten: 1 });
  });

  it('refuses a series range beyond 2147483647 with 400 naming the query field', async () => {
    for (const [field, query] of [['from', { from: 2 ** 31 }], ['to', { from: 0, to: 99_999_999_999 }]] as const) {
      const response = await callRoute(metricsRoute.GET, 'GET', { params: { project, run: 'steps' }, key, query: { keys: 'train/loss', ...query } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(`query.${field}: ${field} must be at most 2147483647`);
    }
  });

  it('leaves out batch sizes, GPU counts and epochs of params.txt that no Int column holds', async () => {
    const run = await createRun('huge-params');
    const text = 'batch_size: 99999999999999\nworld_size: 2147483648\nepochs: 3000000000\nmodel: ViT-B-32\n';
    const response = await callRoute(paramsRoute.PUT, 'PUT', { params: { project, run: 'huge-params' }, key, text });
    expect(response.status).toBe(200);
    const stored = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ model: 'ViT-B-32', batchSize: null, gpus: null, globalBatchSize: null, epochs: null });
    expect(stored.config).toMatchObject({ batch_size: '99999999999999', world_size: '2147483648' });
  });

  it('stores CLIP_benchmark results of a checkpoint named with an absurd epoch at a valid step', async () => {
    await createRun('clip');
    const body = { dataset: 'cifar10', task: 'zeroshot_classification', metrics: { acc1: 0.5 }, pretrained: '/ckpt/epoch_99999999999999.pt' };
    const response = await callRoute(clipBenchmarkRoute.POST, 'POST', { params: { project, run: 'clip' }, key, json: body });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ step: 0, epoch: null, epochFrom: 'none' });
  });
});

describe('out.log text no database can store', () => {
  it('keeps a Params block with NUL bytes and absurd numbers, storing NUL as U+FFFD and leaving the numbers out', async () => {
    const run = await createRun('nul-log');
    const log = [
      'Params:',
      '  model: ViT\u0000B-32',
      '  batch_size: 99999999999999',
      '  world_size: 2147483648',
      '  epochs: 32',
      'Start epoch 0',
    ].map((line) => `${prefix}${line}\n`).join('');
    const response = await callRoute(outLogRoute.POST, 'POST', { params: { project, run: 'nul-log' }, key, query: { offset: 0 }, text: log });
    expect(response.status).toBe(200);
    const stored = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ model: 'ViT\uFFFDB-32', batchSize: null, gpus: null, epochs: 32 });
    const cursor = await db.ingestCursor.findFirstOrThrow({ where: { runId: run.id } });
    expect(JSON.stringify(cursor.parserState)).not.toContain('\\u0000');
    expect(cursor.offset).toBe(Buffer.byteLength(log));
  });
});
