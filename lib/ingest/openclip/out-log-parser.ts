import { keepLastPointPerStep } from '../dedupe-points';
import type { MetricPointInput, UnparsedLine } from '../metric-point';
import { splitTextLines } from '../split-lines';
import { groupPointsByKey, hasIncreasingSteps } from '../points-by-key';
import { createUnparsedCollector } from '../unparsed-lines';
import type { LogFlavour } from './log-prefix';
import { readOutLogLine } from './out-log-line-reader';
import { restoreOutLogState } from './out-log-state-restore';
import { deriveRunInfoFromParams, type RunInfoFromParams } from './run-info-from-params';

/**
 * Everything the parser must remember between chunks of one out.log. Plain JSON (it is stored in the
 * database between uploads) and bounded in size: counters and the latest `Params:` block, no lines.
 */
export interface OutLogState {
  version: 1;
  /** Physical lines consumed so far; the next line is number linesConsumed + 1. */
  linesConsumed: number;
  /** Prefix flavour, decided by the file's first prefixed line. */
  flavour: LogFlavour | null;
  /** Multi-line record that unprefixed lines currently continue. */
  block: 'none' | 'model' | 'params' | 'traceback';
  /** The previous line was a Python warning header; an indented source line may follow. */
  expectWarningCode: boolean;
  launches: number;
  errors: string[];
  headerModel: string | null;
  headerGpus: number | null;
  /** round(S/s ÷ S/s/gpu) from the latest train line that had both. */
  throughputGpus: number | null;
  /** The latest launch's `Params:` block, null until one is seen. */
  params: Record<string, string> | null;
  /** Samples per epoch `M` of the latest train line. */
  samplesPerEpoch: number | null;
  /** Global batch taken from an epoch's first train line, used when the params do not give one. */
  learnedGlobalBatch: number | null;
  /** Epoch of the latest train line in the current launch. */
  lastTrainEpoch: number | null;
  /** Epoch announced by `Start epoch K` whose first train line has not been seen yet. */
  startedEpoch: number | null;
}

/** What the log says about the run; only fields seen so far are present. */
export interface OutLogRunInfo extends RunInfoFromParams {
  /** Header blocks seen: 1 = fresh run, 2+ = resumed into the same out.log. */
  launches: number;
  /** ERROR/CRITICAL messages, the first 20. */
  errors: string[];
}

export interface OutLogChunkResult {
  /** De-duplicated within the chunk: the last occurrence wins per (key, step). */
  points: MetricPointInput[];
  /** The first 50 unparsed lines of this call. */
  unparsed: UnparsedLine[];
  unparsedCount: number;
  /** Physical lines consumed by this call. */
  lineCount: number;
  /** State to pass with the next chunk; the input state is left untouched. */
  state: OutLogState;
  /** Cumulative run info (kept in the state). */
  info: OutLogRunInfo;
}

const UNPARSED_REPORT_LIMIT = 50;

export function createOutLogState(): OutLogState {
  return {
    version: 1,
    linesConsumed: 0,
    flavour: null,
    block: 'none',
    expectWarningCode: false,
    launches: 0,
    errors: [],
    headerModel: null,
    headerGpus: null,
    throughputGpus: null,
    params: null,
    samplesPerEpoch: null,
    learnedGlobalBatch: null,
    lastTrainEpoch: null,
    startedEpoch: null,
  };
}

/** Merges header facts, the latest `Params:` block and train-line facts; params win over the header. */
/** The run info a parser state has gathered so far (every chunk's result carries it whole). */
export function buildOutLogRunInfo(state: OutLogState): OutLogRunInfo {
  const fromParams = state.params ? deriveRunInfoFromParams(state.params, state.headerGpus) : {};
  const info: OutLogRunInfo = {
    ...fromParams,
    model: fromParams.model ?? state.headerModel ?? undefined,
    gpus: fromParams.gpus ?? state.headerGpus ?? state.throughputGpus ?? undefined,
    globalBatchSize: fromParams.globalBatchSize ?? state.learnedGlobalBatch ?? undefined,
    // Only the train line's M is exact; params' train_num_samples is the requested size (rounded up by webdataset).
    samplesPerEpoch: state.samplesPerEpoch ?? undefined,
    launches: state.launches,
    errors: [...state.errors],
  };
  for (const key of Object.keys(info) as (keyof OutLogRunInfo)[]) {
    if (info[key] === undefined) delete info[key];
  }
  return info;
}

/**
 * Parses the next lines of an OpenCLIP `out.log` (LOG_FORMATS sections 2–6, 11, 12, 14) into metric
 * points and run info, resuming from `state`. `lines` are complete physical lines in file order
 * without their newline, continuing after the lines given to earlier calls; a line may still carry
 * tqdm's `\r` updates. Never throws: anything it cannot use is reported as unparsed.
 */
export function parseOutLogLines(lines: readonly string[], state: OutLogState): OutLogChunkResult {
  const next = restoreOutLogState(state);
  const points: MetricPointInput[] = [];
  const unparsed = createUnparsedCollector(UNPARSED_REPORT_LIMIT);
  for (const line of lines) {
    next.linesConsumed += 1;
    readOutLogLine(typeof line === 'string' ? line : String(line), next.linesConsumed, next, { points, unparsed });
  }
  return {
    points: hasIncreasingSteps(groupPointsByKey(points)) ? points : keepLastPointPerStep(points),
    unparsed: unparsed.lines,
    unparsedCount: unparsed.count(),
    lineCount: lines.length,
    state: next,
    info: buildOutLogRunInfo(next),
  };
}

/** Parses a whole out.log text (`\n` or `\r\n` line ends, tqdm `\r` updates) in one call. */
export function parseOutLog(text: string): OutLogChunkResult {
  return parseOutLogLines(splitTextLines(text), createOutLogState());
}
