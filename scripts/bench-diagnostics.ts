/**
 * What run diagnostics cost ingestion, on the import benchmark's run (a 100,000-line out.log, ~800k
 * points): the same out.log is ingested twice in 1 MiB chunks through the out-log repository, as the
 * route does, once without and once with the route's background refresh after each chunk; then one
 * refresh of the finished run is timed on its own. SQLite, in one process (better-sqlite3 is
 * synchronous, so background work competes with ingestion exactly as in the app server).
 *
 * Run: node --conditions=react-server --import tsx scripts/bench-diagnostics.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { ingestOutLogChunk } from '@/lib/db/ingest-out-log';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { createProject } from '@/lib/db/projects';
import { refreshRunDiagnostics } from '@/lib/db/run-diagnostics';
import { scheduleDiagnosticsRefresh, settleDiagnosticsRefreshes } from '@/lib/db/run-diagnostics-schedule';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';

const CHUNK_BYTES = 1 << 20;
const ROOT = path.resolve(import.meta.dirname, '..');

async function freshRun(work: string, name: string): Promise<{ db: Db; runId: string }> {
  const url = `file:${path.join(work, `${name}.db`)}`;
  await applyMigrations(resolveDatabaseTarget(url), ROOT);
  const db = createDb(url);
  const { project } = await createProject(db, { name, slug: name });
  const run = await db.run.create({ data: { projectId: project.id, key: 'bench-b32', name: 'bench-b32' } });
  return { db, runId: run.id };
}

async function ingest(db: Db, runId: string, bytes: Buffer, withDiagnostics: boolean): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    await ingestOutLogChunk(db, runId, offset, bytes.subarray(offset, offset + CHUNK_BYTES));
    if (withDiagnostics) scheduleDiagnosticsRefresh(db, runId);
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rb-bench-diag-'));
  try {
    const files = writeDemoRun({
      name: 'bench-b32', model: 'ViT-B-32', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 10_000, epochs: 10,
      logEveryNSteps: 1, lr: 5e-4, finalTop1: 0.6, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 0, 1), seed: 1,
    });
    const bytes = Buffer.from(files.outLog);
    console.log(`out.log: ${(files.outLog.split('\n').length - 1).toLocaleString('en-US')} lines, ${(bytes.length / 1e6).toFixed(1)} MB, ${Math.ceil(bytes.length / CHUNK_BYTES)} chunks`);

    // Alternated, twice each, so machine noise falls on both sides; the better of each pair is kept.
    const plainMs: number[] = [];
    const diagnosedMs: number[] = [];
    let diagnosed: { db: Db; runId: string } | null = null;
    let settleMs = 0;
    for (const round of [1, 2]) {
      const plain = await freshRun(work, `plain-${round}`);
      plainMs.push(await ingest(plain.db, plain.runId, bytes, false));
      await plain.db.$disconnect();
      await diagnosed?.db.$disconnect();
      diagnosed = await freshRun(work, `diagnosed-${round}`);
      diagnosedMs.push(await ingest(diagnosed.db, diagnosed.runId, bytes, true));
      const settleStarted = performance.now();
      await settleDiagnosticsRefreshes();
      settleMs = performance.now() - settleStarted;
    }
    if (!diagnosed) throw new Error('no run');

    const refreshMs: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const started = performance.now();
      await refreshRunDiagnostics(diagnosed.db, diagnosed.runId);
      refreshMs.push(performance.now() - started);
    }
    refreshMs.sort((a, b) => a - b);
    const points = await diagnosed.db.metricPoint.count({ where: { runId: diagnosed.runId } });
    await diagnosed.db.$disconnect();

    console.log(`points stored:                          ${points.toLocaleString('en-US')}`);
    const best = (times: number[]) => Math.min(...times);
    console.log(`ingest without diagnostics:             ${(best(plainMs) / 1000).toFixed(2)} s   (runs: ${plainMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
    console.log(`ingest with background refreshes:      ${(best(diagnosedMs) / 1000).toFixed(2)} s   (runs: ${diagnosedMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; ${(((best(diagnosedMs) - best(plainMs)) / best(plainMs)) * 100).toFixed(1)}%)`);
    console.log(`trailing refresh after the last chunk:  ${settleMs.toFixed(0)} ms`);
    console.log(`one refresh of the finished run:        median ${refreshMs[2]!.toFixed(0)} ms (min ${refreshMs[0]!.toFixed(0)}, max ${refreshMs[4]!.toFixed(0)})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
