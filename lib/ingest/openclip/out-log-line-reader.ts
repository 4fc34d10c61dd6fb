import type { MetricPointInput } from '../metric-point';
import type { UnparsedCollector } from '../unparsed-lines';
import { parseEvalLine, type EvalLineParse } from './eval-line-parser';
import { isPythonWarning, recognizeForeignLine } from './foreign-lines';
import { readHeaderMessage } from './header-lines';
import { detectLogFlavour, findEmbeddedPrefix, splitLogPrefix, type PrefixedLine } from './log-prefix';
import type { OutLogState } from './out-log-parser';
import { readGlobalBatchSize } from './run-info-from-params';
import { countStepsPerEpoch, placeEvalEpoch, placeTrainSample } from './step-axis';
import { parseTrainLine, type TrainLineParse } from './train-line-parser';

export interface LineSink {
  points: MetricPointInput[];
  unparsed: UnparsedCollector;
}

// Real lines are < 2 KiB; only junk is longer, and nothing useful sits past this point.
const MAX_LINE_CHARS = 64 * 1024;
const MAX_ERRORS = 20;
const MAX_ERROR_CHARS = 1000;
// Bounds that keep the stored state small even for hostile input; real runs have ~110 short params.
const MAX_PARAMS = 500;
const MAX_PARAM_CHARS = 1000;
const MAX_MODEL_CHARS = 300;

function currentGlobalBatch(state: OutLogState): number | null {
  return (state.params ? readGlobalBatchSize(state.params, state.headerGpus) : undefined) ?? state.learnedGlobalBatch;
}

/**
 * Learns the global batch from the first train line of an epoch, which covers exactly one batch.
 * Only trusted when the epoch start was seen (`Start epoch E`) or the line is within the first
 * percent: an excerpt that begins mid-epoch must not teach N = 101 batches as the batch size.
 */
function learnGlobalBatch(state: OutLogState, epoch: number, samplesInEpoch: number, samplesPerEpoch: number, percent: number): void {
  const firstOfEpoch = state.lastTrainEpoch !== epoch;
  const looksLikeBatchOne = state.startedEpoch === epoch || percent <= 1;
  // N counts from 0 in the 2021/2022-03 formats, so their first line says nothing about the batch.
  if (firstOfEpoch && looksLikeBatchOne && samplesInEpoch > 0 && samplesInEpoch <= samplesPerEpoch) {
    state.learnedGlobalBatch = samplesInEpoch;
  }
}

function recordTrain(parse: TrainLineParse, wallTime: number | null, state: OutLogState, points: MetricPointInput[]): string | null {
  if (parse.kind === 'invalid') return parse.reason;
  const { epoch, samplesInEpoch, samplesPerEpoch, percent, metrics } = parse.record;
  learnGlobalBatch(state, epoch, samplesInEpoch, samplesPerEpoch, percent);
  state.lastTrainEpoch = epoch;
  if (state.startedEpoch === epoch) state.startedEpoch = null;
  state.samplesPerEpoch = samplesPerEpoch;
  const perSecond = metrics.get('train/samples_per_second');
  const perGpu = metrics.get('train/samples_per_second_per_gpu');
  if (perSecond !== undefined && perGpu !== undefined && perSecond > 0 && perGpu > 0) {
    const gpus = Math.max(1, Math.round(perSecond / perGpu));
    if (Number.isSafeInteger(gpus)) state.throughputGpus = gpus;
  }
  const globalBatch = currentGlobalBatch(state);
  if (globalBatch === null) return 'train line before the global batch size is known (no Params block, epoch start not seen)';
  const placement = placeTrainSample(epoch, samplesInEpoch, samplesPerEpoch, globalBatch);
  if (!placement) return 'train line with a step out of range';
  const { step, samplesSeen, epoch: fractionalEpoch } = placement;
  // forEach, not for…of: no entry array per point, and this runs for every point of a log.
  metrics.forEach((value, key) => points.push({ key, value, wallTime, step, samplesSeen, epoch: fractionalEpoch }));
  return null;
}

function recordEval(parse: EvalLineParse, wallTime: number | null, state: OutLogState, points: MetricPointInput[]): string | null {
  if (parse.kind === 'invalid') return parse.reason;
  if (parse.kind === 'progress') return null;
  const globalBatch = currentGlobalBatch(state);
  const samplesPerEpoch = state.samplesPerEpoch;
  const stepsPerEpoch = samplesPerEpoch !== null && globalBatch !== null ? countStepsPerEpoch(samplesPerEpoch, globalBatch) : null;
  const placement = placeEvalEpoch(parse.epoch, stepsPerEpoch, samplesPerEpoch);
  if (!placement) return 'eval line with an epoch out of range';
  for (const [name, value] of parse.metrics) points.push({ key: `val/${name}`, value, wallTime, ...placement });
  return null;
}

function addParam(state: OutLogState, key: string, value: string): void {
  const params = state.params ?? {};
  if (Object.hasOwn(params, key) || Object.keys(params).length < MAX_PARAMS) params[key] = value.slice(0, MAX_PARAM_CHARS);
  state.params = params;
}

function readHeader(message: string, state: OutLogState): void {
  const header = readHeaderMessage(message);
  const previousBlock = state.block;
  state.block = 'none';
  if (!header) return;
  if (header.kind === 'launch') {
    if (header.gpus !== null && Number.isSafeInteger(header.gpus) && header.gpus > 0) state.headerGpus = header.gpus;
    if (!header.isRankZero) return;
    state.launches += 1;
    state.lastTrainEpoch = null;
    state.startedEpoch = null;
  } else if (header.kind === 'model-config') {
    state.headerModel = header.model.slice(0, MAX_MODEL_CHARS);
  } else if (header.kind === 'start-epoch') {
    if (Number.isSafeInteger(header.epoch)) state.startedEpoch = header.epoch;
    state.lastTrainEpoch = null;
  } else if (header.kind === 'params-start') {
    state.params = {};
    state.block = 'params';
  } else if (header.kind === 'param') {
    // CLIP-KD forks print the `  key: value` lines without a `Params:` line before them.
    if (previousBlock !== 'params') state.params = {};
    addParam(state, header.key, header.value);
    state.block = 'params';
  } else {
    state.block = 'model';
  }
}

function readPrefixed(line: PrefixedLine, state: OutLogState, points: MetricPointInput[]): string | null {
  const { message, level, wallTime } = line;
  state.expectWarningCode = false;
  const train = parseTrainLine(message);
  if (train) {
    state.block = 'none';
    return recordTrain(train, wallTime, state, points);
  }
  const evalLine = parseEvalLine(message);
  if (evalLine) {
    state.block = 'none';
    return recordEval(evalLine, wallTime, state, points);
  }
  if (level === 'ERROR' || level === 'CRITICAL') {
    if (state.errors.length < MAX_ERRORS) state.errors.push(message.slice(0, MAX_ERROR_CHARS));
    state.block = 'traceback';
    return null;
  }
  // Any other prefixed message is understood: header, resume, zero-shot, fork info lines alike.
  readHeader(message, state);
  if (level === 'WARNING' && isPythonWarning(message)) state.expectWarningCode = true;
  return null;
}

function readUnprefixed(text: string, state: OutLogState, points: MetricPointInput[]): string | null {
  const train = parseTrainLine(text);
  if (train) return recordTrain(train, null, state, points);
  const evalLine = parseEvalLine(text);
  if (evalLine) return recordEval(evalLine, null, state, points);
  const expectedWarningCode = state.expectWarningCode;
  state.expectWarningCode = false;
  if (state.block !== 'none') return null;
  if (expectedWarningCode && /^\s/.test(text)) return null;
  const foreign = recognizeForeignLine(text);
  if (foreign === 'traceback-start') state.block = 'traceback';
  if (foreign === 'python-warning') state.expectWarningCode = true;
  return foreign ? null : 'not understood';
}

function splitPrefixedAt(text: string, state: OutLogState): PrefixedLine | null {
  const flavour = state.flavour ?? detectLogFlavour(text);
  const prefixed = flavour ? splitLogPrefix(text, flavour) : null;
  if (prefixed) state.flavour = flavour;
  return prefixed;
}

/** The record at the start of the line, else one glued on after junk (searched only then: it scans the line). */
function splitPrefixed(text: string, state: OutLogState): PrefixedLine | null {
  const atStart = splitPrefixedAt(text, state);
  if (atStart) return atStart;
  const embedded = findEmbeddedPrefix(text);
  return embedded < 0 ? null : splitPrefixedAt(text.slice(embedded), state);
}

function readSegment(text: string, state: OutLogState, points: MetricPointInput[]): string | null {
  if (text.trim() === '') return null;
  const prefixed = splitPrefixed(text, state);
  return prefixed ? readPrefixed(prefixed, state, points) : readUnprefixed(text, state, points);
}

/**
 * Reads one physical out.log line into `state` and `sink`. tqdm's `\r` updates split a line into
 * segments read in order; the line is reported once, with the first segment's problem.
 */
export function readOutLogLine(line: string, lineNumber: number, state: OutLogState, sink: LineSink): void {
  const capped = line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
  const segments = capped.includes('\r') ? capped.split('\r') : [capped];
  let problem: string | null = null;
  for (const segment of segments) {
    const segmentProblem = readSegment(segment, state, sink.points);
    problem ??= segmentProblem;
  }
  if (problem !== null) sink.unparsed.add(lineNumber, line, problem);
}
