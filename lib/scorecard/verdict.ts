/**
 * The verdict of one reported result against the run chosen for it (see best-run.ts).
 *
 * Decisions:
 * - The gap is run − paper in percentage points, signed: +0.3 means the run beats the paper. It is
 *   rounded to 1e-9 pp so that floating-point noise (63.9 − 64.4 = −0.5000000000000071) cannot move a
 *   value that sits exactly on a boundary to the other side.
 * - |gap| ≤ tolerance is "reproduced" (exactly at the tolerance counts); so is any run above the paper,
 *   however far: beating the number is not a failure to reproduce it.
 * - |gap| ≤ 2 × tolerance is "close" (exactly at twice the tolerance counts); further below is
 *   "not reproduced".
 * - A running run is always "in progress", even when its latest value is already within tolerance:
 *   the value can still move, and the row shows that value and its gap next to the verdict.
 * - A run that has not logged the metric yet, or no run at all, is "no run": there is nothing to judge.
 *   (A running run without a value is still "in progress".)
 * - Failed and crashed runs are judged on their last value like finished ones; the row shows the run's
 *   status, so "not reproduced" by a crashed run reads as what it is.
 */
export const VERDICTS = ['reproduced', 'close', 'not_reproduced', 'in_progress', 'no_run'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type RunStatus = 'running' | 'finished' | 'failed' | 'crashed';

export interface VerdictInput {
  /** The paper's value, in percent. */
  reported: number;
  /** Allowed difference, in percentage points (negative values count as 0). */
  tolerancePp: number;
  /** The chosen run's value of the same metric, in percent; null when it has none. */
  value: number | null;
  /** The chosen run's status; null when no run is linked. */
  status: RunStatus | null;
}

export interface VerdictResult {
  verdict: Verdict;
  /** value − reported in percentage points; null without a value. */
  gap: number | null;
}

const GAP_DIGITS = 1e9;

/** value − reported in percentage points, without floating-point noise. */
export function signedGap(value: number, reported: number): number {
  const gap = Math.round((value - reported) * GAP_DIGITS) / GAP_DIGITS;
  return Object.is(gap, -0) ? 0 : gap;
}

export function judgeResult(input: VerdictInput): VerdictResult {
  const gap = input.value === null || !Number.isFinite(input.value) ? null : signedGap(input.value, input.reported);
  if (input.status === null) return { verdict: 'no_run', gap: null };
  if (input.status === 'running') return { verdict: 'in_progress', gap };
  if (gap === null) return { verdict: 'no_run', gap: null };
  return { verdict: classifyGap(gap, input.tolerancePp), gap };
}

/** The verdict a final value with this gap gets. */
export function classifyGap(gap: number, tolerancePp: number): Exclude<Verdict, 'in_progress' | 'no_run'> {
  const tolerance = Math.max(0, tolerancePp);
  if (gap >= 0 || -gap <= tolerance) return 'reproduced';
  if (-gap <= 2 * tolerance) return 'close';
  return 'not_reproduced';
}

/** How many rows have each verdict; every verdict is present, zero included. */
export function countVerdicts(verdicts: Iterable<Verdict>): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const verdict of verdicts) counts[verdict] += 1;
  return counts;
}
