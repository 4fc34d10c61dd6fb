import type { MetricPointInput, UnparsedLine } from '../metric-point';
import { forEachJsonObjectLine } from '../json-object-lines';
import { createUnparsedCollector } from '../unparsed-lines';

export interface BigVisionMetricsResult {
  points: MetricPointInput[];
  unparsed: UnparsedLine[];
  /** JSON object rows read (before rows of the same step are merged). */
  rows: number;
}

// Keys shared with OpenCLIP's curves; z/0shot accuracy is a fraction there too.
const KEY_MAP: Readonly<Record<string, string>> = {
  training_loss: 'train/loss',
  global_schedule: 'train/lr',
  t: 'train/logit_scale',
  'img/sec/core': 'train/samples_per_second_per_core',
  'z/0shot/imagenet2012_accuracy': 'val/imagenet-zeroshot-val-top1',
};

const MAX_STEP = 2_147_483_647;

interface StepRow {
  values: Map<string, number>;
  samplesSeen: number | null;
  epoch: number | null;
}

function toMetricKey(name: string): string {
  return Object.hasOwn(KEY_MAP, name) ? KEY_MAP[name] : `bv/${name}`;
}

function readFinite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Parses CLIPA JAX's `big_vision_metrics.txt` (LOG_FORMATS section 13.3): one JSON object per
 * measured step, bare NaN/Infinity allowed. Rows of the same step (the final step is written twice)
 * merge, later keys winning. samplesSeen is `examples_seen`, carried forward to rows without it;
 * epoch is the row's `epoch`. List values (shapes) are skipped.
 */
export function parseBigVisionMetrics(text: string): BigVisionMetricsResult {
  const unparsed = createUnparsedCollector();
  const steps = new Map<number, StepRow>();
  let rows = 0;
  let lastSamplesSeen: number | null = null;
  forEachJsonObjectLine(text, unparsed, (record, lineNumber, line) => {
    const step = record.step;
    if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || step > MAX_STEP) {
      return unparsed.add(lineNumber, line, 'row without an integer step');
    }
    rows += 1;
    lastSamplesSeen = readFinite(record.examples_seen) ?? lastSamplesSeen;
    const merged = steps.get(step) ?? { values: new Map<string, number>(), samplesSeen: null, epoch: null };
    merged.samplesSeen = readFinite(record.examples_seen) ?? merged.samplesSeen ?? lastSamplesSeen;
    merged.epoch = readFinite(record.epoch) ?? merged.epoch;
    for (const [name, value] of Object.entries(record)) {
      if (name !== 'step' && typeof value === 'number') merged.values.set(toMetricKey(name), value);
    }
    steps.set(step, merged);
  });
  const points: MetricPointInput[] = [];
  for (const [step, row] of steps) {
    for (const [key, value] of row.values) points.push({ key, step, value, epoch: row.epoch, samplesSeen: row.samplesSeen, wallTime: null });
  }
  return { points, unparsed: unparsed.lines, rows };
}
