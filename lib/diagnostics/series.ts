/**
 * Small series helpers the diagnostics share: medians, joining two keys logged on the same lines,
 * and finding sustained windows. Series are sorted by step; a diagnostic may be given every point
 * or a bounded sample of a long series (min, max and last per summary bucket), so "sustained" is
 * always counted in consecutive points, never in wall time.
 */
import type { MetricPointInput } from '@/lib/ingest/metric-point';
import type { EvalPoint, SeriesPoint } from './types';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function finitePoints(points: readonly SeriesPoint[]): SeriesPoint[] {
  return points.filter((point) => Number.isFinite(point.value));
}

export interface JoinedPoint {
  step: number;
  a: number;
  b: number;
}

/** Points of two keys at the same steps (both finite), in step order. */
export function joinByStep(a: readonly SeriesPoint[], b: readonly SeriesPoint[]): JoinedPoint[] {
  const byStep = new Map<number, number>();
  for (const point of b) if (Number.isFinite(point.value)) byStep.set(point.step, point.value);
  const joined: JoinedPoint[] = [];
  for (const point of a) {
    const other = byStep.get(point.step);
    if (other !== undefined && Number.isFinite(point.value)) joined.push({ step: point.step, a: point.value, b: other });
  }
  return joined.sort((x, y) => x.step - y.step);
}

/** Index ranges [start, end] (inclusive) of maximal runs of consecutive items that satisfy `test`, at least `minLength` long. */
export function findSustainedRuns<T>(items: readonly T[], test: (item: T) => boolean, minLength: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let index = 0; index <= items.length; index += 1) {
    const inside = index < items.length && test(items[index]!);
    if (inside && start < 0) start = index;
    if (!inside && start >= 0) {
      if (index - start >= minLength) runs.push([start, index - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * Steps each point stands for: the gap to the previous point (a logged OpenCLIP value is the mean
 * over the steps since the previous line); the first point gets the median gap.
 */
export function stepWeights(steps: readonly number[]): number[] {
  const gaps = steps.slice(1).map((step, index) => Math.max(1, step - steps[index]!));
  const typical = median(gaps) ?? 1;
  return steps.map((_, index) => (index === 0 ? typical : gaps[index - 1]!));
}

export interface GroupedPoints {
  series: Record<string, SeriesPoint[]>;
  evalPoints: EvalPoint[];
}

/** Parser output (any importer's points) as the diagnostics read it: `train/…` and other keys as series, `val/…` as eval points. */
export function groupPoints(points: readonly MetricPointInput[]): GroupedPoints {
  const series: Record<string, SeriesPoint[]> = {};
  const evalPoints: EvalPoint[] = [];
  for (const point of points) {
    if (point.key.startsWith('val/')) {
      evalPoints.push({ key: point.key, step: point.step, epoch: point.epoch });
      continue;
    }
    (series[point.key] ??= []).push({ step: point.step, value: point.value, epoch: point.epoch, samplesSeen: point.samplesSeen });
  }
  for (const list of Object.values(series)) list.sort((a, b) => a.step - b.step);
  return { series, evalPoints };
}
