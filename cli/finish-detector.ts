/**
 * Decides when a watched run is over. OpenCLIP writes no "done" line, so the run is finished when
 * the last line it is expected to write has appeared (the `Eval Epoch: <epochs>` summary, or without
 * eval data the 100% train line of the last epoch) and nothing has grown for a grace period (the
 * process is saving its checkpoint and exiting). A watched trainer process that exits settles it:
 * finished after its final line, crashed before it.
 */
import type { FinishSignals } from './out-log-signals';

export function hasSeenFinalLine(signals: FinishSignals): boolean {
  const { expectedEpochs, lastEvalEpoch, evaluates, lastCompletedTrainEpoch } = signals;
  if (expectedEpochs === null) return false;
  if (lastEvalEpoch !== null && lastEvalEpoch >= expectedEpochs) return true;
  return evaluates === false && lastCompletedTrainEpoch !== null && lastCompletedTrainEpoch + 1 >= expectedEpochs;
}

export interface FinishInput {
  signals: FinishSignals;
  /** Milliseconds since any followed file last grew. */
  quietForMs: number;
  graceMs: number;
  /** Whether the `--finish-on-exit` process has exited; null when no process is watched. */
  trainerExited: boolean | null;
  /** False with `--no-finish`: only an exited trainer ends the watch. */
  autoFinish: boolean;
}

export type FinishDecision = { finish: false } | { finish: true; status: 'finished' | 'crashed'; reason: string };

export function decideFinish(input: FinishInput): FinishDecision {
  const { signals } = input;
  const done = hasSeenFinalLine(signals);
  const finalLine = signals.lastEvalEpoch !== null && signals.lastEvalEpoch >= (signals.expectedEpochs ?? Infinity)
    ? `the final eval (epoch ${signals.lastEvalEpoch})`
    : `the last train line (epoch ${signals.expectedEpochs})`;
  if (input.trainerExited) {
    if (done) return { finish: true, status: 'finished', reason: `the training process exited after ${finalLine}` };
    if (signals.expectedEpochs === null) return { finish: true, status: 'finished', reason: 'the training process exited (planned epochs unknown)' };
    const reached = signals.lastEvalEpoch ?? (signals.lastCompletedTrainEpoch === null ? 0 : signals.lastCompletedTrainEpoch + 1);
    return { finish: true, status: 'crashed', reason: `the training process exited before its final eval (reached epoch ${reached} of ${signals.expectedEpochs})` };
  }
  if (input.autoFinish && done && input.quietForMs >= input.graceMs) {
    return { finish: true, status: 'finished', reason: `${finalLine} was written and nothing grew for ${Math.round(input.quietForMs / 1000)} s` };
  }
  return { finish: false };
}
