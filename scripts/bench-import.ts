/**
 * `npm run bench:import`: the performance targets of `reproboard import`.
 *
 * 1. A 100,000-line OpenCLIP out.log (the demo writer logging every step) is imported end to end with
 *    the real CLI (bin/reproboard.mjs) into the route server (real route handlers, fresh SQLite file),
 *    started as a child process. Target: at most 5 s.
 * 2. The server-side parse+store time (time inside the out-log handler, reported by the route server)
 *    is compared with inserting the same points through a bare better-sqlite3 prepared statement in
 *    one transaction, into a scratch database built from prisma/migrations. Target: at most 2x.
 *
 * Prints every number and exits non-zero when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { signInToRouteServer } from '../test/cli/route-server-admin';

const IMPORT_TARGET_MS = 5_000;
const RATIO_TARGET = 2;
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_LOG_ROUTE = 'POST /api/v1/projects/{project}/runs/{run}/out-log';

/** The slice of better-sqlite3's API used here (the package ships no types of its own). */
interface SqliteStatement {
  run(...values: unknown[]): unknown;
}
interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  transaction(body: () => void): () => void;
  close(): void;
}
const BetterSqlite = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase;

function log(message: string): void {
  console.log(message);
}

function spawnAndWait(args: string[], env: Record<string, string | undefined>, onLine?: (line: string) => void) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (line) onLine?.(line);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function startRouteServer(databaseUrl: string) {
  let resolveUrl: (url: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (resolveUrl = resolve));
  const server = spawnAndWait(['--conditions=react-server', '--import', 'tsx', 'test/cli/route-server-main.ts', '0', databaseUrl], {}, (line) => {
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match) resolveUrl(match[1]!);
  });
  const url = await Promise.race([ready, server.exited.then(() => Promise.reject(new Error(`route server exited:\n${server.output()}`)))]);
  return { ...server, url };
}

/** Bare baseline: one prepared upsert per point, one transaction, same table and conflict rule as the server. */
function timeBareInsert(points: readonly MetricPointInput[], scratchFile: string): number {
  const db = new BetterSqlite(scratchFile);
  try {
    const migrations = path.join(ROOT, 'prisma', 'migrations');
    for (const name of readdirSync(migrations).filter((entry) => /^\d/.test(entry)).sort()) {
      db.exec(readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8'));
    }
    db.prepare(`INSERT INTO "Project" ("id", "slug", "name", "updatedAt") VALUES ('p', 'p', 'p', 0)`).run();
    db.prepare(`INSERT INTO "Run" ("id", "projectId", "key", "name", "updatedAt") VALUES ('r', 'p', 'r', 'r', 0)`).run();
    const insert = db.prepare(
      `INSERT INTO "MetricPoint" ("runId", "key", "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("runId", "key", "step") DO UPDATE SET "epoch" = excluded."epoch", "samplesSeen" = excluded."samplesSeen",
       "wallTime" = excluded."wallTime", "value" = excluded."value", "nonFinite" = excluded."nonFinite"`,
    );
    const started = performance.now();
    db.transaction(() => {
      for (const point of points) {
        const finite = Number.isFinite(point.value);
        insert.run('r', point.key, point.step, point.epoch, point.samplesSeen, point.wallTime, finite ? point.value : null, finite ? null : String(point.value));
      }
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

async function main(): Promise<number> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rb-bench-'));
  let server: Awaited<ReturnType<typeof startRouteServer>> | null = null;
  try {
    const files = writeDemoRun({
      name: 'bench-b32', model: 'ViT-B-32', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 10_000, epochs: 10,
      logEveryNSteps: 1, lr: 5e-4, finalTop1: 0.6, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 0, 1), seed: 1,
    });
    const runDir = path.join(work, 'bench-b32');
    mkdirSync(runDir);
    writeFileSync(path.join(runDir, 'out.log'), files.outLog);
    writeFileSync(path.join(runDir, 'params.txt'), files.paramsTxt);
    const lineCount = files.outLog.split('\n').length - 1;
    log(`out.log: ${lineCount.toLocaleString('en-US')} lines, ${(Buffer.byteLength(files.outLog) / 1e6).toFixed(1)} MB`);

    const databaseUrl = `file:${path.join(work, 'bench.db')}`;
    await applyMigrations(resolveDatabaseTarget(databaseUrl), ROOT);
    server = await startRouteServer(databaseUrl);
    const created = await fetch(`${server.url}/api/v1/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signInToRouteServer(server.url) },
      body: JSON.stringify({ name: 'Bench', slug: 'bench' }),
    });
    const key = ((await created.json()) as { apiKey: { key: string } }).apiKey.key;

    const started = performance.now();
    const cli = spawnAndWait(['bin/reproboard.mjs', 'import', runDir, '--server', server.url, '--project', 'bench'], {
      REPROBOARD_KEY: key,
      REPROBOARD_STATE_DIR: path.join(work, 'state'),
    });
    const code = await cli.exited;
    const importMs = performance.now() - started;
    if (code !== 0) throw new Error(`reproboard import failed (exit ${code}):\n${cli.output()}`);
    log(cli.output().split('\n').filter((line) => !line.startsWith('[')).join('\n').trim());

    const timings = (await (await fetch(`${server.url}/__route-server/timings`)).json()) as Record<string, { count: number; totalMs: number }>;
    const serverMs = timings[OUT_LOG_ROUTE]?.totalMs ?? NaN;

    const parseStarted = performance.now();
    const { points } = parseOutLog(files.outLog);
    const parseMs = performance.now() - parseStarted;
    const bareMs = timeBareInsert(points, path.join(work, 'bare.db'));
    const ratio = serverMs / bareMs;

    log('');
    log(`reproboard import, end to end:          ${(importMs / 1000).toFixed(2)} s   (target ≤ ${IMPORT_TARGET_MS / 1000} s)`);
    log(`server parse+store (out-log handler):   ${(serverMs / 1000).toFixed(2)} s   in ${timings[OUT_LOG_ROUTE]?.count ?? 0} requests`);
    log(`  of which parsing alone (in-process):  ${(parseMs / 1000).toFixed(2)} s`);
    log(`bare prepared-statement transaction:    ${(bareMs / 1000).toFixed(2)} s   for ${points.length.toLocaleString('en-US')} points`);
    log(`ratio server / bare:                    ${ratio.toFixed(2)}x   (target ≤ ${RATIO_TARGET}x)`);

    const missed = [
      importMs > IMPORT_TARGET_MS ? `import took ${(importMs / 1000).toFixed(2)} s > ${IMPORT_TARGET_MS / 1000} s` : null,
      !(ratio <= RATIO_TARGET) ? `server parse+store is ${ratio.toFixed(2)}x the bare insert > ${RATIO_TARGET}x` : null,
    ].filter((item): item is string => item !== null);
    for (const item of missed) console.error(`TARGET MISSED: ${item}`);
    if (missed.length === 0) log('all targets met');
    return missed.length === 0 ? 0 : 1;
  } finally {
    server?.child.kill('SIGKILL');
    await server?.exited;
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
