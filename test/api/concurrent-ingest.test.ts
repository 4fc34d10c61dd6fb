/**
 * Nothing lost, nothing duplicated under concurrency: 20 clients ingest into 20 runs while 5 more
 * ingest into one shared run, all at once. Each client interleaves out.log chunks (cut mostly
 * mid-line, each overlapping the previous one, sometimes sent ahead of the server's cursor) with
 * JSON metric batches whose steps overlap the previous batch's, and sometimes "loses" a response:
 * the request is applied but the client never sees the answer and sends it again. Afterwards every
 * run must hold exactly the union of what was sent, and every out.log cursor the whole file.
 *
 * In-process on purpose: `next start` serves every request from one Node process through one
 * Prisma client (on SQLite one better-sqlite3 connection behind the adapter's transaction mutex, on
 * PostgreSQL a pg pool), and callRoute runs the same handlers through the same getDb(). Requests
 * interleave at every await (each query is one), which is where a race between requests lives; a
 * child server would add HTTP parsing but no new interleaving. Two processes on one PostgreSQL
 * database are covered by test/api/postgres-two-processes.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute, type CallResult } from '../route-caller';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import { seededRandom } from '@/lib/demo/seeded-random';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { logChunkResultSchema } from '@/lib/schemas/ingest';
import type { MetricPointBody } from '@/lib/schemas/metrics';
import { createApiKey } from '@/lib/db/api-keys';
import type { Db } from '@/lib/db/client';
import { createProject } from '@/lib/db/projects';

const project = 'concurrent';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/openclip');
/** Real-format logs with resumed (re-logged) steps, noise, tqdm `\r` updates and NaN/inf losses. */
const FIXTURE_LOGS = ['classic-multi-gpu-resumed.out.log', 'noise-and-junk.out.log', 'nan-inf.out.log', 'main-ema.out.log'];

interface StoredPoint {
  key: string;
  step: number;
  value: number | null;
  nonFinite: string | null;
}

interface Client {
  key: string;
  run: string;
  random: () => number;
}

/** What the clients saw, so the test can show it exercised every path. */
const stats = { requests: 0, lostResponses: 0, gaps: 0, skipped: 0, sentAhead: 0 };

let db: Db;
let projectId: string;
let referenceKey: string;

function outLogFor(index: number): Buffer {
  if (index < FIXTURE_LOGS.length) return readFileSync(path.join(FIXTURES, FIXTURE_LOGS[index]!));
  const files = writeDemoRun({
    name: `run-${index}`, model: index % 2 ? 'ViT-B-32' : 'ViT-B-16', gpus: 8, batchSizePerGpu: 128 + 32 * (index % 3),
    stepsPerEpoch: 120 + 10 * index, epochs: 3, logEveryNSteps: 5, lr: 5e-4, finalTop1: 0.3 + index / 100,
    perGpuSamplesPerSecond: 450, startMs: Date.UTC(2024, 3, 1 + index, 9), seed: 100 + index,
    divergeAtFraction: index === 7 ? 0.8 : undefined,
  });
  return Buffer.from(files.outLog);
}

/** A value per (run, key, step), so overlapping batches resend the same point and the union is well defined. */
function batchValue(run: string, key: string, step: number): MetricPointBody['value'] {
  if (step % 97 === 13) return 'nan';
  return Math.round(1e6 * (run.length + Math.sin(step / 11 + key.length))) / 1e6;
}

function batchPoints(run: string, steps: number[]): MetricPointBody[] {
  return steps.flatMap((step) =>
    ['custom/grad-norm', 'custom/gpu-mem-gb'].map((key) => ({ key, step, value: batchValue(run, key, step), samplesSeen: step * 1024, wallTime: 1.7e12 + step * 1000 })),
  );
}

/** Chunks [start, end) covering the file: ends mostly mid-line, each start up to `overlap` bytes before the previous end. */
function planChunks(length: number, count: number, overlap: number, random: () => number) {
  const ends = new Set<number>([length]);
  while (ends.size < Math.min(count, length)) ends.add(1 + Math.floor(random() * (length - 1)));
  const sorted = [...ends].sort((a, b) => a - b);
  return sorted.map((end, index) => ({ start: Math.max(0, (sorted[index - 1] ?? 0) - Math.floor(random() * overlap)), end }));
}

/** Sends a request; now and then the response is "lost" and the client sends the same request again. */
async function sendWithLostResponses<T>(client: Client, send: () => Promise<CallResult<T>>): Promise<CallResult<T>> {
  stats.requests += 1;
  const first = await send();
  if (client.random() >= 0.2) return first;
  stats.lostResponses += 1;
  stats.requests += 1;
  return send();
}

async function sendChunk(client: Client, bytes: Buffer, start: number, end: number): Promise<void> {
  let offset = start;
  for (let attempt = 0; attempt < 500; attempt++) {
    const response = await sendWithLostResponses(client, () =>
      callRoute(outLogRoute.POST, 'POST', { params: { project, run: client.run }, key: client.key, query: { offset }, text: bytes.subarray(offset, end) }),
    );
    if (response.status === 200) {
      const result = logChunkResultSchema.parse(response.body);
      expect(result.offset).toBeGreaterThanOrEqual(end);
      if (result.skippedBytes > 0) stats.skipped += 1;
      return;
    }
    expect(response.status, JSON.stringify(response.body)).toBe(409);
    const expected = response.body.error.details.expectedOffset as number;
    expect(expected).toBeLessThan(offset);
    stats.gaps += 1;
    offset = expected;
  }
  throw new Error(`${client.run}: chunk [${start}, ${end}) refused 500 times`);
}

async function sendBatch(client: Client, points: MetricPointBody[]): Promise<void> {
  const response = await sendWithLostResponses(client, () => callRoute(metricsRoute.POST, 'POST', { params: { project, run: client.run }, key: client.key, json: { points } }));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body).toEqual({ pointsWritten: points.length });
}

/**
 * One client's session: create the run (idempotent PUT, itself retried), then alternate out.log
 * chunks and metric batches. Now and then a chunk is sent ahead of the one due, as a client that
 * lost track would: the server answers 409 with the offset to resume from (or skips, when another
 * client of the run is already further).
 */
async function runClient(client: Client, outLog: Buffer, chunkCount: number, batches: number[][]): Promise<void> {
  const created = await sendWithLostResponses(client, () => callRoute(runRoute.PUT, 'PUT', { params: { project, run: client.run }, key: client.key, json: {} }));
  expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
  const chunks = planChunks(outLog.length, chunkCount, 400, client.random);
  for (let index = 0; index < Math.max(chunks.length, batches.length); index++) {
    const chunk = chunks[index];
    const ahead = chunks[index + 2];
    if (ahead && client.random() < 0.15) {
      stats.sentAhead += 1;
      await sendChunk(client, outLog, ahead.start, ahead.end);
    }
    if (chunk) await sendChunk(client, outLog, chunk.start, chunk.end);
    const steps = batches[index];
    if (steps) await sendBatch(client, batchPoints(client.run, steps));
  }
}

/** Consecutive batches of `size` steps from `first` to `last`, each also resending the previous batch's last `overlap` steps. */
function overlappingBatches(first: number, last: number, size: number, overlap: number): number[][] {
  const batches: number[][] = [];
  for (let start = first; start <= last; start += size) {
    const from = Math.max(first, start - overlap);
    batches.push(Array.from({ length: Math.min(last, start + size - 1) - from + 1 }, (_, i) => from + i));
  }
  return batches;
}

function sortPoints(points: StoredPoint[]): StoredPoint[] {
  return points.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

function nonFiniteLabel(value: number): string | null {
  return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : null;
}

/** The union of what was sent to a run: the whole file's points and every batch step. */
function expectedPoints(run: string, outLog: Buffer, batchSteps: Iterable<number>): StoredPoint[] {
  const fromLog = parseOutLog(outLog.toString('utf8')).points.map(({ key, step, value }) => ({
    key, step, value: Number.isFinite(value) ? value : null, nonFinite: nonFiniteLabel(value),
  }));
  const fromBatches = batchPoints(run, [...new Set(batchSteps)]).map(({ key, step, value }) => ({
    key, step, value: typeof value === 'number' ? value : null, nonFinite: typeof value === 'string' ? value : null,
  }));
  return sortPoints([...fromLog, ...fromBatches]);
}

async function storedPoints(run: string): Promise<StoredPoint[]> {
  // Sorted here, not by the database: PostgreSQL's collation may order keys differently from JavaScript.
  return sortPoints(await db.metricPoint.findMany({ where: { run: { key: run } }, select: { key: true, step: true, value: true, nonFinite: true } }));
}

/** Every client has a key of its own, as every training machine would. */
async function newClient(name: string, run: string, seed: number): Promise<Client> {
  return { key: (await createApiKey(db, projectId, name)).key, run, random: seededRandom(seed) };
}

let referenceRuns = 0;

/** The line count of the file sent in one request to a run of its own: chunks, retries and races must not change it. */
async function lineCountOfWholeUpload(outLog: Buffer): Promise<number> {
  const params = { project: 'reference', run: `whole-${referenceRuns++}` };
  await callRoute(runRoute.PUT, 'PUT', { params, key: referenceKey, json: {} });
  const response = await callRoute(outLogRoute.POST, 'POST', { params, key: referenceKey, query: { offset: 0 }, text: outLog });
  return logChunkResultSchema.parse(response.body).linesParsed;
}

beforeAll(async () => {
  db = useFreshDatabase().db;
  // Projects and keys come from the repository: this file tests ingestion, not who may create them.
  projectId = (await createProject(db, { name: 'Concurrent ingest', slug: project })).project.id;
  referenceKey = (await createProject(db, { name: 'Whole uploads', slug: 'reference' })).apiKey.key;
});

describe('concurrent ingestion', () => {
  it('stores exactly the union of what 25 clients sent, with retries and overlaps', { timeout: 120_000 }, async () => {
    const solo = Array.from({ length: 20 }, (_, index) => ({ run: `solo-${String(index).padStart(2, '0')}`, outLog: outLogFor(index) }));
    const shared = { run: 'shared', outLog: outLogFor(20) };
    const soloClients = await Promise.all(solo.map(({ run }, index) => newClient(`client ${run}`, run, 1000 + index)));
    const sharedClients = await Promise.all(Array.from({ length: 5 }, (_, index) => newClient(`shared client ${index}`, shared.run, 2000 + index)));

    // Each solo client sends its whole file and steps 0–299; shared client c sends the whole file
    // (its own cuts) and steps around c×100, overlapping both neighbours' ranges.
    const soloBatches = overlappingBatches(0, 299, 25, 7);
    const sharedBatches = sharedClients.map((_, c) => overlappingBatches(Math.max(0, c * 100 - 30), c * 100 + 129, 20, 5));
    await Promise.all([
      ...soloClients.map((client, index) => runClient(client, solo[index]!.outLog, 12, soloBatches)),
      ...sharedClients.map((client, c) => runClient(client, shared.outLog, 15, sharedBatches[c]!)),
    ]);
    if (process.env.REPROBOARD_TEST_VERBOSE) console.log('concurrent ingest:', stats);
    expect(stats.lostResponses).toBeGreaterThan(20);
    expect(stats.gaps).toBeGreaterThan(5);
    expect(stats.skipped).toBeGreaterThan(20);

    const expectations = [
      ...solo.map(({ run, outLog }) => ({ run, outLog, steps: soloBatches.flat() })),
      { run: shared.run, outLog: shared.outLog, steps: sharedBatches.flat(2) },
    ];
    expect(await db.run.count({ where: { project: { slug: project } } })).toBe(expectations.length);
    for (const { run, outLog, steps } of expectations) {
      const expected = expectedPoints(run, outLog, steps);
      const stored = await storedPoints(run);
      expect(stored.length, run).toBe(expected.length);
      expect(stored, run).toEqual(expected);

      const detail = await callRoute(runRoute.GET, 'GET', { params: { project, run } });
      const cursor = detail.body.run.cursors.find((each: { source: string }) => each.source === 'out.log');
      expect(cursor, run).toMatchObject({ offset: outLog.length, pendingBytes: 0, lineCount: await lineCountOfWholeUpload(outLog) });
      // The run's denormalised progress keeps up with the points, whichever request came last.
      const { _max: highest } = await db.metricPoint.aggregate({ where: { run: { key: run } }, _max: { samplesSeen: true } });
      expect(detail.body.run.samplesSeen, run).toBe(highest.samplesSeen);
      // The summaries (which serve the run's key counts and full-range charts) count every point once.
      const counts = new Map<string, number>();
      for (const point of stored) counts.set(point.key, (counts.get(point.key) ?? 0) + 1);
      const metricKeys = [...(detail.body.run.metricKeys as { key: string; count: number }[])].sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(metricKeys, run).toEqual([...counts].map(([key, count]) => ({ key, count })));
    }
  });
});
