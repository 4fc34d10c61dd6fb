import 'server-only';
import type { PointsByKey } from '@/lib/ingest/points-by-key';
import { Prisma } from '@/prisma/generated/sqlite/client';
import { isPostgres } from './client';
import { writeInOrder } from './raw-sql';
import { createPrismaSummaryStore, type KeyedSummary, type SummaryStore, type SummaryTx } from './summary-store';
import { groupByBucket, mergeBucket, summarizeBucket, SUMMARY_WIDTHS, type BucketSummary } from './summary-merge';

export type { SummaryTx };

/**
 * The steps among the points of each key that are already stored: read before the points are written,
 * so the summaries count a replaced point once. Appends find nothing in an indexed range read.
 * This read starts the summaries' read-merge-write, so on PostgreSQL it first takes the run's
 * summary lock until commit: two transactions writing into one run at once (two JSON batches, or
 * out.log and results.jsonl) would otherwise each merge into the summaries as they were before the
 * other, and the later write would drop the earlier one's points. SQLite transactions are already serial.
 */
export async function findStoredSteps(
  tx: SummaryTx,
  runId: string,
  byKey: PointsByKey,
  store: SummaryStore = createPrismaSummaryStore(tx, runId),
): Promise<Map<string, Set<number>>> {
  if (isPostgres()) await writeInOrder(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`${runId}:summaries`}))`);
  const ranges = [...byKey].map(([key, keyPoints]) => {
    // A loop, not Math.min(...steps): spreading a large chunk's steps overflows the call stack.
    let lowest = Infinity;
    let highest = -Infinity;
    for (const { step } of keyPoints) {
      lowest = Math.min(lowest, step);
      highest = Math.max(highest, step);
    }
    return { key, lowest, highest };
  });
  const storedByKey = await store.readStepsBetween(ranges);
  const stored = new Map<string, Set<number>>();
  for (const [key, keyPoints] of byKey) {
    const steps = storedByKey.get(key) ?? [];
    if (steps.length === 0) {
      stored.set(key, new Set());
      continue;
    }
    const wanted = new Set(keyPoints.map((point) => point.step));
    stored.set(key, new Set(steps.filter((step) => wanted.has(step))));
  }
  return stored;
}

/**
 * Folds freshly written points into the multi-resolution summaries, in the same transaction as
 * the points, so a chart never reads a summary that disagrees with the data. The stored summaries
 * of every key are read at once.
 */
export async function updateMetricSummaries(
  tx: SummaryTx,
  runId: string,
  byKey: PointsByKey,
  storedSteps: ReadonlyMap<string, ReadonlySet<number>>,
  store: SummaryStore = createPrismaSummaryStore(tx, runId),
): Promise<void> {
  const groups = [...byKey].map(([key, keyPoints]) => ({ key, byWidth: SUMMARY_WIDTHS.map((width) => ({ width, groups: groupByBucket(keyPoints, width) })) }));
  const existing = await store.readSummaries(
    groups.map(({ key, byWidth }) => ({ key, bucketsByWidth: byWidth.map(({ width, groups: buckets }) => ({ width, buckets: [...buckets.keys()] })) })),
  );
  const stored = new Map<string, Map<string, BucketSummary>>();
  for (const { key, summary } of existing) {
    if (!stored.has(key)) stored.set(key, new Map());
    stored.get(key)!.set(`${summary.width}:${summary.bucket}`, summary);
  }
  const summaries: KeyedSummary[] = [];
  for (const { key, byWidth } of groups) {
    const keySteps = storedSteps.get(key) ?? new Set<number>();
    for (const { width, groups: buckets } of byWidth) {
      for (const [bucket, group] of buckets) {
        const merged = mergeBucket(stored.get(key)?.get(`${width}:${bucket}`) ?? null, width, bucket, group, keySteps);
        const summary = merged === 'recompute' ? summarizeBucket(width, bucket, await store.readPointsBetween(key, bucket * width, (bucket + 1) * width)) : merged;
        summaries.push({ key, summary });
      }
    }
  }
  await store.writeSummaries(summaries);
}
