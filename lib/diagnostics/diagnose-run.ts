/**
 * Runs every diagnostic on one run's ingested data and returns the findings, most severe first
 * (config mismatch first among equals: it is the first cause of a gap to rule out). Pure: the caller
 * reads the inputs (bounded series, evaluations, the linked result, peers) and supplies `now`.
 */
import { diagnoseConfigMismatch } from './config-mismatch';
import { BATCH_TIME_KEY, DATA_TIME_KEY, diagnoseDataBottleneck } from './data-bottleneck';
import { diagnoseLogitScalePinned, diagnoseLossSpikes, diagnoseNonFiniteLoss, LOGIT_SCALE_KEY, pickLossKey } from './divergence';
import { diagnoseEvalKeyChanges, diagnoseMissingEvals } from './eval-gaps';
import { diagnoseStalled } from './stalled';
import { diagnoseThroughputBelowPeers, diagnoseThroughputDrop, PER_GPU_KEY } from './throughput';
import { resolveThresholds, type ThresholdOverrides } from './thresholds';
import { DIAGNOSTIC_CODES, SEVERITIES, type DiagnosticFinding, type DiagnosticRun, type EvalPoint, type PeerThroughput, type ReferenceResult, type SeriesPoint } from './types';

export interface DiagnoseRunInput {
  run: DiagnosticRun;
  /** Train series by key (`train/loss`, `train/data_time`, …), sorted by step; all points or a bounded sample. */
  series: Readonly<Record<string, readonly SeriesPoint[]>>;
  evalPoints: readonly EvalPoint[];
  reference: ReferenceResult | null;
  peers: readonly PeerThroughput[];
  staleAfterSeconds: number;
  now: number;
  thresholds?: ThresholdOverrides;
}

const EMPTY: readonly SeriesPoint[] = [];

/** First and last fractional epoch over the train series. */
function trainEpochRange(series: DiagnoseRunInput['series']): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const [key, points] of Object.entries(series)) {
    if (!key.startsWith('train/')) continue;
    for (const point of points) {
      if (point.epoch === null) continue;
      first = Math.min(first, point.epoch);
      last = Math.max(last, point.epoch);
    }
  }
  return Number.isFinite(first) ? { first, last } : null;
}

function lastStepOf(series: DiagnoseRunInput['series']): number | null {
  let last = -Infinity;
  for (const points of Object.values(series)) if (points.length > 0) last = Math.max(last, points[points.length - 1]!.step);
  return Number.isFinite(last) ? last : null;
}

/** Steps per epoch as the run's own points show it (step ÷ fractional epoch of the latest train point). */
function stepsPerEpochOf(input: DiagnoseRunInput): number | null {
  const { samplesPerEpoch, globalBatchSize } = input.run;
  if (samplesPerEpoch && globalBatchSize) return Math.ceil(samplesPerEpoch / globalBatchSize);
  const points = input.series['train/loss'] ?? Object.values(input.series)[0] ?? EMPTY;
  const last = [...points].reverse().find((point) => point.epoch !== null && point.epoch > 0);
  return last ? last.step / last.epoch! : null;
}

/** Most severe first; among equals in code order (config mismatch first: the first cause of a gap to rule out). */
export function sortFindings<T extends Pick<DiagnosticFinding, 'severity' | 'code'>>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || DIAGNOSTIC_CODES.indexOf(a.code) - DIAGNOSTIC_CODES.indexOf(b.code),
  );
}

export function diagnoseRun(input: DiagnoseRunInput): DiagnosticFinding[] {
  const thresholds = resolveThresholds(input.thresholds);
  const { run, series } = input;
  const lossKey = pickLossKey(Object.keys(series));
  const loss = lossKey ? series[lossKey] ?? EMPTY : EMPTY;
  const plannedSamples = run.samplesPerEpoch && run.epochs ? run.samplesPerEpoch * run.epochs : null;
  const findings = [
    diagnoseConfigMismatch(run, input.reference, thresholds),
    lossKey ? diagnoseNonFiniteLoss(lossKey, loss) : null,
    lossKey ? diagnoseLossSpikes(lossKey, loss, thresholds) : null,
    diagnoseLogitScalePinned(series[LOGIT_SCALE_KEY] ?? EMPTY, { plannedSamples, epochs: run.epochs }, thresholds),
    diagnoseDataBottleneck(series[DATA_TIME_KEY] ?? EMPTY, series[BATCH_TIME_KEY] ?? EMPTY, thresholds),
    diagnoseThroughputDrop(series[PER_GPU_KEY] ?? EMPTY, thresholds),
    diagnoseThroughputBelowPeers(series[PER_GPU_KEY] ?? EMPTY, input.peers, thresholds),
    diagnoseStalled(run, lastStepOf(series), input.staleAfterSeconds, input.now),
    diagnoseMissingEvals(input.evalPoints, {
      status: run.status,
      config: run.config,
      epochs: run.epochs,
      trainEpochs: trainEpochRange(series),
      stepsPerEpoch: stepsPerEpochOf(input),
    }),
    diagnoseEvalKeyChanges(input.evalPoints),
  ];
  return sortFindings(findings.filter((finding): finding is DiagnosticFinding => finding !== null));
}
