import type { Series } from '@/lib/schemas/metrics';
import { formatValue, type ValueFormat } from './format';
import { niceTicks } from './nice-ticks';

/**
 * The x-axes a training curve can be drawn against. The choice lives in the URL (`?x=samples`), so
 * anything unknown or missing falls back to `step`, the one x every stored point has.
 * `relative` is hours since the run's first logged point; `compute` is samples seen × the run's
 * training GFLOPs per sample (from its params.txt and model_profile.csv), so it needs both.
 */
export const X_AXES = ['step', 'epoch', 'samples', 'time', 'relative', 'compute'] as const;
export type XAxis = (typeof X_AXES)[number];

export const X_AXIS_LABELS: Record<XAxis, string> = {
  step: 'Step',
  samples: 'Samples seen',
  epoch: 'Epoch',
  time: 'Wall time',
  relative: 'Relative time (h)',
  compute: 'Compute (GFLOPs)',
};

/** An axis format: the shared value formats, plus powers of ten for GFLOPs (1e18 reads better than 1000000T). */
export type AxisFormat = ValueFormat | 'scientific';

export const X_FORMATS: Record<XAxis, AxisFormat> = {
  step: 'count',
  samples: 'count',
  epoch: 'epoch',
  time: 'time',
  relative: 'number',
  compute: 'scientific',
};

export function parseXAxis(value: string | string[] | null | undefined): XAxis {
  const first = Array.isArray(value) ? value[0] : value;
  return X_AXES.find((axis) => axis === first) ?? 'step';
}

/** What a run contributes to x values beyond its points: the origin of relative time, the cost of a sample. */
export interface XContext {
  /** Milliseconds of the run's first point (relative time is measured from it). */
  wallTimeOrigin: number | null;
  /** Training GFLOPs per sample seen, or null when the run's model/config cannot be accounted. */
  gflopsPerSample: number | null;
}

const HOUR_MS = 3_600_000;

/** The x of one point on an axis, or null when the point (or its run) lacks what that axis needs. */
export function pickX(point: Series['points'][number], axis: XAxis, context: XContext | null = null): number | null {
  let x: number | null;
  switch (axis) {
    case 'step':
      x = point.step;
      break;
    case 'samples':
      x = point.samplesSeen;
      break;
    case 'epoch':
      x = point.epoch;
      break;
    case 'time':
      x = point.wallTime;
      break;
    case 'relative':
      x = point.wallTime !== null && context?.wallTimeOrigin != null ? (point.wallTime - context.wallTimeOrigin) / HOUR_MS : null;
      break;
    case 'compute':
      x = point.samplesSeen !== null && context?.gflopsPerSample != null ? point.samplesSeen * context.gflopsPerSample : null;
      break;
  }
  return x !== null && Number.isFinite(x) ? x : null;
}

/** The earliest wall time among a run's points (the origin of its relative-time axis), or null. */
export function firstWallTime(series: readonly Series[]): number | null {
  let first: number | null = null;
  for (const entry of series) {
    for (const point of entry.points) {
      if (point.wallTime !== null && (first === null || point.wallTime < first)) first = point.wallTime;
    }
  }
  return first;
}

export function formatAxisValue(format: AxisFormat, value: number, spanMs = 0): string {
  if (format !== 'scientific') return formatValue(format, value, spanMs);
  if (!Number.isFinite(value) || value === 0) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-2 && magnitude < 1e4) return String(Number(value.toPrecision(3)));
  return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
}

/**
 * Ticks for a log axis: the powers of ten inside [min, max]; with fewer than three of them, the
 * 2× and 5× multiples too; narrower still, round linear steps. Needs min > 0.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !Number.isFinite(max) || max < min) return [];
  const from = Math.floor(Math.log10(min));
  const to = Math.ceil(Math.log10(max));
  const inRange = (tick: number) => tick >= min * (1 - 1e-9) && tick <= max * (1 + 1e-9);
  const powers: number[] = [];
  for (let exponent = from; exponent <= to; exponent += 1) powers.push(Number((10 ** exponent).toPrecision(12)));
  const decades = powers.filter(inRange);
  if (decades.length >= 3) return thin(decades, 8);
  const withMultiples = powers.flatMap((power) => [1, 2, 5].map((factor) => Number((factor * power).toPrecision(12)))).filter(inRange);
  // Less than a factor of ~2.5 wide: evenly spaced round values read better than two odd ends.
  return withMultiples.length >= 2 ? thin(withMultiples, 8) : niceTicks(min, max, 4);
}

function thin(ticks: number[], maxTicks: number): number[] {
  if (ticks.length <= maxTicks) return ticks;
  const every = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, index) => index % every === 0);
}
