import { keepLastPointPerStep } from '../dedupe-points';
import type { MetricPointInput, UnparsedLine } from '../metric-point';
import { forEachJsonObjectLine } from '../json-object-lines';
import { createUnparsedCollector } from '../unparsed-lines';
import { EVAL_BOOKKEEPING_KEYS } from './eval-line-parser';
import { placeEvalEpoch } from './step-axis';

export interface ResultsJsonlOptions {
  /** Epochs of out.log's `Eval Epoch:` summary lines, in order: row i was written with the i-th. */
  evalEpochs?: number[];
  zeroshotFrequency?: number;
  epochs?: number;
  stepsPerEpoch?: number | null;
  samplesPerEpoch?: number | null;
}

export interface ResultsJsonlResult {
  points: MetricPointInput[];
  unparsed: UnparsedLine[];
  /** JSON object rows read. */
  rows: number;
}

/** The i-th zero-shot evaluation: epochs E with E % frequency == 0, plus the last epoch (`epochs`). */
function scheduledEpoch(rowIndex: number, frequency: number | undefined, epochs: number | undefined): number | null {
  if (frequency === undefined || !(frequency > 0)) return null;
  if (epochs === undefined || !(epochs > 0)) return frequency * (rowIndex + 1);
  const multiples = Math.floor(epochs / frequency);
  if (rowIndex < multiples) return frequency * (rowIndex + 1);
  return rowIndex === multiples && epochs % frequency !== 0 ? epochs : null;
}

function resolveEpoch(row: Record<string, unknown>, rowIndex: number, options: ResultsJsonlOptions): number {
  const logged = row.epoch;
  if (typeof logged === 'number' && Number.isFinite(logged)) return logged;
  const fromOutLog = options.evalEpochs?.[rowIndex];
  if (typeof fromOutLog === 'number' && Number.isFinite(fromOutLog)) return fromOutLog;
  return scheduledEpoch(rowIndex, options.zeroshotFrequency, options.epochs) ?? rowIndex + 1;
}

/**
 * Parses OpenCLIP's `checkpoints/results.jsonl` (LOG_FORMATS section 7): one JSON object per
 * evaluation with Python's bare NaN/Infinity. The epoch comes from the row's `epoch` key, else from
 * out.log's eval lines (same order), else from the zero-shot schedule, else row number + 1; steps
 * follow the eval-line rule so both sources land on the same (key, step). Last row wins per epoch.
 */
export function parseResultsJsonl(text: string, options: ResultsJsonlOptions = {}): ResultsJsonlResult {
  const points: MetricPointInput[] = [];
  const unparsed = createUnparsedCollector();
  let rows = 0;
  forEachJsonObjectLine(text, unparsed, (record, lineNumber, line) => {
    const placement = placeEvalEpoch(resolveEpoch(record, rows, options), options.stepsPerEpoch ?? null, options.samplesPerEpoch ?? null);
    rows += 1;
    if (!placement) return unparsed.add(lineNumber, line, 'epoch out of range');
    for (const [name, value] of Object.entries(record)) {
      if (typeof value === 'number' && !EVAL_BOOKKEEPING_KEYS.has(name)) {
        points.push({ key: `val/${name}`, value, wallTime: null, ...placement });
      }
    }
  });
  return { points: keepLastPointPerStep(points), unparsed: unparsed.lines, rows };
}
