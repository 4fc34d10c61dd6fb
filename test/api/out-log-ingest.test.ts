import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as resultsRoute from '@/app/api/v1/projects/[project]/runs/[run]/results-jsonl/route';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { logChunkResultSchema } from '@/lib/schemas/ingest';
import type { Db } from '@/lib/db/client';

let db: Db;
let key: string;
const project = 'ingest';

const spec: DemoRunSpec = {
  name: 'b16-ingest', model: 'ViT-B-16', gpus: 4, batchSizePerGpu: 256, stepsPerEpoch: 60, epochs: 2,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.3, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 2, 5, 14, 2, 0), seed: 5,
};
// Noise a real log carries, including multi-byte characters that a chunk boundary can split.
const noise = 'nohup: ignoring input\n/site-packages/x.py:48: FutureWarning: déprécié ✓ ünïcødé\n  warnings.warn(\n';
const files = writeDemoRun(spec);
const outLog = Buffer.from(files.outLog.replace('Start epoch 1\n', `Start epoch 1\n${noise}`));

beforeAll(async () => {
  db = useFreshDatabase().db;
  key = (await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Ingest', slug: project } })).body.apiKey.key;
});

async function createRun(run: string) {
  await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: {} });
  return (await db.run.findFirstOrThrow({ where: { key: run } })).id;
}

function send(run: string, offset: number, bytes: Buffer) {
  return callRoute(outLogRoute.POST, 'POST', { params: { project, run }, key, query: { offset }, text: bytes });
}

async function storedPoints(runId: string) {
  const rows = await db.metricPoint.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { step: 'asc' }] });
  return rows.map(({ key, step, epoch, samplesSeen, wallTime, value, nonFinite }) => ({ key, step, epoch, samplesSeen, wallTime, value, nonFinite }));
}

function expectedPoints() {
  return parseOutLog(outLog.toString('utf8'))
    .points.map((point) => ({
      key: point.key, step: point.step, epoch: point.epoch, samplesSeen: point.samplesSeen, wallTime: point.wallTime,
      value: Number.isFinite(point.value) ? point.value : null, nonFinite: Number.isFinite(point.value) ? null : 'nan',
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

describe('out.log ingestion in chunks', () => {
  it('stores exactly the points of the whole file despite overlaps, retries and split lines', async () => {
    const runId = await createRun('chunked');
    // Cut points chosen to land mid-line and inside the multi-byte characters of the noise lines.
    const multibyte = outLog.indexOf(Buffer.from('é')) + 1;
    const cuts = [0, 700, 701, multibyte, multibyte + 40, Math.floor(outLog.length / 2), outLog.length - 5, outLog.length].sort((a, b) => a - b);
    for (let i = 0; i < cuts.length - 1; i++) {
      const start = Math.max(0, cuts[i]! - 100); // overlap the previous chunk by up to 100 bytes
      const response = await send('chunked', start, outLog.subarray(start, cuts[i + 1]));
      expect(response.status).toBe(200);
      expect(logChunkResultSchema.parse(response.body).offset).toBe(cuts[i + 1]);
      if (i === 2) expect((await send('chunked', start, outLog.subarray(start, cuts[i + 1]))).body.skippedBytes).toBe(cuts[i + 1]! - start);
    }
    const stored = await storedPoints(runId);
    expect(stored).toEqual(expectedPoints());

    const trainLines = outLog.toString('utf8').split('\n').filter((line) => line.includes('Train Epoch:'));
    expect(stored.filter((point) => point.key === 'train/loss')).toHaveLength(trainLines.length);
    expect(stored.find((point) => point.key === 'train/loss' && point.step === 1)).toMatchObject({ samplesSeen: 1024, epoch: 1 / 60 });
    const evalLine = outLog.toString('utf8').split('\n').find((line) => line.includes('Eval Epoch: 2'))!;
    const top1 = Number(/imagenet-zeroshot-val-top1: ([\d.]+)/.exec(evalLine)![1]);
    expect(stored.find((point) => point.key === 'val/imagenet-zeroshot-val-top1' && point.step === 120)).toMatchObject({ value: top1, samplesSeen: 2 * 60 * 1024 });

    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ model: 'ViT-B-16', gpus: 4, batchSize: 256, globalBatchSize: 1024, samplesPerEpoch: 61440, epochs: 2, latestTop1: top1, samplesSeen: 122880 });
    const cursor = await db.ingestCursor.findFirstOrThrow({ where: { runId } });
    expect(cursor.offset).toBe(outLog.length);
    expect(cursor.pending).toBe('');
  });

  it('holds an unfinished last line until the next chunk completes it', async () => {
    const runId = await createRun('partial');
    const firstTrain = outLog.indexOf(Buffer.from('Train Epoch: 0'));
    const lineEnd = outLog.indexOf(0x0a, firstTrain) + 1;
    const first = logChunkResultSchema.parse((await send('partial', 0, outLog.subarray(0, lineEnd - 10))).body);
    expect(first.pendingBytes).toBeGreaterThan(0);
    expect(await db.metricPoint.count({ where: { runId } })).toBe(0);
    await send('partial', lineEnd - 10, outLog.subarray(lineEnd - 10, lineEnd));
    expect(await db.metricPoint.count({ where: { runId, key: 'train/loss' } })).toBe(1);
  });

  it('refuses a chunk that would leave a gap, with the offset to resume from, and changes nothing', async () => {
    const runId = await createRun('gap');
    await send('gap', 0, outLog.subarray(0, 1000));
    const before = await storedPoints(runId);
    const response = await send('gap', 2000, outLog.subarray(2000, 3000));
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'offset_gap', details: { expectedOffset: 1000 } });
    expect(await storedPoints(runId)).toEqual(before);
  });

  it('rejects a missing or negative offset naming the field, and an unknown run with 404', async () => {
    await createRun('bad-offset');
    const missing = await callRoute(outLogRoute.POST, 'POST', { params: { project, run: 'bad-offset' }, key, text: 'x\n' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^query\.offset:/);
    expect((await send('bad-offset', -5, Buffer.from('x\n'))).status).toBe(400);
    expect((await send('no-such-run', 0, Buffer.from('x\n'))).status).toBe(404);
  });

  it('refuses an oversize chunk with 413', async () => {
    await createRun('huge');
    const response = await send('huge', 0, Buffer.alloc(9 * 1024 * 1024, 0x41));
    expect(response.status).toBe(413);
    expect(await db.ingestCursor.count({ where: { run: { key: 'huge' } } })).toBe(0);
  });

  it('reads params.txt into the run config and results.jsonl into eval points at the right steps', async () => {
    const runId = await createRun('files');
    await send('files', 0, outLog);
    const params = await callRoute(paramsRoute.PUT, 'PUT', { params: { project, run: 'files' }, key, text: files.paramsTxt });
    expect(params.status).toBe(200);
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.config).toMatchObject({ model: 'ViT-B-16', batch_size: '256', world_size: '4', pretrained: '' });

    const results = await callRoute(resultsRoute.PUT, 'PUT', { params: { project, run: 'files' }, key, text: files.resultsJsonl });
    expect(results.body).toMatchObject({ rows: 2, unparsedCount: 0 });
    const fullPrecision = JSON.parse(files.resultsJsonl.split('\n')[1]!)['imagenet-zeroshot-val-top1'];
    const top1 = await db.metricPoint.findMany({ where: { runId, key: 'val/imagenet-zeroshot-val-top1' }, orderBy: { step: 'asc' } });
    expect(top1.map((point) => point.step)).toEqual([60, 120]);
    expect(top1[1]!.value).toBe(fullPrecision);
  });
});
