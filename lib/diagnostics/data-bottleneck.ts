/**
 * Data-pipeline bottleneck: OpenCLIP's `Data (t)` (seconds a step waited for the loader) over
 * `Batch (t)` (seconds per step, data wait included), both means over the log window, stays above
 * `dataBottleneckRatio` for `dataBottleneckMinPoints` consecutive lines. The fraction of time lost is
 * Σ data ÷ Σ batch, each line weighted by the steps it covers; the worst window is the evidence.
 * Isolated slow lines (the first line of an epoch or of a resumed launch includes start-up) never fire.
 */
import { formatPercentOf, formatStepRange, roundTo } from './format';
import { findSustainedRuns, joinByStep, stepWeights } from './series';
import type { Thresholds } from './thresholds';
import type { DiagnosticFinding, SeriesPoint } from './types';

export const DATA_TIME_KEY = 'train/data_time';
export const BATCH_TIME_KEY = 'train/batch_time';

export function diagnoseDataBottleneck(
  dataTime: readonly SeriesPoint[],
  batchTime: readonly SeriesPoint[],
  thresholds: Pick<Thresholds, 'dataBottleneckRatio' | 'dataBottleneckHighRatio' | 'dataBottleneckMinPoints'>,
): DiagnosticFinding | null {
  const joined = joinByStep(dataTime, batchTime).filter((point) => point.b > 0 && point.a >= 0);
  if (joined.length < thresholds.dataBottleneckMinPoints) return null;
  const weights = stepWeights(joined.map((point) => point.step));
  const ratio = (index: number) => joined[index]!.a / joined[index]!.b;
  const windows = findSustainedRuns(
    joined.map((_, index) => index),
    (index) => ratio(index) > thresholds.dataBottleneckRatio,
    thresholds.dataBottleneckMinPoints,
  );
  if (windows.length === 0) return null;

  const lost = (from: number, to: number) => {
    let data = 0;
    let batch = 0;
    for (let index = from; index <= to; index += 1) {
      data += joined[index]!.a * weights[index]!;
      batch += joined[index]!.b * weights[index]!;
    }
    return { data, batch };
  };
  // The worst window is the one that lost the most time.
  const [start, end] = windows.reduce((worst, window) => (lost(...window).data > lost(...worst).data ? window : worst));
  const window = lost(start, end);
  const whole = lost(0, joined.length - 1);
  const windowFraction = window.data / window.batch;
  const runFraction = whole.data / whole.batch;
  const fromStep = joined[start]!.step;
  const toStep = joined[end]!.step;
  const lines = end - start + 1;
  return {
    code: 'data_bottleneck',
    severity: windowFraction >= thresholds.dataBottleneckHighRatio ? 'high' : 'medium',
    summary:
      `Waiting for data took ${formatPercentOf(windowFraction)} of step time over ${formatStepRange(fromStep, toStep)} (${lines} log lines); ` +
      `${formatPercentOf(runFraction)} of the run's training time went to waiting for data.`,
    evidence: {
      metric: DATA_TIME_KEY,
      fromStep,
      toStep,
      values: {
        windowFractionLost: roundTo(windowFraction),
        runFractionLost: roundTo(runFraction),
        windowLines: lines,
        windows: windows.length,
        threshold: thresholds.dataBottleneckRatio,
      },
    },
    suggestion:
      'Compare Data (t) with Batch (t) in out.log: raise --workers, move the shards to local or faster storage, check CPU load from image decoding, and check that the number of shards is a multiple of workers × GPUs.',
  };
}
