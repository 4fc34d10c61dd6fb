/**
 * Stalled: a run still marked running whose last sign of life (data or heartbeat) is older than the
 * project's `staleAfterSeconds`, the same rule that shows the run as "stale". Time-based, so it is
 * judged again whenever diagnostics are read, not only when data arrives.
 */
import { formatDuration } from '@/lib/charts/format';
import { formatStep } from './format';
import type { DiagnosticFinding, DiagnosticRun } from './types';

export const STALLED_SEVERITY = 'medium' as const;

/** Share of the curve before the last step that the evidence link shows. */
const TAIL_FRACTION = 0.1;

export function diagnoseStalled(
  run: Pick<DiagnosticRun, 'status' | 'lastActivityAt'>,
  lastStep: number | null,
  staleAfterSeconds: number,
  now: number,
): DiagnosticFinding | null {
  if (run.status !== 'running' || run.lastActivityAt === null) return null;
  const silentMs = now - run.lastActivityAt;
  if (silentMs <= staleAfterSeconds * 1000) return null;
  const lastSeen = new Date(run.lastActivityAt).toISOString();
  return {
    code: 'stalled',
    severity: STALLED_SEVERITY,
    summary:
      `No data or heartbeat for ${formatDuration(silentMs)} (the project's limit is ${formatDuration(staleAfterSeconds * 1000)})` +
      (lastStep !== null ? `; the last logged step is ${formatStep(lastStep)}.` : '.'),
    evidence: {
      metric: lastStep !== null ? 'train/loss' : undefined,
      fromStep: lastStep !== null ? Math.floor(lastStep * (1 - TAIL_FRACTION)) : undefined,
      toStep: lastStep ?? undefined,
      values: { lastActivityAt: lastSeen, silentSeconds: Math.round(silentMs / 1000), staleAfterSeconds },
    },
    suggestion:
      'Check the training job (scheduler queue, out-of-memory kill, node failure) and the uploader (`reproboard watch` prints why it stopped); mark the run failed or crashed if it is gone.',
  };
}
