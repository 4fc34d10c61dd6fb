/**
 * When a running run will reach its target, from its recent throughput.
 *
 * Input: the run's last training points in step order, each with the samples seen so far and the wall
 * time (ms) it was logged at. Decisions:
 * - Throughput is Σ Δsamples / Σ Δtime over the last `window` points (20 by default), i.e. the recent
 *   rate, not the whole run's average (warm-up, a changed GPU count or a resume make that one wrong).
 * - Intervals where samples did not grow or time did not advance (re-logged steps after a resume,
 *   clock jumps) are dropped; so are pauses: an interval more than 5× the median interval long
 *   (a restart from a checkpoint), since it says nothing about the speed while training.
 * - The ETA counts from the last point's wall time, not from "now": a run that went quiet does not
 *   look closer to done. A run already at or past its target has 0 s remaining.
 * - Null when it cannot be computed: no target, fewer than two usable points, no positive rate, or a
 *   date beyond what a Date holds.
 */
export interface ThroughputPoint {
  samplesSeen: number;
  /** Milliseconds since the Unix epoch. */
  wallTime: number;
}

export interface Eta {
  samplesPerSecond: number;
  targetSamples: number;
  samplesSeen: number;
  remainingSamples: number;
  remainingSeconds: number;
  /** Milliseconds since the Unix epoch at which the target is reached at the current rate. */
  etaAt: number;
  /** Wall time of the last point the estimate is based on. */
  measuredAt: number;
}

export const ETA_WINDOW = 20;
const PAUSE_FACTOR = 5;
/** The largest time a JavaScript Date holds; a slower rate has no printable ETA. */
const MAX_DATE_MS = 8.64e15;

export function estimateEta(points: readonly ThroughputPoint[], targetSamples: number | null, window = ETA_WINDOW): Eta | null {
  if (targetSamples === null || !(targetSamples > 0)) return null;
  const recent = points.filter((point) => Number.isFinite(point.samplesSeen) && Number.isFinite(point.wallTime)).slice(-Math.max(2, window));
  const rate = measureRate(recent);
  const last = recent.at(-1);
  if (rate === null || !last) return null;
  const samplesSeen = Math.max(...recent.map((point) => point.samplesSeen));
  const remainingSamples = Math.max(0, targetSamples - samplesSeen);
  const remainingSeconds = remainingSamples / rate;
  const etaAt = last.wallTime + remainingSeconds * 1000;
  if (!(Math.abs(etaAt) <= MAX_DATE_MS)) return null;
  return {
    samplesPerSecond: rate,
    targetSamples,
    samplesSeen,
    remainingSamples,
    remainingSeconds,
    etaAt,
    measuredAt: last.wallTime,
  };
}

/** Samples per second over the usable intervals between consecutive points; null without any. */
export function measureRate(points: readonly ThroughputPoint[]): number | null {
  const intervals: { samples: number; ms: number }[] = [];
  for (let index = 1; index < points.length; index += 1) {
    const samples = points[index]!.samplesSeen - points[index - 1]!.samplesSeen;
    const ms = points[index]!.wallTime - points[index - 1]!.wallTime;
    if (samples > 0 && ms > 0) intervals.push({ samples, ms });
  }
  if (intervals.length === 0) return null;
  const limit = PAUSE_FACTOR * median(intervals.map((interval) => interval.ms));
  const kept = intervals.length >= 3 ? intervals.filter((interval) => interval.ms <= limit) : intervals;
  const samples = kept.reduce((sum, interval) => sum + interval.samples, 0);
  const ms = kept.reduce((sum, interval) => sum + interval.ms, 0);
  const rate = (samples / ms) * 1000;
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
