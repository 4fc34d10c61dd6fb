/**
 * kill -9 in the middle of ingesting, over and over: a route server process (the real handlers)
 * receives a large out.log in 64 KB chunks and, at the same time, a stream of JSON metric batches,
 * from a client that resumes where the server stands. The server is SIGKILLed at several delays
 * after each restart, mostly while a chunk's transaction is running. After each kill the database
 * must open cleanly (SQLite: integrity_check ok), the out.log cursor must sit on a chunk boundary
 * that was sent, with exactly the points of the complete lines before it and the rest of the line
 * pending, and every batch must be stored whole or not at all (and whole if it was acknowledged).
 * In the end the client's resume completes the data exactly.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReproboardClient, ReproboardApiError, type ReproboardClient } from '@/lib/client/reproboard-client';
import { createDb, type Db } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { createProject } from '@/lib/db/projects';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { freshDatabaseUrl } from '../fresh-database';
import { killHard, startRouteServer, waitFor, type Child } from './child-processes';

const project = 'crash-loop';
const run = 'b16-crashing';
const CHUNK_BYTES = 64 * 1024;
const BATCH_STEPS = 200;
const BATCHES = 40;
/**
 * When each kill lands, as a fraction of the average time a chunk has taken so far, after an out.log
 * chunk was sent to a warm server (one that has answered a chunk since its restart): spread over
 * reading the body, parsing, writing points and summaries, and committing, on a fast or a busy machine.
 */
const KILL_AT = [0.05, 0.3, 0.5, 0.7, 0.9];

// About 1.9 MB (30 chunks): 8,800 train lines, logged at every step.
const outLog = Buffer.from(
  writeDemoRun({
    name: run, model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 2200, epochs: 4, logEveryNSteps: 1,
    lr: 5e-4, finalTop1: 0.36, perGpuSamplesPerSecond: 500, startMs: Date.UTC(2024, 8, 1, 7), seed: 3,
  }).outLog,
);
/** Every chunk the client may send ends on one of these. */
const chunkEnds = new Set<number>();
for (let end = CHUNK_BYTES; end < outLog.length; end += CHUNK_BYTES) chunkEnds.add(end);
chunkEnds.add(outLog.length);

function batchPoints(batch: number) {
  return Array.from({ length: BATCH_STEPS }, (_, i) => batch * BATCH_STEPS + i).flatMap((step) => [
    { key: 'custom/grad-norm', step, value: Math.round(1e6 * (1 + Math.sin(step / 50))) / 1e6 },
    { key: 'custom/gpu-mem-gb', step, value: 30 + (step % 17) / 8 },
  ]);
}

interface InFlight {
  what: string;
  since: number;
}

/**
 * The client: sends out.log from the server's cursor in aligned chunks and the batches in order,
 * one request at a time each. When the server goes away it waits for it, reads the cursor again
 * and resends the batch whose answer it never saw.
 */
function startClient(client: ReproboardClient, server: string) {
  const state = { acknowledgedBatches: 0, answeredChunks: 0, chunkMs: 0, outLogDone: false, inFlight: new Map<string, InFlight>(), failure: null as unknown };
  const chunkSentListeners = new Set<() => void>();
  /** Resolves when the next out.log chunk request goes out. */
  const nextChunkSent = () => new Promise<void>((resolve) => chunkSentListeners.add(resolve));

  async function untilAnswered<T>(lane: string, what: string, request: () => Promise<T>): Promise<T> {
    for (;;) {
      state.inFlight.set(lane, { what, since: performance.now() });
      try {
        return await request();
      } catch (error) {
        if (error instanceof ReproboardApiError) throw error;
        // Refused or reset: the server is down. Wait for it like a watcher would.
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        state.inFlight.delete(lane);
      }
    }
  }

  async function serverCursor(): Promise<number> {
    const response = await untilAnswered('out.log', 'GET run', async () => {
      const answer = await fetch(`${server}/api/v1/projects/${project}/runs/${run}`, { headers: { authorization: `Bearer ${key}` } });
      if (!answer.ok) throw new ReproboardApiError(answer.status, 'unknown', await answer.text());
      return (await answer.json()) as { run: { cursors: { source: string; offset: number }[] } };
    });
    return response.run.cursors.find((cursor) => cursor.source === 'out.log')?.offset ?? 0;
  }

  async function sendOutLog() {
    let offset = await serverCursor();
    while (offset < outLog.length) {
      const end = Math.min(outLog.length, (Math.floor(offset / CHUNK_BYTES) + 1) * CHUNK_BYTES);
      const answer = await untilAnswered('out.log', `out.log [${offset}, ${end})`, async () => {
        const started = performance.now();
        const request = client.sendOutLogChunk(run, offset, outLog.subarray(offset, end));
        for (const listener of chunkSentListeners) listener();
        chunkSentListeners.clear();
        const result = await request;
        state.answeredChunks += 1;
        state.chunkMs += performance.now() - started;
        return result;
      }).catch(async (error: unknown) => {
        if (!(error instanceof ReproboardApiError) || error.code !== 'offset_gap') throw error;
        return null;
      });
      // After a restart the cursor decides: the chunk in flight may or may not have been stored.
      offset = answer ? answer.offset : await serverCursor();
    }
    state.outLogDone = true;
  }

  async function sendBatches() {
    for (let batch = 0; batch < BATCHES; batch++) {
      const points = batchPoints(batch);
      const answer = await untilAnswered('metrics', `batch ${batch}`, () => client.sendMetrics(run, points));
      expect(answer.pointsWritten).toBe(points.length);
      state.acknowledgedBatches = batch + 1;
    }
  }

  const done = Promise.all([sendOutLog(), sendBatches()]);
  // Awaited at the end; until then a failure stops the kill loop instead of surfacing as an unhandled rejection.
  done.catch((error: unknown) => (state.failure = error));
  return { state, done, nextChunkSent };
}

let databaseUrl: string;
let db: Db;
let key: string;
let server: Child & { url: string };

beforeAll(async () => {
  databaseUrl = freshDatabaseUrl();
  db = createDb(databaseUrl);
  key = (await createProject(db, { name: 'Crash loop', slug: project })).apiKey.key;
  server = await startRouteServer(0, databaseUrl);
  await createReproboardClient({ server: server.url, project, key }).upsertRun(run, {});
}, 60_000);

afterAll(async () => {
  await killHard(server);
  await db.$disconnect();
});

/**
 * SQLite: opens the file as the next process would and checks it. Reports the journal mode, and in
 * rollback-journal mode whether the kill left a hot journal (proof it landed inside a write transaction).
 */
function checkSqliteFile(): string {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.dialect !== 'sqlite') return 'PostgreSQL';
  const journal = `${target.filePath}-journal`;
  const hotJournal = existsSync(journal) && statSync(journal).size > 0;
  let file = new Database(target.filePath, { readonly: true, fileMustExist: true });
  try {
    file.pragma('schema_version');
  } catch {
    // Read-only cannot roll back a hot journal or rebuild a write-ahead log's index: open it as the restarted server will.
    file.close();
    file = new Database(target.filePath, { fileMustExist: true });
  }
  try {
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(file.pragma('foreign_key_check')).toEqual([]);
    const mode = String(file.pragma('journal_mode', { simple: true }));
    return mode === 'wal' ? 'WAL' : `${mode} journal${hotJournal ? ', hot: killed inside a write transaction' : ''}`;
  } finally {
    file.close();
  }
}

async function storedPoints() {
  const stored = await db.metricPoint.findMany({ where: { run: { key: run } }, select: { key: true, step: true, value: true } });
  return stored.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

function logPoints(text: string) {
  return parseOutLog(text)
    .points.map(({ key, step, value }) => ({ key, step, value: Number.isFinite(value) ? value : null }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

/** The state right after a kill: no partial chunk, no partial batch. */
async function checkConsistent(acknowledgedBatches: number) {
  const cursor = await db.ingestCursor.findFirst({ where: { run: { key: run }, source: 'out.log' } });
  const offset = cursor?.offset ?? 0;
  if (offset > 0) expect(chunkEnds.has(offset), `cursor at ${offset}, not a chunk boundary`).toBe(true);
  const complete = offset === 0 ? 0 : outLog.lastIndexOf(0x0a, offset - 1) + 1;
  expect(Buffer.from(cursor?.pending ?? '', 'base64').equals(outLog.subarray(complete, offset))).toBe(true);

  const stored = await storedPoints();
  expect(stored.filter((point) => !point.key.startsWith('custom/'))).toEqual(logPoints(outLog.subarray(0, complete).toString('utf8')));
  const custom = stored.filter((point) => point.key.startsWith('custom/'));
  const storedBatches = new Set(custom.map((point) => Math.floor(point.step / BATCH_STEPS)));
  const expected = [...storedBatches].sort((a, b) => a - b).flatMap(batchPoints);
  expect(custom).toEqual(expected.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step)));
  for (let batch = 0; batch < acknowledgedBatches; batch++) expect(storedBatches.has(batch), `acknowledged batch ${batch}`).toBe(true);
  return { offset, batches: storedBatches.size };
}

describe('kill -9 while ingesting', () => {
  it('never stores part of a chunk or batch, and the resume completes the data exactly', { timeout: 120_000 }, async () => {
    const port = Number(new URL(server.url).port);
    const client = startClient(createReproboardClient({ server: server.url, project, key }), server.url);
    const kills: string[] = [];
    let killedMidChunk = 0;
    for (const fraction of KILL_AT) {
      const answeredBefore = client.state.answeredChunks;
      await waitFor(
        () => {
          if (client.state.failure) throw client.state.failure;
          return client.state.answeredChunks > answeredBefore;
        },
        30_000,
        () => `no chunk answered after a restart:\n${server.output()}`,
      );
      await client.nextChunkSent();
      const delay = Math.round(fraction * (client.state.chunkMs / client.state.answeredChunks));
      await new Promise((resolve) => setTimeout(resolve, delay));
      const inFlight = client.state.inFlight.get('out.log');
      const batchInFlight = client.state.inFlight.get('metrics');
      const acknowledged = client.state.acknowledgedBatches;
      const killedAt = performance.now();
      await killHard(server);
      const journal = checkSqliteFile();
      const { offset, batches } = await checkConsistent(acknowledged);
      if (inFlight?.what.startsWith('out.log')) killedMidChunk += 1;
      const chunkEnd = Number(/, (\d+)\)/.exec(inFlight?.what ?? '')?.[1]);
      const outcome = offset === chunkEnd ? 'stored, answer lost' : 'not stored';
      kills.push(
        `kill ${delay} ms after a chunk was sent: ${inFlight ? `${inFlight.what} in flight for ${Math.round(killedAt - inFlight.since)} ms (${outcome})` : 'no out.log request in flight'}, ` +
          `${batchInFlight ? `${batchInFlight.what} in flight` : 'no batch in flight'}; cursor ${offset} of ${outLog.length}, ${batches} batches stored; ${journal}`,
      );
      expect(client.state.outLogDone, `out.log finished before the kill after ${delay} ms: make it larger`).toBe(false);
      const restarting = performance.now();
      server = await startRouteServer(port, databaseUrl);
      kills.push(`  restarted in ${Math.round(performance.now() - restarting)} ms`);
    }
    await client.done;
    const averageChunkMs = Math.round(client.state.chunkMs / client.state.answeredChunks);
    if (process.env.REPROBOARD_TEST_VERBOSE) console.log([...kills, `a chunk took ${averageChunkMs} ms on average`].join('\n'));
    // Most kills must land while a chunk is being stored, or the test proves little.
    expect(killedMidChunk, kills.join('\n')).toBeGreaterThanOrEqual(KILL_AT.length - 1);

    const stored = await storedPoints();
    const expected = [...logPoints(outLog.toString('utf8')), ...Array.from({ length: BATCHES }, (_, batch) => batchPoints(batch)).flat()];
    expect(stored.length).toBe(expected.length);
    expect(stored).toEqual(expected.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step)));
    const cursor = await db.ingestCursor.findFirstOrThrow({ where: { run: { key: run }, source: 'out.log' } });
    expect(cursor).toMatchObject({ offset: outLog.length, pending: '', lineCount: parseOutLog(outLog.toString('utf8')).lineCount });
  });
});
