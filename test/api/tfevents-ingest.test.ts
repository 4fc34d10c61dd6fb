import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as tfeventsRoute from '@/app/api/v1/projects/[project]/runs/[run]/tfevents/[file]/route';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { parseTfeventsFolder } from '@/lib/ingest/tfevents/tfevents-folder';
import { parseTfeventsFile } from '@/lib/ingest/tfevents/tfevents-parser';
import { encodeEvent, FIXTURE, frameRecord, listRecordOffsets, readFixture, scalarRecord } from '@/lib/ingest/tfevents/tfevents-test-helpers';
import { tfeventsChunkResultSchema } from '@/lib/schemas/tfevents';
import type { Db } from '@/lib/db/client';

let db: Db;
let key: string;
const project = 'tensorboard';
const octetStream = { 'content-type': 'application/octet-stream' };

const hfTrain = { name: FIXTURE.hfTrain.split('__').at(-1)!, bytes: readFixture('hfTrain') };
const hfEval = { name: FIXTURE.hfEval.split('__').at(-1)!, bytes: readFixture('hfEval') };

beforeAll(async () => {
  db = useFreshDatabase().db;
  key = (await callRoute(projectsRoute.POST, 'POST', { json: { name: 'TensorBoard', slug: project } })).body.apiKey.key;
});

async function createRun(run: string) {
  await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: {} });
  return (await db.run.findFirstOrThrow({ where: { key: run } })).id;
}

function send(run: string, file: string, offset: number, bytes: Buffer, options: { key?: string; headers?: Record<string, string> } = {}) {
  return callRoute(tfeventsRoute.POST, 'POST', {
    params: { project, run, file }, key: options.key ?? key, query: { offset }, text: bytes, headers: options.headers ?? octetStream,
  });
}

async function storedPoints(runId: string) {
  const rows = await db.metricPoint.findMany({ where: { runId }, orderBy: [{ key: 'asc' }, { step: 'asc' }] });
  return rows.map(({ key, step, epoch, samplesSeen, wallTime, value }) => ({ key, step, epoch, samplesSeen, wallTime, value }));
}

function asStored(points: MetricPointInput[]) {
  return [...points].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

describe('TensorBoard event file ingestion', () => {
  it('stores exactly the points of a real file sent in chunks with overlaps and a retry', async () => {
    const runId = await createRun('hf');
    const { name, bytes } = hfTrain;
    const cuts = [0, 1, 11, 12, 5000, 5001, 33333, 60000, bytes.length - 3, bytes.length];
    for (let index = 0; index < cuts.length - 1; index++) {
      const start = Math.max(0, cuts[index]! - 100); // overlap the previous chunk by up to 100 bytes
      const response = await send('hf', name, start, bytes.subarray(start, cuts[index + 1]));
      expect(response.status).toBe(200);
      const result = tfeventsChunkResultSchema.parse(response.body);
      expect(result.offset).toBe(cuts[index + 1]);
      expect(result.corruptRecords).toEqual([]);
      if (index === 4) {
        const retry = tfeventsChunkResultSchema.parse((await send('hf', name, start, bytes.subarray(start, cuts[index + 1]))).body);
        expect(retry).toMatchObject({ skippedBytes: cuts[index + 1]! - start, pointsWritten: 0, offset: cuts[index + 1] });
      }
    }
    expect(await storedPoints(runId)).toEqual(asStored(parseTfeventsFile(bytes).points));
    const cursor = await db.ingestCursor.findFirstOrThrow({ where: { runId } });
    expect(cursor).toMatchObject({ source: `tensorboard/${name}`, offset: bytes.length, pending: '', lineCount: 1729, unparsed: 0 });
  });

  it('holds an incomplete record until the next chunk completes it', async () => {
    const runId = await createRun('partial');
    const bytes = readFixture('tiny');
    const first = tfeventsChunkResultSchema.parse((await send('partial', 'events.out.tfevents.1687811641.v2', 0, bytes.subarray(0, 60))).body);
    expect(first).toMatchObject({ offset: 60, pendingBytes: 60 - 40, recordsRead: 1, pointsWritten: 0 });
    const second = tfeventsChunkResultSchema.parse((await send('partial', 'events.out.tfevents.1687811641.v2', 60, bytes.subarray(60))).body);
    expect(second).toMatchObject({ offset: 94, pendingBytes: 0, recordsRead: 1, pointsWritten: 1 });
    expect(await storedPoints(runId)).toEqual([{ key: 'hello', step: 0, epoch: null, samplesSeen: null, wallTime: 1687811641000, value: 1 }]);
  });

  it('follows each file of a run folder with its own cursor and merges their points', async () => {
    const runId = await createRun('folder');
    for (const file of [hfTrain, hfEval]) expect((await send('folder', file.name, 0, file.bytes)).status).toBe(200);
    expect(await storedPoints(runId)).toEqual(asStored(parseTfeventsFolder([hfTrain, hfEval]).points));
    const cursors = await db.ingestCursor.findMany({ where: { runId }, orderBy: { source: 'asc' } });
    expect(cursors.map((cursor) => [cursor.source, cursor.offset])).toEqual([
      [`tensorboard/${hfTrain.name}`, hfTrain.bytes.length],
      [`tensorboard/${hfEval.name}`, hfEval.bytes.length],
    ]);
  });

  it('reports a corrupt record with its offset and imports all the others', async () => {
    const runId = await createRun('corrupt');
    const bytes = readFixture('strict');
    const offsets = listRecordOffsets(bytes);
    const damaged = Buffer.from(bytes);
    damaged[offsets[40]! + 20] ^= 0xff;
    const result = tfeventsChunkResultSchema.parse((await send('corrupt', 'events.out.tfevents.1622543341.janoshs-mbp.lan.86862.0', 0, damaged)).body);
    expect(result).toMatchObject({ corruptCount: 1, corruptRecords: [{ offset: offsets[40], reason: expect.stringMatching(/data CRC mismatch/) }], recordsRead: 100, pointsWritten: 99 });
    const expected = parseTfeventsFile(bytes).points.filter((point) => point.step !== 39 * 5);
    expect(await storedPoints(runId)).toEqual(asStored(expected));
    expect((await db.ingestCursor.findFirstOrThrow({ where: { runId } })).unparsed).toBe(1);
  });

  it('puts an OpenCLIP run\'s TensorBoard points on the same keys and steps as its out.log', async () => {
    const runId = await createRun('openclip');
    const files = writeDemoRun({
      name: 'b16-tb', model: 'ViT-B-16', gpus: 4, batchSizePerGpu: 256, stepsPerEpoch: 60, epochs: 2,
      logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.3, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 2, 5, 14, 2, 0), seed: 5,
    });
    await callRoute(paramsRoute.PUT, 'PUT', { params: { project, run: 'openclip' }, key, text: files.paramsTxt });
    await callRoute(outLogRoute.POST, 'POST', { params: { project, run: 'openclip' }, key, query: { offset: 0 }, text: Buffer.from(files.outLog) });
    const fromOutLog = await storedPoints(runId);

    // What OpenCLIP's SummaryWriter writes for the same run: train tags at step index E·S + i, val tags at epoch E.
    const oldTags: Record<string, string> = { 'train/logit_scale': 'train/scale', 'train/samples_per_second': 'train/samples_per_scond' };
    const events = parseOutLog(files.outLog).points.map((point) =>
      point.key.startsWith('val/')
        ? scalarRecord(point.key, point.epoch!, point.value)
        : scalarRecord(oldTags[point.key] ?? point.key, point.step - 1, point.value),
    );
    const tfevents = Buffer.concat([
      frameRecord(encodeEvent({ wallTime: 1709647331, fileVersion: 'brain.Event:2' })),
      ...events,
      scalarRecord('val/epoch', 2, 2),
      scalarRecord('val/num_samples', 2, 10000),
    ]);
    const result = tfeventsChunkResultSchema.parse((await send('openclip', 'events.out.tfevents.1709647331.node1.4242.0', 0, tfevents)).body);
    expect(result).toMatchObject({ skippedValues: 2, corruptCount: 0 });

    const merged = await storedPoints(runId);
    const placement = (points: typeof merged) => points.map(({ key, step, epoch, samplesSeen }) => ({ key, step, epoch, samplesSeen }));
    expect(placement(merged)).toEqual(placement(fromOutLog));
    // The values now come from TensorBoard: float32, where out.log printed rounded decimals.
    const loss = merged.find((point) => point.key === 'train/loss' && point.step === 1)!;
    expect(loss.value).toBe(Math.fround(fromOutLog.find((point) => point.key === 'train/loss' && point.step === 1)!.value!));
  });

  it('rejects a bad file name naming path.file, a gap with 409, no key with 401 and a text body with 415', async () => {
    const runId = await createRun('errors');
    const bytes = readFixture('tiny');
    for (const file of ['out.log', 'events.out.tfevents.1/../x', 'tfevents']) {
      const response = await send('errors', file, 0, bytes);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^path\.file:/);
    }

    await send('errors', 'events.out.tfevents', 0, bytes.subarray(0, 40));
    const gap = await send('errors', 'events.out.tfevents', 60, bytes.subarray(60));
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'offset_gap', details: { expectedOffset: 40 } });
    const other = await send('errors', 'events.out.tfevents.2', 10, bytes.subarray(10));
    expect(other.body.error).toMatchObject({ code: 'offset_gap', details: { expectedOffset: 0 } });

    const anonymous = await callRoute(tfeventsRoute.POST, 'POST', {
      params: { project, run: 'errors', file: 'events.out.tfevents' }, query: { offset: 40 }, text: bytes.subarray(40), headers: octetStream, as: 'anonymous',
    });
    expect(anonymous.status).toBe(401);
    expect((await send('errors', 'events.out.tfevents', 40, bytes.subarray(40), { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await send('errors', 'events.out.tfevents', 0, Buffer.alloc(9 * 1024 * 1024))).status).toBe(413);
    expect(await db.metricPoint.count({ where: { runId } })).toBe(0);
    expect((await db.ingestCursor.findMany({ where: { runId } })).map((cursor) => [cursor.source, cursor.offset])).toEqual([['tensorboard/events.out.tfevents', 40]]);
  });
});
