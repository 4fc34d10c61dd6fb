/**
 * A y-range that ignores outliers: the 1st to 99th percentile of the finite values (linear
 * interpolation between order statistics, as numpy's default), widened by 5 % of its span on each
 * side and never beyond the real extremes. Percentiles rather than median ± k·MAD because training
 * curves are trends, not noise around a centre: a loss falling from 11 to 2 has a MAD that would
 * cut away the whole first half, while the percentiles only drop the rare spikes (a loss blow-up,
 * the first few steps). With fewer than 20 values nothing is an outlier and the full range is kept.
 */
export interface RobustRange {
  min: number;
  max: number;
  /** Finite values outside [min, max]: drawn, but clipped by the axis. */
  excluded: number;
}

const LOWER = 0.01;
const UPPER = 0.99;
const PADDING = 0.05;
const MIN_VALUES = 20;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The full range of the finite values, or null when there are none. */
export function fullRange(values: Iterable<number | null>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : null;
}

export function robustRange(values: Iterable<number | null>): RobustRange | null {
  const sorted = [...values].filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (sorted.length < MIN_VALUES) return { min, max, excluded: 0 };
  const low = quantile(sorted, LOWER);
  const high = quantile(sorted, UPPER);
  if (!(high > low)) return { min, max, excluded: 0 };
  const pad = (high - low) * PADDING;
  const range = { min: Math.max(min, low - pad), max: Math.min(max, high + pad) };
  const excluded = sorted.filter((value) => value < range.min || value > range.max).length;
  return { ...range, excluded };
}
