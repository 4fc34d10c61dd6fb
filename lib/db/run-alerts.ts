import 'server-only';
/**
 * The alerts runs raise: crashed or failed and finished (when a client sets the status), stalled
 * (found by the delivery worker's sweep), and high-severity diagnostics (from the diagnostics
 * refresh). Alerting never fails the request that triggered it: errors are logged and swallowed.
 */
import { buildDiagnosticAlert, buildRunCrashedAlert, buildRunFinishedAlert, buildRunStalledAlert, type AlertVerdict } from '@/lib/alerts/alert';
import { DEFAULT_TOLERANCE_PP } from '@/lib/plan/step-status';
import { judgeResult } from '@/lib/scorecard/verdict';
import type { Db } from './client';
import { raiseAlert } from './alerts';
import { readRunMetricValues } from './run-metrics';
import { displayStatusOf } from './runs';

const TOP1 = 'zeroshot_in1k_top1';

const RUN_SELECT = {
  id: true,
  key: true,
  name: true,
  status: true,
  samplesSeen: true,
  lastHeartbeatAt: true,
  createdAt: true,
  endedAt: true,
  projectId: true,
  project: { select: { slug: true, name: true, staleAfterSeconds: true } },
} as const;

/** After a status change: a crashed or failed run alerts, a finished one alerts with its verdict. */
export async function alertOnRunStatus(db: Db, runId: string, status: string | undefined): Promise<void> {
  if (status === undefined || status === 'running') return;
  try {
    await raiseRunStatusAlert(db, runId);
  } catch (error) {
    console.error(`Could not raise the status alert of run ${runId}`, error);
  }
}

export async function raiseRunStatusAlert(db: Db, runId: string): Promise<void> {
  const run = await db.run.findUnique({
    where: { id: runId },
    select: {
      ...RUN_SELECT,
      reportedResult: { select: { resultKey: true, metrics: true, tolerancePp: true } },
      planStep: { select: { title: true, expectedTop1: true, reportedResult: { select: { resultKey: true, metrics: true, tolerancePp: true } } } },
    },
  });
  if (!run) return;
  if (run.status === 'crashed' || run.status === 'failed') {
    await raiseAlert(db, { projectId: run.projectId, runId: run.id, ...buildRunCrashedAlert(run.project, run) });
  } else if (run.status === 'finished') {
    const target = readTarget(run.reportedResult) ?? readTarget(run.planStep?.reportedResult ?? null) ?? pilotTarget(run.planStep);
    let verdict: AlertVerdict | null = null;
    if (target) {
      const value = (await readRunMetricValues(db, [run.id], [TOP1])).get(run.id)?.[TOP1]?.percent ?? null;
      const judged = judgeResult({ reported: target.reported, tolerancePp: target.tolerancePp, value, status: 'finished' });
      verdict = { ...target, value, verdict: judged.verdict, gap: judged.gap };
    }
    await raiseAlert(db, { projectId: run.projectId, runId: run.id, ...buildRunFinishedAlert(run.project, run, verdict) });
  }
}

/** Raises a stall alert for every running run past its project's stale limit; answers how many were new. */
export async function sweepStalledRuns(db: Db, now = new Date()): Promise<number> {
  const runs = await db.run.findMany({ where: { status: 'running' }, select: RUN_SELECT });
  let raised = 0;
  for (const run of runs) {
    if (displayStatusOf(run, run.project.staleAfterSeconds, now.getTime()) !== 'stale') continue;
    const result = await raiseAlert(db, { projectId: run.projectId, runId: run.id, ...buildRunStalledAlert(run.project, run, run.project.staleAfterSeconds, now) });
    if (result.raised) raised += 1;
  }
  return raised;
}

export interface FiredDiagnostic {
  code: string;
  severity: string;
  summary: string;
  firstSeenAt?: Date | null;
}

/** Alerts for the diagnostics that just fired on a run; only high severity ones alert. */
export async function alertOnDiagnostics(db: Db, runId: string, fired: readonly FiredDiagnostic[]): Promise<void> {
  const high = fired.filter((diagnostic) => diagnostic.severity === 'high');
  if (high.length === 0) return;
  try {
    const run = await db.run.findUnique({ where: { id: runId }, select: RUN_SELECT });
    if (!run) return;
    for (const diagnostic of high) await raiseAlert(db, { projectId: run.projectId, runId: run.id, ...buildDiagnosticAlert(run.project, run, diagnostic) });
  } catch (error) {
    console.error(`Could not raise the diagnostic alerts of run ${runId}`, error);
  }
}

function readTarget(result: { resultKey: string; metrics: unknown; tolerancePp: number } | null) {
  const metrics = result?.metrics;
  const reported = metrics && typeof metrics === 'object' && TOP1 in metrics ? (metrics as Record<string, unknown>)[TOP1] : undefined;
  return result && typeof reported === 'number' ? { reported, tolerancePp: result.tolerancePp, target: result.resultKey } : null;
}

function pilotTarget(step: { title: string; expectedTop1: number | null } | null) {
  return step?.expectedTop1 != null ? { reported: step.expectedTop1, tolerancePp: DEFAULT_TOLERANCE_PP, target: `plan step "${step.title}"` } : null;
}
