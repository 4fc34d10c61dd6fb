/**
 * Which of the runs linked to one reported result speaks for it on the scorecard.
 *
 * Decisions (a result can have several linked runs: retries, seeds, a resumed stage):
 * 1. A finished (or failed/crashed) run that already reproduces the number wins: nothing still
 *    training can undo a reproduction. Among several, the highest value.
 * 2. Otherwise, if any linked run is still running, the row is in progress and shows the running run
 *    with the highest value so far (one without a value yet comes last; ties go to the run that has
 *    seen more samples): the outcome is still open.
 * 3. Otherwise the terminal run with the highest value (ties: finished before failed/crashed), judged
 *    close or not reproduced.
 * 4. Terminal runs that never logged the metric are no evidence; with nothing else, there is no run.
 */
import { judgeResult, type RunStatus } from './verdict';

export interface RunCandidate {
  status: RunStatus;
  /** The run's latest value of the metric, in percent. */
  value: number | null;
  samplesSeen: number | null;
}

const TERMINAL_RANK: Record<Exclude<RunStatus, 'running'>, number> = { finished: 0, failed: 1, crashed: 1 };

export function pickBestRun<T extends RunCandidate>(runs: readonly T[], reported: number, tolerancePp: number): T | null {
  const terminal = runs
    .filter((run): run is T & { status: Exclude<RunStatus, 'running'>; value: number } => run.status !== 'running' && run.value !== null && Number.isFinite(run.value))
    .sort((a, b) => b.value - a.value || TERMINAL_RANK[a.status] - TERMINAL_RANK[b.status]);
  const bestTerminal = terminal[0] ?? null;
  if (bestTerminal && judgeResult({ reported, tolerancePp, value: bestTerminal.value, status: bestTerminal.status }).verdict === 'reproduced') {
    return bestTerminal;
  }
  const running = runs.filter((run) => run.status === 'running').sort(compareRunning);
  return running[0] ?? bestTerminal;
}

function compareRunning(a: RunCandidate, b: RunCandidate): number {
  const valueOrder = (b.value ?? -Infinity) - (a.value ?? -Infinity);
  if (valueOrder !== 0 && !Number.isNaN(valueOrder)) return valueOrder;
  return (b.samplesSeen ?? 0) - (a.samplesSeen ?? 0);
}
