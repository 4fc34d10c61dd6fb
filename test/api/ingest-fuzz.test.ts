/**
 * Fuzzes the ingest API in-process: mutated real-format log lines (batched many per out.log chunk),
 * mutated params.txt / results.jsonl files, random tfevents bytes and structurally damaged JSON
 * bodies (metric batches, run PUTs, CLIP_benchmark results), plus requests built to be refused (offset
 * gaps, bad offsets, over the byte and line limits, 10 MB lines). Every answer must be below 500;
 * every refusal must carry the error shape with a message that names a field or the limit; a refused
 * request must leave the stored data byte-for-byte as it was; and whatever was accepted must be
 * stored consistently (finite values, or NULL with the non-finite kind).
 *
 * Replay a failure with the printed seed: REPROBOARD_FUZZ_SEED=<seed> npx vitest run <this file>.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialect, useFreshDatabase } from '../fresh-database';
import { callRoute, type CallResult } from '../route-caller';
import { snapshotStoredData } from '../stored-data';
import { createFuzzRandom, fuzzSeed, loadFixtureLines, mutateJsonBody, mutateLine, ODD_NUMBERS, type FuzzRandom } from '../fuzz-inputs';
import { mutatedFile, validClipBenchmark, validPoint, validRunBody } from '../fuzz-bodies';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as resultsRoute from '@/app/api/v1/projects/[project]/runs/[run]/results-jsonl/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as tfeventsRoute from '@/app/api/v1/projects/[project]/runs/[run]/tfevents/[file]/route';
import * as clipBenchmarkRoute from '@/app/api/v1/projects/[project]/runs/[run]/clip-benchmark/route';
import { createProject } from '@/lib/db/projects';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { fileUploadResultSchema, logChunkResultSchema } from '@/lib/schemas/ingest';
import type { Db } from '@/lib/db/client';

const seed = fuzzSeed();
const dialect = testDialect();
/**
 * The SQLite run throws over 100,000 inputs. PostgreSQL gets a quarter of the log lines (each query
 * crosses a socket) but most of the JSON bodies: its text and integer columns are the stricter ones.
 */
const lineScale = dialect === 'sqlite' ? 1 : 0.25;
const jsonScale = dialect === 'sqlite' ? 1 : 0.5;
const counts = {
  outLogLines: Math.round(85_000 * lineScale),
  fileUploads: Math.round(150 * lineScale),
  metricBatches: Math.round(450 * jsonScale),
  runPuts: Math.round(250 * jsonScale),
  clipBenchmarks: Math.round(120 * jsonScale),
  tfeventsChunks: Math.round(40 * jsonScale),
};

const project = 'fuzz';
const lines = loadFixtureLines();
let db: Db;
let key: string;
const thrown = { requests: 0, logLines: 0, fileLines: 0, jsonBodies: 0, binaryChunks: 0 };
const failures: string[] = [];
const timing = { started: performance.now(), snapshotMs: 0 };

type Handler = Parameters<typeof callRoute>[0];
interface Attempt {
  handler: Handler;
  method: string;
  params: Record<string, string>;
  query?: Record<string, string | number>;
  body: string | Buffer;
  contentType: string;
  /** Which run's rows to compare when the request is refused. */
  runId: string;
  /** A request that must be accepted: a refusal fails the test by itself, so no snapshot is taken. */
  mustAccept?: boolean;
  describe: string;
}

/** The last snapshot of a run, still valid while only refused requests touched it. */
const snapshots = new Map<string, string>();

/** Sends one request and checks the fuzz invariants; returns the response when it was accepted. */
async function attempt(request: Attempt): Promise<CallResult | null> {
  const before = request.mustAccept ? null : (snapshots.get(request.runId) ?? (await timedSnapshot(request.runId)));
  const response = await callRoute(request.handler, request.method, {
    params: request.params,
    query: request.query,
    key,
    text: request.body,
    headers: { 'content-type': request.contentType },
  });
  thrown.requests += 1;
  const fail = (why: string) => {
    const body = typeof request.body === 'string' ? request.body : request.body.toString('latin1');
    failures.push(`${why} — ${request.describe} ${JSON.stringify(request.query ?? {})} ${JSON.stringify(body.slice(0, 300))} → ${JSON.stringify(response.body).slice(0, 500)}`);
  };
  if (response.status >= 500) fail(`HTTP ${response.status}`);
  else if (request.mustAccept && response.status >= 400) fail(`HTTP ${response.status} for a request that must be accepted`);
  if (response.status < 400) {
    // Every snapshot holds the database-wide totals, so any accepted write outdates them all.
    snapshots.clear();
    return response;
  }
  const parsed = apiErrorBodySchema.safeParse(response.body);
  if (!parsed.success) {
    fail('refusal without the error shape');
    return null;
  }
  const { message, code } = parsed.data.error;
  if (!/^[\w.\- ]+: \S/.test(message) || message.includes('[object Object]')) fail(`unclear message "${message}"`);
  if (code === 'payload_too_large' && !/limit of \d+ .*\(REPROBOARD_[A-Z_]+\)/.test(message)) fail(`413 not naming its limit: "${message}"`);
  if (before === null) return null;
  const after = await timedSnapshot(request.runId);
  if (after !== before) fail(`HTTP ${response.status} changed the stored data`);
  snapshots.set(request.runId, after);
  return null;
}

async function timedSnapshot(runId: string): Promise<string> {
  const started = performance.now();
  const snapshot = await snapshotStoredData(db, { runId });
  timing.snapshotMs += performance.now() - started;
  return snapshot;
}

async function createRun(run: string): Promise<string> {
  const response = await callRoute(runRoute.PUT, 'PUT', { params: { project, run }, key, json: {} });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.run.id as string;
}

function expectNoFailures(): void {
  expect(failures.slice(0, 20), `seed ${seed}: ${failures.length} failures`).toEqual([]);
}

function withLimits<T>(limits: Record<string, number>, run: () => Promise<T>): Promise<T> {
  for (const [name, value] of Object.entries(limits)) process.env[name] = String(value);
  return run().finally(() => {
    for (const name of Object.keys(limits)) delete process.env[name];
  });
}

beforeAll(async () => {
  console.log(`ingest fuzz (${dialect}): seed ${seed}; replay with REPROBOARD_FUZZ_SEED=${seed}`);
  db = useFreshDatabase().db;
  key = (await createProject(db, { name: 'Fuzz', slug: project })).apiKey.key;
  // Thousands of requests a minute from one key: the rate limit has its own tests.
  process.env.REPROBOARD_RATE_LIMIT_PER_MINUTE = '100000000';
});

beforeEach(() => {
  failures.length = 0;
});

afterAll(() => {
  delete process.env.REPROBOARD_RATE_LIMIT_PER_MINUTE;
  console.log(
    `ingest fuzz (${dialect}): ${thrown.logLines} mutated out.log lines, ${thrown.fileLines} mutated params.txt/results.jsonl lines, ` +
      `${thrown.jsonBodies} JSON bodies and ${thrown.binaryChunks} binary chunks in ${thrown.requests} requests, ` +
      `${((performance.now() - timing.started) / 1000).toFixed(1)} s (${(timing.snapshotMs / 1000).toFixed(1)} s of it snapshots)`,
  );
});

/** One out.log chunk: consecutive fixture lines (so headers and Params blocks keep their context), each damaged. */
function mutatedChunk(rng: FuzzRandom, count: number): Buffer {
  const parts: Buffer[] = [];
  let file = rng.pick(lines.outLogFiles);
  let index = rng.int(file.length);
  for (let made = 0; made < count; made += 1) {
    if (index >= file.length) [file, index] = [rng.pick(lines.outLogFiles), 0];
    parts.push(mutateLine(rng, file[index++]!, lines.outLog), Buffer.from(rng.chance(0.9) ? '\n' : rng.pick(['\r\n', '\r'])));
  }
  return Buffer.concat(parts);
}

/** JSON requests against one run at a time, a fresh run every 50 requests so snapshots stay small. */
async function fuzzJson(
  rng: FuzzRandom,
  count: number,
  name: string,
  build: (rng: FuzzRandom) => unknown,
  send: (run: string, runId: string, body: string | Buffer, contentType: string) => Attempt,
): Promise<void> {
  let run = '';
  let runId = '';
  for (let index = 0; index < count; index += 1) {
    if (index % 50 === 0) {
      run = `${name}-${index / 50}`;
      runId = await createRun(run);
    }
    const contentType = rng.chance(0.95) ? 'application/json' : rng.pick(['text/plain', 'application/json; charset=latin1', '']);
    thrown.jsonBodies += 1;
    await attempt(send(run, runId, mutateJsonBody(rng, build(rng)), contentType));
  }
}

describe(`ingest API fuzz (seed ${seed})`, () => {
  it('metric batches: damaged JSON structure and values', { timeout: 120_000 }, async () => {
    const rng = createFuzzRandom(seed + 2);
    await fuzzJson(rng, counts.metricBatches, 'batch', (rng) => ({ points: Array.from({ length: 1 + rng.int(20) }, () => validPoint(rng)) }), (run, runId, body, contentType) => ({
      handler: metricsRoute.POST, method: 'POST', params: { project, run }, body, contentType, runId, describe: 'metric batch',
    }));
    // Over the points limit, with valid and with damaged points.
    const runId = await createRun('batch-limit');
    for (let index = 0; index < 4; index += 1) {
      const points = Array.from({ length: 20_001 }, (_, step) => ({ ...validPoint(rng), step }));
      thrown.jsonBodies += 1;
      await attempt({
        handler: metricsRoute.POST, method: 'POST', params: { project, run: 'batch-limit' }, runId, contentType: 'application/json', describe: 'oversize batch',
        body: index % 2 === 0 ? JSON.stringify({ points }) : mutateJsonBody(rng, { points }),
      });
    }
    expectNoFailures();
  });

  it('run PUT: damaged JSON bodies and run keys', { timeout: 120_000 }, async () => {
    const rng = createFuzzRandom(seed + 3);
    await fuzzJson(rng, counts.runPuts, 'put', validRunBody, (run, runId, body, contentType) => {
      // Sometimes a damaged run key in the path as well; a valid new key creates a run.
      const key = rng.chance(0.1) ? rng.pick(['', 'a\u0000b', 'x'.repeat(201), '../etc', 'ключ', `${run}\t`, `${run}-new-${rng.int(1e6)}`]) : run;
      return { handler: runRoute.PUT, method: 'PUT', params: { project, run: key }, body, contentType, runId, describe: `run PUT ${JSON.stringify(key)}` };
    });
    expectNoFailures();
  });

  it('CLIP_benchmark results: damaged JSON', { timeout: 120_000 }, async () => {
    const rng = createFuzzRandom(seed + 4);
    await fuzzJson(rng, counts.clipBenchmarks, 'clip', validClipBenchmark, (run, runId, body, contentType) => ({
      handler: clipBenchmarkRoute.POST, method: 'POST', params: { project, run }, body, contentType, runId, describe: 'CLIP_benchmark',
    }));
    expectNoFailures();
  });

  it('tfevents: random and damaged bytes', { timeout: 60_000 }, async () => {
    const rng = createFuzzRandom(seed + 5);
    const runId = await createRun('tfevents');
    const received = new Map<string, number>();
    for (let index = 0; index < counts.tfeventsChunks; index += 1) {
      const file = `events.out.tfevents.1709647331.host.${rng.int(3)}.0`;
      const bytes = Buffer.from(Array.from({ length: rng.int(4000) }, () => rng.int(256)));
      const offset = received.get(file) ?? 0;
      thrown.binaryChunks += 1;
      const accepted = await attempt({
        handler: tfeventsRoute.POST, method: 'POST', params: { project, run: 'tfevents', file }, query: { offset: rng.chance(0.9) ? offset : offset + 7 },
        body: bytes, contentType: 'application/octet-stream', runId, describe: 'tfevents',
      });
      if (accepted) received.set(file, offset + bytes.length);
    }
    expectNoFailures();
  });

  it('params.txt and results.jsonl: whole files of mutated lines', { timeout: 120_000 }, async () => {
    const rng = createFuzzRandom(seed + 1);
    const runId = await createRun('files');
    const params = { project, run: 'files' };
    for (let index = 0; index < counts.fileUploads; index += 1) {
      const results = rng.chance(0.5);
      const lineCount = 60 + rng.int(140);
      thrown.fileLines += lineCount;
      const accepted = await attempt({
        handler: results ? resultsRoute.PUT : paramsRoute.PUT,
        method: 'PUT',
        params,
        body: mutatedFile(rng, results ? lines.resultsJsonl : lines.paramsTxt, lineCount),
        contentType: 'text/plain',
        runId,
        describe: results ? 'results.jsonl' : 'params.txt',
      });
      if (accepted) fileUploadResultSchema.parse(accepted.body);
    }
    expectNoFailures();
  });

  it('out.log: mutated lines in chunks, and chunks built to be refused', { timeout: 240_000 }, async () => {
    const rng = createFuzzRandom(seed);
    let runIndex = 0;
    while (thrown.logLines < counts.outLogLines) {
      const run = `log-${runIndex++}`;
      const runId = await createRun(run);
      const params = { project, run };
      let received = 0;
      let tail = Buffer.alloc(0);
      const send = (offset: number | string, body: Buffer, what: string, mustAccept = false) =>
        attempt({ handler: outLogRoute.POST, method: 'POST', params, query: { offset }, body, contentType: 'text/plain', runId, mustAccept, describe: `out.log ${run} ${what}` });

      for (let chunk = 0; chunk < 8 && thrown.logLines < counts.outLogLines; chunk += 1) {
        const lineCount = 300 + rng.int(600);
        const bytes = mutatedChunk(rng, lineCount);
        thrown.logLines += lineCount;
        // Cut anywhere, also inside a line or a UTF-8 character; the rest follows in a second request.
        const cut = rng.chance(0.3) ? rng.int(bytes.length) : bytes.length;
        for (const part of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
          if (part.length === 0) continue;
          // Sometimes start a few bytes back, as a client retrying does: the server skips them.
          const back = rng.chance(0.2) ? rng.int(tail.length + 1) : 0;
          // Within the limits and at the right offset, any content is accepted: unusable lines are counted, never fatal.
          const accepted = await send(received - back, Buffer.concat([tail.subarray(tail.length - back), part]), 'mutated chunk', true);
          if (!accepted) continue;
          const result = logChunkResultSchema.parse(accepted.body);
          received += part.length;
          tail = Buffer.concat([tail, part]).subarray(-200);
          if (result.offset !== received || result.skippedBytes !== back) {
            failures.push(`out.log ${run}: answered offset ${result.offset} skipped ${result.skippedBytes}, expected ${received} and ${back}`);
          }
        }

        if (chunk % 4 === 1) {
          const next = mutatedChunk(rng, 5);
          thrown.logLines += 5;
          await send(received + 1 + rng.int(1000), next, 'ahead of the cursor');
          await send(rng.pick(['-1', '1.5', 'abc', '', '1e309', '99999999999999999999', ...ODD_NUMBERS]), next, 'odd offset');
          await withLimits({ REPROBOARD_MAX_LINES_PER_CHUNK: 4 }, () => send(received, next, 'over the line limit'));
          await withLimits({ REPROBOARD_MAX_LOG_CHUNK_BYTES: Math.max(1, next.length - 1) }, () => send(received, next, 'over the byte limit'));
        }
      }
      if (runIndex === 1) {
        // 10 MB lines: refused over the default 8 MiB limit; under a raised limit parsed and skipped.
        const digits = Buffer.from(`${'9'.repeat(10_000_000)}\n`);
        const train = Buffer.from(`2024-03-05,14:02:11 | INFO | Train Epoch: 0 [1024/2048 (50%)] Loss: ${'1'.repeat(10_000_000)}\n`);
        thrown.logLines += 3;
        await send(received, digits, '10 MB line');
        for (const big of [digits, train]) {
          const accepted = await withLimits({ REPROBOARD_MAX_LOG_CHUNK_BYTES: 16 * 1024 * 1024 }, () => send(received, big, '10 MB line, raised limit'));
          if (accepted) received += big.length;
        }
      }
      const cursor = await db.ingestCursor.findUnique({ where: { runId_source: { runId, source: 'out.log' } } });
      if ((cursor?.offset ?? 0) !== received) failures.push(`out.log ${run}: cursor at ${cursor?.offset}, ${received} bytes sent`);
    }
    expectNoFailures();
  });

  it('stored what it accepted consistently', async () => {
    const points = await db.metricPoint.findMany({ select: { key: true, step: true, value: true, nonFinite: true, epoch: true, samplesSeen: true, wallTime: true } });
    const inconsistent = points.filter(
      (point) =>
        !(point.value === null ? ['nan', 'inf', '-inf'].includes(point.nonFinite ?? '') : Number.isFinite(point.value) && point.nonFinite === null) ||
        !(Number.isSafeInteger(point.step) && point.step >= 0 && point.step <= 2_147_483_647) ||
        point.key.includes('\u0000') ||
        [point.epoch, point.samplesSeen, point.wallTime].some((value) => value !== null && !Number.isFinite(value)),
    );
    expect(inconsistent.slice(0, 10)).toEqual([]);
    expect(points.length).toBeGreaterThan(1000);
    const runs = await db.run.findMany();
    for (const run of runs) {
      for (const count of [run.gpus, run.batchSize, run.globalBatchSize, run.epochs]) {
        expect(count === null || (Number.isSafeInteger(count) && count > 0 && count <= 2_147_483_647)).toBe(true);
      }
      expect(`${run.name}${run.model ?? ''}${run.precision ?? ''}${run.notes}`).not.toContain('\u0000');
    }
    const inputs = thrown.logLines + thrown.fileLines + thrown.jsonBodies + thrown.binaryChunks;
    expect(inputs).toBeGreaterThanOrEqual(dialect === 'sqlite' ? 100_000 : 25_000);
  });
});
