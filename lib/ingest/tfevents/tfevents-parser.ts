import { keepLastPointPerStep } from '../dedupe-points';
import type { MetricPointInput } from '../metric-point';
import { decodeEvent, type TfEvent } from './event-proto';
import { mapTensorboardTag } from './openclip-tags';
import { readScalarValue } from './summary-scalar';
import { placeTensorboardStep, type OpenclipGeometry } from './tensorboard-step-axis';
import { DEFAULT_MAX_RECORD_BYTES, describeUnfinishedTail, readTfRecords, type TfRecordProblem } from './tfrecord-reader';
import { createTfeventsState, restoreTfeventsState, type TfeventsState } from './tfevents-state';

/** Problems listed per call; the count covers all of them. */
const PROBLEM_REPORT_LIMIT = 50;

export interface TfeventsOptions {
  /** The run's global batch (batch_size × accum_freq × world_size); turns on OpenCLIP step placement. */
  globalBatchSize?: number | null;
  /** The run's samples per epoch `M`; with the global batch it gives epochs and eval steps. */
  samplesPerEpoch?: number | null;
  maxRecordBytes?: number;
}

export interface TfeventsChunkResult {
  /** De-duplicated: the last occurrence wins per (key, step). */
  points: MetricPointInput[];
  /** Records not read (CRC failures, undecodable or oversized records, corrupt stretches), the first 50. */
  corrupt: TfRecordProblem[];
  corruptCount: number;
  /** Events decoded by this call, including file_version and non-summary events. */
  recordsRead: number;
  /** Summary values that are not scalar metrics: text, histograms, images, dropped tags, unstorable steps. */
  skippedValues: number;
  /** Unread tail to prepend to the next chunk. */
  pendingBytes: Uint8Array;
  discardedBytes: number;
  /** State for the next call; the input state is left untouched. */
  state: TfeventsState;
}

function readGeometry(options: TfeventsOptions): OpenclipGeometry | null {
  const { globalBatchSize, samplesPerEpoch } = options;
  if (!globalBatchSize || !(globalBatchSize > 0)) return null;
  return { globalBatchSize, samplesPerEpoch: samplesPerEpoch && samplesPerEpoch > 0 ? samplesPerEpoch : null };
}

/** Appends the event's scalar points; returns how many summary values were skipped. */
function collectPoints(event: TfEvent, geometry: OpenclipGeometry | null, points: MetricPointInput[]): number {
  let skipped = 0;
  const loggedStep = event.step === undefined ? 0 : Number(event.step);
  const wallTime = event.wallTime !== undefined && Number.isFinite(event.wallTime) && event.wallTime > 0 ? event.wallTime * 1000 : null;
  for (const summaryValue of event.summary?.value ?? []) {
    const mapping = mapTensorboardTag(summaryValue.tag || summaryValue.nodeName || '');
    const value = readScalarValue(summaryValue);
    const placement = placeTensorboardStep(loggedStep, mapping?.axis ?? 'global-step', geometry);
    if (!mapping || !mapping.key || value === null || !placement) {
      skipped += 1;
      continue;
    }
    points.push({ key: mapping.key, value, wallTime, ...placement });
  }
  return skipped;
}

/**
 * Parses the next bytes of one `events.out.tfevents.*` file: `bytes` is the previous call's
 * `pendingBytes` followed by new data, starting at file offset `state.reader.offset`. Each valid
 * record is decoded as an `Event` and every scalar summary value becomes a point under the metric key
 * the out.log parser uses (see `mapTensorboardTag`); a missing step is step 0 (proto3 default) and
 * wallTime is `wall_time` in milliseconds. Corrupt records are reported and skipped, never fatal.
 */
export function parseTfeventsChunk(bytes: Uint8Array, input: TfeventsState, options: TfeventsOptions = {}): TfeventsChunkResult {
  const state = restoreTfeventsState(input);
  const read = readTfRecords(bytes, state.reader, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
  const openclipPlacement = state.openclipPlacement ?? readGeometry(options) !== null;
  const geometry = openclipPlacement ? readGeometry(options) : null;
  const problems = [...read.problems];
  const points: MetricPointInput[] = [];
  let fileVersion = state.fileVersion;
  let skippedValues = 0;
  let recordsRead = 0;
  for (const record of read.records) {
    const decoded = decodeEvent(record.data);
    if ('error' in decoded) {
      problems.push({ offset: record.offset, reason: decoded.error });
      continue;
    }
    recordsRead += 1;
    fileVersion ??= decoded.event.fileVersion ?? null;
    skippedValues += collectPoints(decoded.event, geometry, points);
  }
  problems.sort((a, b) => a.offset - b.offset);
  return {
    points: keepLastPointPerStep(points),
    corrupt: problems.slice(0, PROBLEM_REPORT_LIMIT),
    corruptCount: problems.length,
    recordsRead,
    skippedValues,
    pendingBytes: read.pending,
    discardedBytes: read.discardedBytes,
    state: {
      version: 1,
      reader: read.state,
      recordsRead: state.recordsRead + recordsRead,
      corruptCount: state.corruptCount + problems.length,
      fileVersion,
      openclipPlacement,
    },
  };
}

/** Parses a whole file; bytes left over at its end are reported as a truncated record. */
export function parseTfeventsFile(bytes: Uint8Array, options: TfeventsOptions = {}): Omit<TfeventsChunkResult, 'pendingBytes'> {
  const { pendingBytes, ...result } = parseTfeventsChunk(bytes, createTfeventsState(), options);
  const tail = describeUnfinishedTail({ pending: pendingBytes, state: result.state.reader });
  if (!tail) return result;
  return {
    ...result,
    corrupt: [...result.corrupt, tail].slice(0, PROBLEM_REPORT_LIMIT),
    corruptCount: result.corruptCount + 1,
    state: { ...result.state, corruptCount: result.state.corruptCount + 1 },
  };
}
