/**
 * `npm run bench`: chart reads and ingest on a 1,000,000-point series in SQLite.
 * - A full-range series for a 1,000-pixel chart, served through the summaries, against a bare
 *   SQL scan of the same rows (target: at most a quarter of the scan's time).
 * - Ingest throughput with and without the summaries (target: at most 20% slower with them).
 * Prints every figure; exits non-zero when a target is missed.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDb } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { upsertMetricPoints } from '@/lib/db/metric-points';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { readSummarizedSeries } from '@/lib/db/summarized-series';
import type { MetricPointInput } from '@/lib/ingest/metric-point';

const POINTS = 1_000_000;
const CHUNK = 8_000;
const PIXELS = 1_000;

function series(count: number): MetricPointInput[] {
  return Array.from({ length: count }, (_, step) => ({
    key: 'train/loss', step, epoch: step / 10_000, samplesSeen: step * 4096, wallTime: 1.7e12 + step * 500,
    value: 0.9 + 6 * Math.exp(-step / 200_000) + 0.05 * Math.sin(step),
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeIngest(db: ReturnType<typeof createDb>, runId: string, points: MetricPointInput[], summaries: boolean): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < points.length; start += CHUNK) {
    await db.$transaction((tx) => upsertMetricPoints(tx, runId, points.slice(start, start + CHUNK), { summaries }), { timeout: 120_000 });
  }
  return (performance.now() - started) / 1000;
}

async function main() {
  const directory = path.resolve('data/bench');
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, 'series.db');
  await applyMigrations(resolveDatabaseTarget(`file:${file}`));
  const db = createDb(`file:${file}`);
  const project = await db.project.create({ data: { slug: 'bench', name: 'bench' } });
  const [withRun, withoutRun] = await Promise.all(
    ['with-summaries', 'without-summaries'].map((key) => db.run.create({ data: { projectId: project.id, key, name: key } })),
  );
  const points = series(POINTS);

  const withoutSeconds = await timeIngest(db, withoutRun!.id, points, false);
  const withSeconds = await timeIngest(db, withRun!.id, points, true);
  const ingestRatio = withSeconds / withoutSeconds;
  console.log(`ingest ${POINTS.toLocaleString()} points without summaries: ${withoutSeconds.toFixed(2)} s (${Math.round(POINTS / withoutSeconds).toLocaleString()} points/s)`);
  console.log(`ingest ${POINTS.toLocaleString()} points with summaries:    ${withSeconds.toFixed(2)} s (${Math.round(POINTS / withSeconds).toLocaleString()} points/s)`);
  console.log(`ingest slowdown from summaries: ${((ingestRatio - 1) * 100).toFixed(1)}% (target ≤ 20%)`);

  const bare = new Database(file, { readonly: true });
  const scan = bare.prepare('SELECT "step", "epoch", "samplesSeen", "wallTime", "value", "nonFinite" FROM "MetricPoint" WHERE "runId" = ? AND "key" = ? ORDER BY "step"');
  const scanTimes: number[] = [];
  const summaryTimes: number[] = [];
  let served = 0;
  for (let round = 0; round < 5; round++) {
    let started = performance.now();
    const rows = scan.all(withRun!.id, 'train/loss');
    scanTimes.push(performance.now() - started);
    if (rows.length !== POINTS) throw new Error(`bare scan read ${rows.length} rows, expected ${POINTS}`);
    started = performance.now();
    served = (await readSummarizedSeries(db, withRun!.id, 'train/loss', PIXELS))!.length;
    summaryTimes.push(performance.now() - started);
  }
  bare.close();
  const readRatio = median(summaryTimes) / median(scanTimes);
  console.log(`bare SQL scan of ${POINTS.toLocaleString()} rows:        ${median(scanTimes).toFixed(1)} ms (median of 5)`);
  console.log(`downsampled full range (${PIXELS} px, ${served} points): ${median(summaryTimes).toFixed(1)} ms (median of 5)`);
  console.log(`read ratio: ${readRatio.toFixed(3)} (target ≤ 0.25)`);
  await db.$disconnect();

  const missed = [readRatio > 0.25 && 'read ratio', ingestRatio > 1.2 && 'ingest slowdown'].filter(Boolean);
  if (missed.length > 0) {
    console.error(`TARGET MISSED: ${missed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
