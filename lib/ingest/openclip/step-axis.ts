/** Where a point sits on the shared x-axes. */
export interface StepPlacement {
  step: number;
  samplesSeen: number | null;
  epoch: number | null;
}

// The store keeps steps in a 32-bit integer column; anything larger is garbage input, not a run.
const MAX_STEP = 2_147_483_647;

function isStoredStep(step: number): boolean {
  return Number.isSafeInteger(step) && step >= 0 && step <= MAX_STEP;
}

/** Optimizer steps per epoch: a last partial batch still counts as a step. */
export function countStepsPerEpoch(samplesPerEpoch: number, globalBatch: number): number {
  return Math.ceil(samplesPerEpoch / globalBatch);
}

/**
 * Places a train line `Train Epoch: E [N/M]` with global batch B: step = E * ceil(M/B) + round(N/B),
 * samplesSeen = E*M + N, epoch = E + N/M. Samples seen, not steps, is what lines up runs with
 * different batch sizes. Null when the step would not fit the store.
 */
export function placeTrainSample(epoch: number, samplesInEpoch: number, samplesPerEpoch: number, globalBatch: number): StepPlacement | null {
  if (!(samplesPerEpoch > 0) || !(globalBatch > 0)) return null;
  const step = epoch * countStepsPerEpoch(samplesPerEpoch, globalBatch) + Math.round(samplesInEpoch / globalBatch);
  if (!isStoredStep(step)) return null;
  return { step, samplesSeen: epoch * samplesPerEpoch + samplesInEpoch, epoch: epoch + samplesInEpoch / samplesPerEpoch };
}

/**
 * Places an evaluation after (possibly fractional) epoch E: step = round(E * stepsPerEpoch) and
 * samplesSeen = round(E * M) when both are known; otherwise (eval-only runs) step = round(E) and
 * samplesSeen stays unknown. Null for negative or absurd epochs.
 */
export function placeEvalEpoch(epoch: number, stepsPerEpoch: number | null, samplesPerEpoch: number | null): StepPlacement | null {
  if (!Number.isFinite(epoch) || epoch < 0) return null;
  const known = stepsPerEpoch !== null && samplesPerEpoch !== null && stepsPerEpoch > 0 && samplesPerEpoch > 0;
  const step = Math.round(known ? epoch * stepsPerEpoch : epoch);
  if (!isStoredStep(step)) return null;
  return { step, samplesSeen: known ? Math.round(epoch * samplesPerEpoch) : null, epoch };
}
