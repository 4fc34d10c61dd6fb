/**
 * Throughput regression, on OpenCLIP's samples/s per GPU (the last step's rate at each log line):
 * - `throughput_drop`: `throughputMinPoints` consecutive lines below (1 − `throughputDropRatio`) × the
 *   run's own median. The first line of an epoch or of a resumed launch (one step with start-up) is a
 *   single slow line and never fires. The window with the lowest median is the evidence.
 * - `throughput_below_peers`: the run's median is (1 − `peerThroughputDropRatio`) × below the median of
 *   other runs of the same model on the same number of GPUs.
 */
import { formatMeasured, formatPercentOf, formatStepRange, roundTo } from './format';
import { findSustainedRuns, finitePoints, median } from './series';
import type { Thresholds } from './thresholds';
import type { DiagnosticFinding, PeerThroughput, SeriesPoint } from './types';

export const PER_GPU_KEY = 'train/samples_per_second_per_gpu';

/** The typical per-GPU rate of a series (median of finite positive values), or null when too short to say. */
export function typicalThroughput(points: readonly SeriesPoint[], minPoints: number): number | null {
  const values = finitePoints(points).map((point) => point.value).filter((value) => value > 0);
  return values.length >= minPoints ? median(values) : null;
}

export function diagnoseThroughputDrop(
  points: readonly SeriesPoint[],
  thresholds: Pick<Thresholds, 'throughputDropRatio' | 'throughputHighDropRatio' | 'throughputMinPoints'>,
): DiagnosticFinding | null {
  const usable = finitePoints(points).filter((point) => point.value > 0);
  if (usable.length < 2 * thresholds.throughputMinPoints) return null;
  const runMedian = median(usable.map((point) => point.value))!;
  const limit = (1 - thresholds.throughputDropRatio) * runMedian;
  const windows = findSustainedRuns(usable, (point) => point.value < limit, thresholds.throughputMinPoints);
  if (windows.length === 0) return null;
  const windowMedian = ([start, end]: [number, number]) => median(usable.slice(start, end + 1).map((point) => point.value))!;
  const worst = windows.reduce((low, window) => (windowMedian(window) < windowMedian(low) ? window : low));
  const slow = windowMedian(worst);
  const drop = 1 - slow / runMedian;
  const fromStep = usable[worst[0]]!.step;
  const toStep = usable[worst[1]]!.step;
  return {
    code: 'throughput_drop',
    severity: drop >= thresholds.throughputHighDropRatio ? 'high' : 'medium',
    summary: `Samples/s per GPU fell to ${formatMeasured(slow)} over ${formatStepRange(fromStep, toStep)}, ${formatPercentOf(drop)} below the run's median of ${formatMeasured(runMedian)}.`,
    evidence: {
      metric: PER_GPU_KEY,
      fromStep,
      toStep,
      values: { windowMedian: roundTo(slow), runMedian: roundTo(runMedian), drop: roundTo(drop), windowLines: worst[1] - worst[0] + 1, windows: windows.length },
    },
    suggestion:
      'Look at data time and batch time over the same steps: a rising data time is the loader, a rising batch time with flat data time is the GPUs (a slower or throttled node, another job, a checkpoint or eval running in the background).',
  };
}

export function diagnoseThroughputBelowPeers(
  points: readonly SeriesPoint[],
  peers: readonly PeerThroughput[],
  thresholds: Pick<Thresholds, 'peerThroughputDropRatio' | 'throughputMinPoints'>,
): DiagnosticFinding | null {
  const own = typicalThroughput(points, thresholds.throughputMinPoints);
  const peerMedian = median(peers.map((peer) => peer.medianPerGpu).filter((value) => Number.isFinite(value) && value > 0));
  if (own === null || peerMedian === null) return null;
  const drop = 1 - own / peerMedian;
  if (drop <= thresholds.peerThroughputDropRatio) return null;
  const finite = finitePoints(points);
  const names = peers.map((peer) => peer.runKey);
  return {
    code: 'throughput_below_peers',
    severity: 'low',
    summary:
      `Samples/s per GPU is ${formatMeasured(own)} (median), ${formatPercentOf(drop)} below ${formatMeasured(peerMedian)} for ${peers.length} other ` +
      `${peers.length === 1 ? 'run' : 'runs'} of the same model on as many GPUs (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}).`,
    evidence: {
      metric: PER_GPU_KEY,
      fromStep: finite[0]?.step,
      toStep: finite[finite.length - 1]?.step,
      values: { runMedian: roundTo(own), peerMedian: roundTo(peerMedian), drop: roundTo(drop), peers: peers.length },
      lines: peers.map((peer) => `${peer.runKey}: ${formatMeasured(peer.medianPerGpu)} samples/s per GPU`),
    },
    suggestion: 'Compare the config with the faster runs: GPU type, precision, batch size per GPU, --grad-checkpointing, torch.compile and the data loader settings.',
  };
}
