/**
 * `npm run bench:load`: many training runs ingesting at once into the production build (`next
 * start`, loopback only), on a fresh SQLite database and then on a fresh PostgreSQL 15 database.
 * An admin signs in, creates a project and one API key per client through the API, and every client
 * creates its own run; a short warm-up compiles the routes. Then each client, on its own keep-alive
 * connection and at a training run's pace (phases spread evenly), sends either out.log chunks (an
 * OpenCLIP watcher: a few lines per request, cut anywhere, mostly mid-line) or JSON metric batches (a
 * custom trainer), and every request's latency is recorded. Afterwards every run must hold exactly
 * what was acknowledged (the complete out.log lines received, every acknowledged batch) and nothing
 * that was not sent. Targets: p99 under 100 ms, no errors, no lost points; exits non-zero on a miss.
 * The clients run in this process on the same machine as the server (and PostgreSQL).
 *
 * Environment: REPROBOARD_LOAD_SECONDS (default 60), REPROBOARD_LOAD_CLIENTS (200),
 * REPROBOARD_LOAD_INTERVAL_MS (1000: one request per client per second, as a run logging every
 * second would; 0 sends back to back, which measures saturation rather than the target load),
 * REPROBOARD_LOAD_DATABASES (sqlite,postgres), REPROBOARD_LOAD_PROFILE_DIR (write a V8 CPU profile of
 * each server there, to see where its time goes).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { createDb } from '@/lib/db/client';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import { seededRandom } from '@/lib/demo/seeded-random';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { ensureCurrentBuild } from './lib/build-stamp';
import { freePort, freshPostgresDatabase, percentile, post, sleepUntil } from './lib/load-helpers';
import { buildNext, startNext, waitForServer } from './lib/next-process';
import { prepareDatabase } from './lib/prepare-database';

const SECONDS = Number(process.env.REPROBOARD_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.REPROBOARD_LOAD_CLIENTS ?? 200);
const INTERVAL_MS = Number(process.env.REPROBOARD_LOAD_INTERVAL_MS ?? 1000);
const DATABASES = (process.env.REPROBOARD_LOAD_DATABASES ?? 'sqlite,postgres').split(',').map((name) => name.trim());
const TARGET_P99_MS = 100;
const ADMIN = { email: 'load-admin@bench.example', password: 'load-bench-password' };
const PROJECT = 'load';
const BATCH_STEPS = 10;
const BATCH_KEYS = ['custom/loss', 'custom/grad-norm', 'custom/lr', 'custom/gpu-mem-gb', 'custom/tokens-per-s'];
const PROFILE_DIR = process.env.REPROBOARD_LOAD_PROFILE_DIR;
// Per-key limits stop a runaway client; here every client is paced, so the limit is set out of the way.
const RATE_LIMIT_PER_MINUTE = String(Math.max(6000, Math.ceil((60_000 / Math.max(INTERVAL_MS, 10)) * 4)));

interface Sample {
  kind: 'out.log' | 'metrics';
  /** When the request was sent, in ms from the start of the measured phase. */
  at: number;
  ms: number;
  status: number | 'network' | 'timeout';
}

interface ClientResult {
  run: string;
  samples: Sample[];
  /** Points the server has acknowledged storing: complete out.log lines received, or whole batches. */
  acknowledgedPoints: number;
  /** Points in everything sent, answered or not (a request that timed out may still have been stored). */
  sentPoints: number;
}

function log(line: string): void {
  console.log(line);
}

/** `next start` under V8's sampling profiler; the profile is written when the server exits. */
function startProfiledNext(port: number) {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const args = [`--cpu-prof`, `--cpu-prof-dir=${PROFILE_DIR}`, nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'];
  return spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

/** Signs the admin in, creates the project and one key per client, through the API. */
async function setUpThroughApi(base: string): Promise<string[]> {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((each) => each.split(';')[0]).join('; ');
  const postJson = async (url: string, body: unknown) => {
    const response = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: base }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ apiKey: { key: string } }>;
  };
  await postJson('/api/v1/projects', { name: 'Load benchmark', slug: PROJECT });
  const keys: string[] = [];
  for (let start = 0; start < CLIENTS; start += 20) {
    const batch = Array.from({ length: Math.min(20, CLIENTS - start) }, (_, i) => postJson(`/api/v1/projects/${PROJECT}/keys`, { name: `client ${start + i}` }));
    keys.push(...(await Promise.all(batch)).map((created) => created.apiKey.key));
  }
  return keys;
}

/** The out.log of client `index`: enough lines for the whole benchmark at its pace. */
function outLogFor(index: number): Buffer {
  // Back to back, a client gets a few requests per second answered when 200 share two cores.
  const requests = SECONDS * (INTERVAL_MS > 0 ? 1000 / INTERVAL_MS : 10);
  const steps = Math.max(100, Math.ceil((requests * 4 * 1.5) / 3));
  return Buffer.from(
    writeDemoRun({
      name: `load-${index}`, model: index % 3 ? 'ViT-B-32' : 'ViT-B-16', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: steps, epochs: 3,
      logEveryNSteps: 1, lr: 5e-4, finalTop1: 0.3, perGpuSamplesPerSecond: 500, startMs: Date.UTC(2024, 0, 1 + (index % 28)), seed: index + 1,
    }).outLog,
  );
}

/** Points in the complete lines of the first `offset` bytes: what the server must have stored. */
function pointsBefore(outLog: Buffer, offset: number): number {
  const complete = offset === 0 ? 0 : outLog.lastIndexOf(0x0a, offset - 1) + 1;
  return parseOutLog(outLog.subarray(0, complete).toString('utf8')).points.length;
}

function runName(index: number): string {
  return `load-${String(index).padStart(3, '0')}`;
}

/** Creates runs through the API, 20 at a time, before anything is measured. */
async function createRuns(base: string, runs: { key: string; run: string }[]): Promise<void> {
  for (let start = 0; start < runs.length; start += 20) {
    await Promise.all(
      runs.slice(start, start + 20).map(async ({ key, run }) => {
        const created = await fetch(`${base}/api/v1/projects/${PROJECT}/runs/${run}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: ['load'] }),
        });
        if (!created.ok) throw new Error(`PUT ${run}: ${created.status} ${await created.text()}`);
      }),
    );
  }
}

/** Compiles the ingest routes and fills the connection pools before anything is measured. */
async function warmUp(base: string, key: string): Promise<void> {
  await createRuns(base, [0, 1].map((kind) => ({ key, run: `warm-up-${kind}` })));
  const until = performance.now() + 2000;
  // An even index sends out.log, an odd one metric batches.
  const results = await Promise.all([0, 1].map((kind) => runClient(base, key, CLIENTS + kind, performance.now(), until, { run: `warm-up-${kind}`, intervalMs: 0 })));
  const failed = results.flatMap((result) => result.samples).filter((sample) => sample.status !== 200);
  if (failed.length > 0) throw new Error(`warm-up: ${failed.length} requests failed (${failed[0]!.status})`);
}

async function runClient(
  base: string,
  key: string,
  index: number,
  startAt: number,
  endAt: number,
  options: { run?: string; intervalMs?: number } = {},
): Promise<ClientResult> {
  const run = options.run ?? runName(index);
  const interval = options.intervalMs ?? INTERVAL_MS;
  const runUrl = `${base}/api/v1/projects/${PROJECT}/runs/${run}`;
  const headers = { authorization: `Bearer ${key}` };
  const random = seededRandom(Math.imul(index + 1, 2654435761));
  const watcher = index % 2 === 0;
  const outLog = watcher ? outLogFor(index) : Buffer.alloc(0);
  const samples: Sample[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let acknowledgedOffset = 0;
  let sentOffset = 0;
  let acknowledgedBatchPoints = 0;
  let sentSteps = 0;
  let step = 0;
  // Phases spread evenly over the interval: the clients' requests arrive at a steady rate, not in bursts.
  let next = startAt + ((index % CLIENTS) / CLIENTS) * interval;
  while (next < endAt) {
    await sleepUntil(next);
    let body: string | Uint8Array;
    let url: string;
    let batchPoints = 0;
    if (watcher) {
      if (acknowledgedOffset >= outLog.length) break;
      // A few lines, cut anywhere: what a watcher finds appended to out.log since its last look.
      const end = Math.min(outLog.length, acknowledgedOffset + 150 + Math.floor(random() * 1100));
      body = new Uint8Array(outLog.subarray(acknowledgedOffset, end));
      sentOffset = Math.max(sentOffset, end);
      url = `${runUrl}/out-log?offset=${acknowledgedOffset}`;
    } else {
      const points = Array.from({ length: BATCH_STEPS }, (_, i) => step + i).flatMap((at) =>
        BATCH_KEYS.map((name, k) => ({ key: name, step: at, value: Math.round(1e6 * (k + Math.exp(-at / 5000) + random() / 100)) / 1e6, samplesSeen: at * 2048, wallTime: Date.now() })),
      );
      batchPoints = points.length;
      sentSteps = Math.max(sentSteps, step + BATCH_STEPS);
      body = JSON.stringify({ points });
      url = `${runUrl}/metrics`;
    }
    const started = performance.now();
    let status: Sample['status'];
    let answer: { offset?: number } | null = null;
    try {
      const response = await post(agent, url, { ...headers, 'content-type': watcher ? 'text/plain; charset=utf-8' : 'application/json' }, body);
      status = response.status;
      if (status === 200) answer = JSON.parse(response.text) as { offset?: number };
    } catch (error) {
      status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
    }
    samples.push({ kind: watcher ? 'out.log' : 'metrics', at: started - startAt, ms: performance.now() - started, status });
    if (status === 200 && watcher) acknowledgedOffset = answer?.offset ?? acknowledgedOffset;
    if (status === 200 && !watcher) {
      acknowledgedBatchPoints += batchPoints;
      step += BATCH_STEPS;
    }
    next = Math.max(next + interval, performance.now());
  }
  agent.destroy();
  return {
    run,
    samples,
    acknowledgedPoints: watcher ? pointsBefore(outLog, acknowledgedOffset) : acknowledgedBatchPoints,
    sentPoints: watcher ? pointsBefore(outLog, sentOffset) : sentSteps * BATCH_KEYS.length,
  };
}

function describeLatency(samples: readonly Sample[]): string {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const format = (ms: number) => `${ms.toFixed(1)} ms`;
  return `p50 ${format(percentile(sorted, 0.5))}, p90 ${format(percentile(sorted, 0.9))}, p99 ${format(percentile(sorted, 0.99))}, max ${format(sorted.at(-1) ?? NaN)}`;
}

/** One database: serve, load, verify. Returns the targets missed. */
async function benchmark(dialect: string, databaseUrl: string): Promise<string[]> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.REPROBOARD_ADMIN_EMAIL = ADMIN.email;
  process.env.REPROBOARD_ADMIN_PASSWORD = ADMIN.password;
  process.env.REPROBOARD_RATE_LIMIT_PER_MINUTE = RATE_LIMIT_PER_MINUTE;
  await prepareDatabase({ demo: false });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = PROFILE_DIR ? startProfiledNext(port) : startNext(port, '127.0.0.1');
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitForServer(`${base}/api/v1/openapi.json`);
    const keys = await setUpThroughApi(base);
    await createRuns(base, keys.map((key, index) => ({ key, run: runName(index) })));
    await warmUp(base, keys[0]!);
    log(`[${dialect}] load average before: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')}`);
    log(`[${dialect}] ${CLIENTS} clients, one key and run each, ${INTERVAL_MS > 0 ? `one request per ${INTERVAL_MS} ms per client` : 'back to back'}, for ${SECONDS} s…`);
    const startAt = performance.now() + 500;
    const endAt = startAt + SECONDS * 1000;
    // The clients share this process: a busy event loop here would show up as server latency.
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const results = await Promise.all(keys.map((key, index) => runClient(base, key, index, startAt, endAt)));
    clientLoop.disable();
    const elapsed = (Math.max(performance.now(), endAt) - startAt) / 1000;

    const samples = results.flatMap((result) => result.samples);
    const errors = new Map<string, number>();
    for (const sample of samples) {
      if (sample.status !== 200) errors.set(`${sample.kind} ${sample.status}`, (errors.get(`${sample.kind} ${sample.status}`) ?? 0) + 1);
    }
    const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
    const p99 = percentile(samples.map((sample) => sample.ms).sort((a, b) => a - b), 0.99);

    const db = createDb(databaseUrl);
    const counts = await db.metricPoint.groupBy({ by: ['runId'], _count: { _all: true } });
    const runs = await db.run.findMany({ where: { project: { slug: PROJECT } }, select: { id: true, key: true } });
    await db.$disconnect();
    const storedByRun = new Map(counts.map((row) => [runs.find((each) => each.id === row.runId)?.key, row._count._all]));
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const storedIn = (result: ClientResult) => storedByRun.get(result.run) ?? 0;
    const sent = sum(results.map((result) => result.sentPoints));
    const acknowledged = sum(results.map((result) => result.acknowledgedPoints));
    const stored = sum(results.map(storedIn));
    // Lost: acknowledged but not stored. Unexpected: stored but never sent (a duplicate would be one).
    const lost = sum(results.map((result) => Math.max(0, result.acknowledgedPoints - storedIn(result))));
    const unexpected = sum(results.map((result) => Math.max(0, storedIn(result) - result.sentPoints)));

    log(`[${dialect}] load average after: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')}`);
    log(`[${dialect}] requests: ${samples.length} in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)} requests/s`);
    log(`[${dialect}] latency, all: ${describeLatency(samples)}`);
    for (const kind of ['out.log', 'metrics'] as const) {
      log(`[${dialect}] latency, ${kind} (${samples.filter((sample) => sample.kind === kind).length}): ${describeLatency(samples.filter((sample) => sample.kind === kind))}`);
    }
    log(`[${dialect}] client event loop delay: p99 ${(clientLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${(clientLoop.max / 1e6).toFixed(1)} ms`);
    log(`[${dialect}] errors: ${errorCount}${errorCount ? ` (${[...errors].map(([status, count]) => `${status}: ${count}`).join(', ')})` : ''}`);
    const slow = samples.filter((sample) => sample.ms >= TARGET_P99_MS);
    if (slow.length > 0) {
      // Stalls show as a few seconds holding most slow requests; a steady overload spreads them evenly.
      const bySecond = new Map<number, number>();
      for (const sample of slow) bySecond.set(Math.floor(sample.at / 1000), (bySecond.get(Math.floor(sample.at / 1000)) ?? 0) + 1);
      const worst = [...bySecond].sort((a, b) => b[1] - a[1]).slice(0, 5);
      log(`[${dialect}] ${slow.length} requests took ${TARGET_P99_MS} ms or more; most in seconds ${worst.map(([second, count]) => `${second} (${count})`).join(', ')}`);
    }
    log(`[${dialect}] points: sent ${sent} (acknowledged ${acknowledged}), stored ${stored}; lost ${lost}, unexpected ${unexpected}`);
    if ([...errors.keys()].some((status) => status.endsWith(' 429'))) log(`[${dialect}] 429s despite REPROBOARD_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE}`);

    const missed: string[] = [];
    if (!(p99 < TARGET_P99_MS)) missed.push(`${dialect}: p99 ${p99.toFixed(1)} ms (target < ${TARGET_P99_MS} ms)`);
    if (errorCount > 0) missed.push(`${dialect}: ${errorCount} errors`);
    if (lost > 0 || unexpected > 0 || (errorCount === 0 && stored !== sent)) missed.push(`${dialect}: stored ${stored} points, sent ${sent}, lost ${lost}, unexpected ${unexpected}`);
    return missed;
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<number> {
  ensureCurrentBuild(buildNext);
  log(`(server and clients share this machine's ${os.availableParallelism()} cores; per-key rate limit set to ${RATE_LIMIT_PER_MINUTE}/min)`);
  const missed: string[] = [];
  for (const dialect of DATABASES) {
    if (dialect === 'sqlite') {
      const directory = path.resolve('data/bench');
      mkdirSync(directory, { recursive: true });
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path.join(directory, `load.db${suffix}`), { force: true });
      missed.push(...(await benchmark('sqlite', `file:${path.join(directory, 'load.db')}`)));
    } else if (dialect === 'postgres') {
      const database = await freshPostgresDatabase();
      try {
        missed.push(...(await benchmark('postgres', database.url)));
      } finally {
        await database.drop();
      }
    } else {
      throw new Error(`REPROBOARD_LOAD_DATABASES: unknown database "${dialect}" (sqlite, postgres)`);
    }
  }
  for (const miss of missed) console.error(`TARGET MISSED: ${miss}`);
  return missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
