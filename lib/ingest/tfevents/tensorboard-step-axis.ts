import { countStepsPerEpoch, placeEvalEpoch, type StepPlacement } from '../openclip/step-axis';
import type { TagStepAxis } from './openclip-tags';

/** The store keeps steps in a 32-bit integer column. */
const MAX_STORED_STEP = 2_147_483_647;

/** The run's batch geometry, known once its params.txt or out.log has been ingested. */
export interface OpenclipGeometry {
  /** batch_size × accum_freq × world_size. */
  globalBatchSize: number;
  /** Samples per epoch `M`, when known. */
  samplesPerEpoch: number | null;
}

function isStoredStep(step: number): boolean {
  return Number.isSafeInteger(step) && step >= 0 && step <= MAX_STORED_STEP;
}

/** `E + N/M`, computed as the out.log parser does so the two sources agree to the last bit. */
function readEpoch(step: number, stepsPerEpoch: number, globalBatchSize: number, samplesPerEpoch: number): number {
  const epoch = Math.floor(step / stepsPerEpoch);
  return epoch + ((step - epoch * stepsPerEpoch) * globalBatchSize) / samplesPerEpoch;
}

/**
 * Puts a TensorBoard step on the store's axes. Without OpenCLIP geometry the step is kept as logged
 * (other writers, and runs whose params are not known yet).
 *
 * With it, the point lands exactly where the out.log parser puts the same log event. OpenCLIP tags
 * train scalars with `E·S + i`, the 0-based index of the step just taken, while the store counts
 * steps completed (out.log's `[N/M]` with N = (i + 1)·B gives `E·S + i + 1`), so train steps move up
 * by one; then samplesSeen = step × B and epoch = E + (steps into the epoch × B) / M. `val/*` tags
 * are logged at the completed epoch E and take the out.log parser's eval placement (step E·S,
 * samples E·M). Null when the step does not fit the store.
 */
export function placeTensorboardStep(loggedStep: number, axis: TagStepAxis, geometry: OpenclipGeometry | null): StepPlacement | null {
  if (!isStoredStep(loggedStep)) return null;
  if (!geometry) return { step: loggedStep, epoch: null, samplesSeen: null };
  const { globalBatchSize, samplesPerEpoch } = geometry;
  const stepsPerEpoch = samplesPerEpoch ? countStepsPerEpoch(samplesPerEpoch, globalBatchSize) : null;
  if (axis === 'epoch') return placeEvalEpoch(loggedStep, stepsPerEpoch, samplesPerEpoch);
  const step = loggedStep + 1;
  if (!isStoredStep(step)) return null;
  const epoch = samplesPerEpoch && stepsPerEpoch ? readEpoch(step, stepsPerEpoch, globalBatchSize, samplesPerEpoch) : null;
  return { step, epoch, samplesSeen: step * globalBatchSize };
}
