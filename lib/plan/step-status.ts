/**
 * Where a plan step stands, from the runs linked to it.
 *
 * Decisions:
 * - No linked run: not started.
 * - With a target accuracy (the result's reported zero-shot top-1 and tolerance, or a pilot's expected
 *   top-1 at the default tolerance), the scorecard's rules decide (best-run.ts, verdict.ts): a
 *   reproduced value of a finished run wins, any run still training makes the step running, and
 *   otherwise the best final value is judged; "close" counts as not reproduced here (the verdict keeps
 *   the distinction).
 * - Without a target, or when no ended run logged the metric, the step is done once every run ended.
 * - A "running" run without recent data is still running; `stalled` says that none is live.
 */
import { pickBestRun } from '@/lib/scorecard/best-run';
import { judgeResult, type RunStatus, type Verdict } from '@/lib/scorecard/verdict';

export const PLAN_STEP_STATUSES = ['not_started', 'running', 'done', 'reproduced', 'not_reproduced'] as const;
export type PlanStepStatus = (typeof PLAN_STEP_STATUSES)[number];

/** ReportedResult.tolerancePp's default, for pilots that state an expected accuracy. */
export const DEFAULT_TOLERANCE_PP = 0.5;

export interface StatusRun {
  key: string;
  status: RunStatus;
  /** Shown as stale: running, but no data for longer than the project's limit. */
  stale: boolean;
  /** Latest zero-shot top-1, percent. */
  value: number | null;
  samplesSeen: number | null;
}

export interface StepTargetAccuracy {
  reported: number;
  tolerancePp: number;
}

export interface StepStatus {
  status: PlanStepStatus;
  verdict: Verdict | null;
  /** The run the verdict speaks for, its value and gap to the target. */
  bestRunKey: string | null;
  value: number | null;
  gap: number | null;
  stalled: boolean;
}

export function judgeStep(runs: readonly StatusRun[], target: StepTargetAccuracy | null): StepStatus {
  const running = runs.filter((run) => run.status === 'running');
  const stalled = running.length > 0 && running.every((run) => run.stale);
  if (runs.length === 0) return { status: 'not_started', verdict: null, bestRunKey: null, value: null, gap: null, stalled: false };
  if (target === null) {
    return { status: running.length > 0 ? 'running' : 'done', verdict: null, bestRunKey: null, value: null, gap: null, stalled };
  }
  const best = pickBestRun(runs, target.reported, target.tolerancePp);
  const { verdict, gap } = judgeResult({ reported: target.reported, tolerancePp: target.tolerancePp, value: best?.value ?? null, status: best?.status ?? null });
  const status: PlanStepStatus =
    verdict === 'reproduced' ? 'reproduced' : verdict === 'in_progress' ? 'running' : verdict === 'no_run' ? (running.length > 0 ? 'running' : 'done') : 'not_reproduced';
  return { status, verdict, bestRunKey: best?.key ?? null, value: best?.value ?? null, gap, stalled };
}
