import 'server-only';
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import { isPostgres, type Db } from './client';
import { sqlNumber, sqlString } from './sql-literals';
import { groupByBucket, mergeBucket, summarizeBucket, SUMMARY_WIDTHS, type BucketSummary } from './summary-merge';

export type SummaryTx = Pick<Db, 'metricSummary' | 'metricPoint' | '$executeRawUnsafe'>;

const ROWS_PER_STATEMENT = 1000;

function groupByKey(points: readonly MetricPointInput[]): Map<string, MetricPointInput[]> {
  const groups = new Map<string, MetricPointInput[]>();
  for (const point of points) {
    const group = groups.get(point.key);
    if (group) group.push(point);
    else groups.set(point.key, [point]);
  }
  return groups;
}

async function recomputeBucket(tx: SummaryTx, runId: string, key: string, width: number, bucket: number): Promise<BucketSummary> {
  const stored = await tx.metricPoint.findMany({
    where: { runId, key, step: { gte: bucket * width, lt: (bucket + 1) * width } },
    select: { step: true, value: true },
  });
  return summarizeBucket(width, bucket, stored.map((point) => ({ step: point.step, value: point.value ?? NaN })));
}

/**
 * The steps among `points` that are already stored, per key: read before the points are written,
 * so the summaries count a replaced point once. Appends find nothing in an indexed range read.
 * This read starts the summaries' read-merge-write, so on PostgreSQL it first takes the run's
 * summary lock until commit: two transactions writing into one run at once (two JSON batches, or
 * out.log and results.jsonl) would otherwise each merge into the summaries as they were before the
 * other, and the later write would drop the earlier one's points. SQLite transactions are already serial.
 */
export async function findStoredSteps(tx: SummaryTx, runId: string, points: readonly MetricPointInput[]): Promise<Map<string, Set<number>>> {
  if (isPostgres()) await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `${runId}:summaries`);
  const stored = new Map<string, Set<number>>();
  for (const [key, keyPoints] of groupByKey(points)) {
    const steps = keyPoints.map((point) => point.step);
    // A loop, not Math.min(...steps): spreading a large chunk's steps overflows the call stack.
    let lowest = Infinity;
    let highest = -Infinity;
    for (const step of steps) {
      lowest = Math.min(lowest, step);
      highest = Math.max(highest, step);
    }
    const rows = await tx.metricPoint.findMany({
      where: { runId, key, step: { gte: lowest, lte: highest } },
      select: { step: true },
    });
    const wanted = new Set(steps);
    stored.set(key, new Set(rows.map((row) => row.step).filter((step) => wanted.has(step))));
  }
  return stored;
}

async function summarizeKey(tx: SummaryTx, runId: string, key: string, points: readonly MetricPointInput[], storedSteps: ReadonlySet<number>) {
  const groupsByWidth = SUMMARY_WIDTHS.map((width) => ({ width, groups: groupByBucket(points, width) }));
  const existing = await tx.metricSummary.findMany({
    where: { runId, key, OR: groupsByWidth.map(({ width, groups }) => ({ width, bucket: { in: [...groups.keys()] } })) },
  });
  const stored = new Map(existing.map((row) => [`${row.width}:${row.bucket}`, row]));
  const summaries: BucketSummary[] = [];
  for (const { width, groups } of groupsByWidth) {
    for (const [bucket, group] of groups) {
      const merged = mergeBucket(stored.get(`${width}:${bucket}`) ?? null, width, bucket, group, storedSteps);
      summaries.push(merged === 'recompute' ? await recomputeBucket(tx, runId, key, width, bucket) : merged);
    }
  }
  return summaries;
}

/**
 * Folds freshly written points into the multi-resolution summaries, in the same transaction as
 * the points, so a chart never reads a summary that disagrees with the data.
 */
export async function updateMetricSummaries(
  tx: SummaryTx,
  runId: string,
  points: readonly MetricPointInput[],
  storedSteps: ReadonlyMap<string, ReadonlySet<number>>,
): Promise<void> {
  const rows: string[] = [];
  for (const [key, keyPoints] of groupByKey(points)) {
    for (const summary of await summarizeKey(tx, runId, key, keyPoints, storedSteps.get(key) ?? new Set())) {
      rows.push(
        `(${sqlString(runId)}, ${sqlString(key)}, ${summary.width}, ${summary.bucket}, ${sqlNumber(summary.minStep)}, ${sqlNumber(summary.minValue)}, ` +
          `${sqlNumber(summary.maxStep)}, ${sqlNumber(summary.maxValue)}, ${summary.lastStep}, ${sqlNumber(summary.nonFiniteStep)}, ${summary.count})`,
      );
    }
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "MetricSummary" ("runId", "key", "width", "bucket", "minStep", "minValue", "maxStep", "maxValue", "lastStep", "nonFiniteStep", "count")
      VALUES ${rows.slice(start, start + ROWS_PER_STATEMENT).join(', ')}
      ON CONFLICT ("runId", "key", "width", "bucket") DO UPDATE SET
        "minStep" = excluded."minStep", "minValue" = excluded."minValue", "maxStep" = excluded."maxStep", "maxValue" = excluded."maxValue",
        "lastStep" = excluded."lastStep", "nonFiniteStep" = excluded."nonFiniteStep", "count" = excluded."count"`,
    );
  }
}
