import 'server-only';
import type { Db } from './client';
import { SUMMARY_WIDTHS } from './summary-merge';

const STEPS_PER_QUERY = 900;

export interface StoredSeriesPoint {
  step: number;
  epoch: number | null;
  samplesSeen: number | null;
  wallTime: number | null;
  value: number | null;
  nonFinite: string | null;
}

/**
 * A full-range series read through the summaries: the smallest bucket width that gives at most
 * `maxBuckets` buckets, and from each bucket its min, max, last and first non-finite point. Returns
 * null when the series is short enough that reading it whole is as cheap (the caller reads points).
 */
export async function readSummarizedSeries(db: Db, runId: string, key: string, maxBuckets: number): Promise<StoredSeriesPoint[] | null> {
  const finest = SUMMARY_WIDTHS[0];
  const [first, last] = await Promise.all([
    db.metricSummary.findFirst({ where: { runId, key, width: finest }, orderBy: { bucket: 'asc' }, select: { bucket: true } }),
    db.metricSummary.findFirst({ where: { runId, key, width: finest }, orderBy: { bucket: 'desc' }, select: { lastStep: true } }),
  ]);
  if (!first || !last) return null;
  const span = last.lastStep - first.bucket * finest + 1;
  if (span <= maxBuckets) return null;
  const width = SUMMARY_WIDTHS.find((candidate) => Math.ceil(span / candidate) <= maxBuckets) ?? SUMMARY_WIDTHS[SUMMARY_WIDTHS.length - 1];
  const buckets = await db.metricSummary.findMany({
    where: { runId, key, width },
    select: { minStep: true, maxStep: true, lastStep: true, nonFiniteStep: true },
  });
  const steps = new Set<number>();
  for (const bucket of buckets) {
    for (const step of [bucket.minStep, bucket.maxStep, bucket.lastStep, bucket.nonFiniteStep]) if (step !== null) steps.add(step);
  }
  const wanted = [...steps].sort((a, b) => a - b);
  const points: StoredSeriesPoint[] = [];
  for (let start = 0; start < wanted.length; start += STEPS_PER_QUERY) {
    points.push(
      ...(await db.metricPoint.findMany({
        where: { runId, key, step: { in: wanted.slice(start, start + STEPS_PER_QUERY) } },
        select: { step: true, epoch: true, samplesSeen: true, wallTime: true, value: true, nonFinite: true },
        orderBy: { step: 'asc' },
      })),
    );
  }
  return points;
}
