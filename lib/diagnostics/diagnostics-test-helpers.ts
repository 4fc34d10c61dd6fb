import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { parseParamsTxt } from '@/lib/ingest/openclip/params-txt-parser';
import type { DiagnoseRunInput } from './diagnose-run';
import { groupPoints } from './series';
import type { DiagnosticRun, SeriesPoint } from './types';

// Builders shared by the diagnostics' unit tests (not a test file itself: vitest only runs *.test.ts).

/** Points at steps `start`, `start + every`, … with the given values; epoch = step / stepsPerEpoch. */
export function seriesOf(values: readonly number[], options: { start?: number; every?: number; stepsPerEpoch?: number; samplesPerStep?: number } = {}): SeriesPoint[] {
  const { start = 100, every = 100, stepsPerEpoch = 1000, samplesPerStep = 1024 } = options;
  return values.map((value, index) => {
    const step = start + index * every;
    return { step, value, epoch: step / stepsPerEpoch, samplesSeen: step * samplesPerStep };
  });
}

/** `count` copies of `value`. */
export function repeat(value: number, count: number): number[] {
  return Array.from({ length: count }, () => value);
}

export function makeRun(overrides: Partial<DiagnosticRun> = {}): DiagnosticRun {
  return {
    key: 'run',
    name: 'run',
    status: 'finished',
    model: 'ViT-B-32',
    config: null,
    samplesPerEpoch: null,
    epochs: null,
    globalBatchSize: null,
    gpus: null,
    precision: null,
    lastActivityAt: null,
    ...overrides,
  };
}

export interface LogRunOptions {
  outLog: string;
  paramsTxt?: string;
  key?: string;
  status?: DiagnosticRun['status'];
  now?: number;
}

/**
 * A diagnostics input from real-format files, through the same parsers ingestion uses: params.txt
 * (when given) is the config, as after an upload; the out.log train lines give the exact epoch size.
 */
export function inputFromLog(options: LogRunOptions): DiagnoseRunInput {
  const parsed = parseOutLog(options.outLog);
  const params = options.paramsTxt !== undefined ? parseParamsTxt(options.paramsTxt) : null;
  const info = { ...parsed.info, ...(params?.info ?? {}) };
  const now = options.now ?? Date.UTC(2026, 11, 5, 12);
  const { series, evalPoints } = groupPoints(parsed.points);
  return {
    run: makeRun({
      key: options.key ?? 'run',
      name: options.key ?? 'run',
      status: options.status ?? 'finished',
      model: info.model ?? null,
      config: params?.params ?? parsed.info.params ?? null,
      samplesPerEpoch: parsed.info.samplesPerEpoch ?? info.samplesPerEpoch ?? null,
      epochs: info.epochs ?? null,
      globalBatchSize: info.globalBatchSize ?? null,
      gpus: info.gpus ?? null,
      precision: info.precision ?? null,
      lastActivityAt: now,
    }),
    series,
    evalPoints,
    reference: null,
    peers: [],
    staleAfterSeconds: 900,
    now,
  };
}
