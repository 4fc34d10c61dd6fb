/**
 * Divergence: three signs in the training curves.
 * - `loss_non_finite`: the loss was logged as NaN or ±inf (OpenCLIP prints `Loss: nan (nan)` and keeps
 *   going, or the run dies); always high.
 * - `loss_spike`: a loss value more than `lossSpikeRatio` × the median of the previous
 *   `lossSpikeWindow` finite values. A falling loss never triggers it; the largest spike is the evidence.
 * - `logit_scale_pinned`: the logit scale sits at OpenCLIP's clamp (100) for `logitScalePinnedMinPoints`
 *   consecutive lines, starting within the first `logitScaleEarlyFraction` of the planned samples.
 *   Reaching the clamp late in a long run is normal and stays silent; without a plan nothing is said.
 */
import { isTrainLossKey } from '@/lib/charts/metric-keys';
import { formatMeasured, formatPercentOf, formatStep, formatStepRange, roundTo } from './format';
import { findSustainedRuns, finitePoints, median } from './series';
import type { Thresholds } from './thresholds';
import type { DiagnosticFinding, SeriesPoint } from './types';

export const LOSS_KEY = 'train/loss';
export const LOGIT_SCALE_KEY = 'train/logit_scale';
/** Points of context either side of a spike in the evidence range. */
const SPIKE_CONTEXT = 5;
/** History a spike needs before it can be judged. */
const MIN_SPIKE_HISTORY = 5;

/** The loss series to judge: `train/loss`, else the first other train loss key (natural order). */
export function pickLossKey(keys: readonly string[]): string | null {
  if (keys.includes(LOSS_KEY)) return LOSS_KEY;
  return [...keys].filter(isTrainLossKey).sort()[0] ?? null;
}

function describeNonFinite(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'inf' : '-inf';
}

export function diagnoseNonFiniteLoss(key: string, points: readonly SeriesPoint[]): DiagnosticFinding | null {
  const first = points.findIndex((point) => !Number.isFinite(point.value));
  if (first < 0) return null;
  const nonFinite = points.filter((point) => !Number.isFinite(point.value));
  const last = nonFinite[nonFinite.length - 1]!;
  const recovered = points.slice(points.indexOf(last) + 1).some((point) => Number.isFinite(point.value));
  const before = first > 0 ? points[first - 1]! : null;
  const firstPoint = points[first]!;
  return {
    code: 'loss_non_finite',
    severity: 'high',
    summary:
      `${key} became ${describeNonFinite(firstPoint.value)} at step ${formatStep(firstPoint.step)}` +
      (before ? ` (last finite value ${formatMeasured(before.value)} at step ${formatStep(before.step)})` : '') +
      `; ${nonFinite.length} non-finite ${nonFinite.length === 1 ? 'value' : 'values'}${recovered ? ', then finite again' : ' to the end of the log'}.`,
    evidence: {
      metric: key,
      fromStep: before?.step ?? firstPoint.step,
      toStep: last.step,
      values: {
        firstNonFiniteStep: firstPoint.step,
        firstNonFiniteValue: describeNonFinite(firstPoint.value),
        lastFiniteValue: before ? roundTo(before.value, 4) : null,
        nonFinitePoints: nonFinite.length,
      },
    },
    suggestion:
      'Resume from the last checkpoint before that step with a lower learning rate or a longer warmup; with --precision fp16 switch to amp or amp_bf16; look for a corrupt sample or a loss-scaler overflow warning around that step in out.log.',
  };
}

export function diagnoseLossSpikes(
  key: string,
  points: readonly SeriesPoint[],
  thresholds: Pick<Thresholds, 'lossSpikeRatio' | 'lossSpikeWindow'>,
): DiagnosticFinding | null {
  const finite = finitePoints(points);
  const spikes: { index: number; ratio: number; median: number }[] = [];
  for (let index = MIN_SPIKE_HISTORY; index < finite.length; index += 1) {
    const history = finite.slice(Math.max(0, index - thresholds.lossSpikeWindow), index).map((point) => point.value);
    const typical = median(history);
    if (typical === null || typical <= 0) continue;
    const ratio = finite[index]!.value / typical;
    if (ratio > thresholds.lossSpikeRatio) spikes.push({ index, ratio, median: typical });
  }
  if (spikes.length === 0) return null;
  const largest = spikes.reduce((worst, spike) => (spike.ratio > worst.ratio ? spike : worst));
  const spikePoint = finite[largest.index]!;
  const fromStep = finite[Math.max(0, largest.index - SPIKE_CONTEXT)]!.step;
  const toStep = finite[Math.min(finite.length - 1, largest.index + SPIKE_CONTEXT)]!.step;
  return {
    code: 'loss_spike',
    severity: 'medium',
    summary:
      `${spikes.length} loss ${spikes.length === 1 ? 'spike' : 'spikes'} above ${thresholds.lossSpikeRatio}× the running median; the largest: ` +
      `${formatMeasured(spikePoint.value)} at step ${formatStep(spikePoint.step)}, ${roundTo(largest.ratio, 2)}× the median of ${formatMeasured(largest.median)}.`,
    evidence: {
      metric: key,
      fromStep,
      toStep,
      values: { spikes: spikes.length, largestStep: spikePoint.step, largestValue: roundTo(spikePoint.value, 4), runningMedian: roundTo(largest.median, 4), ratio: roundTo(largest.ratio, 3) },
    },
    suggestion:
      'Check whether the loss recovers after the spike; repeated spikes at a large batch usually need a lower learning rate, a longer warmup or a lower beta2 (CLIPA uses 0.95); look for bad shards at those steps.',
  };
}

export interface TrainingPlan {
  /** Samples per epoch × epochs, when the run states both. */
  plannedSamples: number | null;
  epochs: number | null;
}

export function diagnoseLogitScalePinned(
  points: readonly SeriesPoint[],
  plan: TrainingPlan,
  thresholds: Pick<Thresholds, 'logitScaleClamp' | 'logitScalePinnedMargin' | 'logitScalePinnedMinPoints' | 'logitScaleEarlyFraction'>,
): DiagnosticFinding | null {
  const finite = finitePoints(points);
  const pinnedAt = thresholds.logitScaleClamp - thresholds.logitScalePinnedMargin;
  const windows = findSustainedRuns(finite, (point) => point.value >= pinnedAt, thresholds.logitScalePinnedMinPoints);
  if (windows.length === 0) return null;
  const [start, end] = windows[0]!;
  const first = finite[start]!;
  const progress =
    plan.plannedSamples && first.samplesSeen !== null ? first.samplesSeen / plan.plannedSamples : plan.epochs && first.epoch !== null ? first.epoch / plan.epochs : null;
  if (progress === null || progress > thresholds.logitScaleEarlyFraction) return null;
  const lastPinned = finite[end]!;
  return {
    code: 'logit_scale_pinned',
    severity: 'medium',
    summary:
      `The logit scale reached the clamp (${thresholds.logitScaleClamp}) at step ${formatStep(first.step)}, ${formatPercentOf(progress)} into the planned training, ` +
      `and stayed there over ${formatStepRange(first.step, lastPinned.step)}.`,
    evidence: {
      metric: LOGIT_SCALE_KEY,
      fromStep: first.step,
      toStep: lastPinned.step,
      values: { firstPinnedStep: first.step, progress: roundTo(progress), clamp: thresholds.logitScaleClamp, pinnedLines: end - start + 1 },
    },
    suggestion:
      'A temperature that collapses this early often precedes divergence: check the learning rate and warmup against the reference recipe, and watch the loss for spikes from this step on.',
  };
}
