/**
 * Pure merge of new points into a bucket's min/max/last summary. Appending is the common case and
 * merges in O(new points); a point that overwrites the stored minimum, maximum or non-finite step
 * (a resumed run re-logging, a re-sent batch) may invalidate it, so that bucket is recomputed.
 */
export const SUMMARY_WIDTHS = [64, 1024, 16384] as const;

export interface SummaryPoint {
  step: number;
  value: number;
}

export interface BucketSummary {
  width: number;
  bucket: number;
  minStep: number | null;
  minValue: number | null;
  maxStep: number | null;
  maxValue: number | null;
  lastStep: number;
  nonFiniteStep: number | null;
  count: number;
}

function emptyBucket(width: number, bucket: number): BucketSummary {
  return { width, bucket, minStep: null, minValue: null, maxStep: null, maxValue: null, lastStep: -1, nonFiniteStep: null, count: 0 };
}

function mergeIntoBucket(start: BucketSummary, points: readonly SummaryPoint[], storedSteps: ReadonlySet<number> = new Set()): BucketSummary {
  const summary = { ...start };
  for (const { step, value } of points) {
    // A point that replaces a stored one is not another point.
    if (!storedSteps.has(step)) summary.count += 1;
    summary.lastStep = Math.max(summary.lastStep, step);
    if (!Number.isFinite(value)) {
      summary.nonFiniteStep ??= step;
      continue;
    }
    if (summary.minValue === null || value < summary.minValue) [summary.minStep, summary.minValue] = [step, value];
    if (summary.maxValue === null || value > summary.maxValue) [summary.maxStep, summary.maxValue] = [step, value];
  }
  return summary;
}

/** A bucket's summary computed from all of its points. */
export function summarizeBucket(width: number, bucket: number, points: readonly SummaryPoint[]): BucketSummary {
  return mergeIntoBucket(emptyBucket(width, bucket), points);
}

/**
 * The merged summary, or 'recompute' when a new point replaces one the summary depends on.
 * `storedSteps` are the steps among `points` that were already stored before this write.
 */
export function mergeBucket(
  existing: BucketSummary | null,
  width: number,
  bucket: number,
  points: readonly SummaryPoint[],
  storedSteps: ReadonlySet<number> = new Set(),
): BucketSummary | 'recompute' {
  if (!existing) return summarizeBucket(width, bucket, points);
  const watched = new Set([existing.minStep, existing.maxStep, existing.nonFiniteStep]);
  if (points.some((point) => watched.has(point.step))) return 'recompute';
  return mergeIntoBucket(existing, points, storedSteps);
}

/** Groups points by bucket index for one width. */
export function groupByBucket<T extends { step: number }>(points: readonly T[], width: number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const point of points) {
    const bucket = Math.floor(point.step / width);
    const group = groups.get(bucket);
    if (group) group.push(point);
    else groups.set(bucket, [point]);
  }
  return groups;
}
