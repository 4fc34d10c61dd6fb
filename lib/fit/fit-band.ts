/**
 * Samples a fitted power law and its confidence band over a log-spaced compute range, for a chart: the
 * range covers the fitted points and any target compute (a paper's budget), and every point outside the
 * fitted range is flagged `extrapolated` so the chart can draw it dashed. Targets are inserted exactly,
 * so the band has a value at the budget itself.
 */
import { computeConfidenceBand, type PowerLawFit } from './power-law-fit';

export interface FitBandPoint {
  compute: number;
  estimate: number;
  lower: number;
  upper: number;
  extrapolated: boolean;
}

export interface FitBandOptions {
  /** Range start; default the smallest fitted compute (or a smaller target). */
  from?: number;
  /** Range end; default the largest fitted compute (or a larger target). */
  to?: number;
  /** Log-spaced samples across the range; default 64. */
  count?: number;
  level?: number;
  /** Compute values that must appear (e.g. the paper's budget); they widen the default range. */
  targets?: readonly number[];
}

export function sampleFitBand(fit: PowerLawFit, options: FitBandOptions = {}): FitBandPoint[] {
  const targets = options.targets ?? [];
  const from = options.from ?? Math.min(fit.computeRange[0], ...targets);
  const to = options.to ?? Math.max(fit.computeRange[1], ...targets);
  const count = options.count ?? 64;
  if (!(from > 0 && to >= from)) throw new RangeError(`need 0 < from <= to, got ${from} and ${to}`);
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`count must be an integer >= 2, got ${count}`);

  const step = Math.log(to / from) / (count - 1);
  const grid = Array.from({ length: count }, (_, i) => (i === count - 1 ? to : from * Math.exp(step * i)));
  const computes = [...new Set([...grid, ...targets.filter((target) => target >= from && target <= to)])].sort((a, b) => a - b);
  return computes.map((compute) => ({
    compute,
    ...computeConfidenceBand(fit, compute, options.level),
    extrapolated: compute < fit.computeRange[0] || compute > fit.computeRange[1],
  }));
}
