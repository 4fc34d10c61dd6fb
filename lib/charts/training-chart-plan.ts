import {
  isBookkeepingKey,
  isRankKey,
  isRecallKey,
  isTrainLossKey,
  isValLossKey,
  isZeroShotKey,
} from './metric-keys';

export type ChartSection = 'train' | 'eval' | 'other';

/** One chart of a run page: which metric keys it draws, and what to say when it has nothing to draw. */
export interface TrainingChartSpec {
  /**
   * The chart's headline metric key, so `data-testid="chart-${id}"` names a metric
   * (`chart-train/loss`, `chart-val/imagenet-zeroshot-val-top1`). Fixed for the standard charts; the
   * first key (natural order) for the eval groups; the key itself for single-key charts.
   */
  id: string;
  title: string;
  section: ChartSection;
  /** Keys the run has that this chart draws, in legend order. Empty means "no data yet". */
  keys: string[];
  /** The key named in the empty message ("No train/lr points yet"). */
  expectedKey: string;
  /** Keys drawn against a second y-axis on the right (per-GPU throughput next to total throughput). */
  rightAxisKeys: string[];
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

function fixedChart(
  id: string,
  title: string,
  section: ChartSection,
  candidates: readonly string[],
  present: ReadonlySet<string>,
  rightAxisKeys: readonly string[] = [],
): TrainingChartSpec {
  return {
    id,
    title,
    section,
    keys: candidates.filter((key) => present.has(key)),
    expectedKey: candidates[0]!,
    rightAxisKeys: rightAxisKeys.filter((key) => present.has(key)),
  };
}

/**
 * Decides the run page's charts from the run's metric keys. The six training charts and the zero-shot
 * chart always appear (saying "no points yet" when empty, so a missing metric is visible); the other
 * eval groups appear when the run has such keys; any key no group claims gets a chart of its own, so
 * nothing a client sends is hidden. Keys are OpenCLIP's TensorBoard / W&B names (LOG_FORMATS.md §10).
 */
export function planTrainingCharts(metricKeys: readonly string[]): TrainingChartSpec[] {
  const present = new Set(metricKeys);
  const sorted = [...present].sort(naturalOrder);
  const lossKeys = ['train/loss', ...sorted.filter((key) => isTrainLossKey(key) && key !== 'train/loss')];
  const charts: TrainingChartSpec[] = [
    fixedChart('train/loss', 'Loss', 'train', lossKeys, present),
    fixedChart('train/lr', 'Learning rate', 'train', ['train/lr'], present),
    fixedChart('train/logit_scale', 'Logit scale', 'train', ['train/logit_scale', 'train/scale'], present),
    fixedChart(
      'train/samples_per_second',
      'Throughput (samples/s)',
      'train',
      ['train/samples_per_second', 'train/samples_per_scond', 'train/samples_per_second_per_gpu'],
      present,
      ['train/samples_per_second_per_gpu'],
    ),
    fixedChart('train/data_time', 'Data / batch time (s)', 'train', ['train/data_time', 'train/batch_time'], present),
  ];
  const claimed = new Set(charts.flatMap((chart) => chart.keys));
  const valKeys = sorted.filter((key) => key.startsWith('val/') && !isBookkeepingKey(key));
  const zeroShot = valKeys.filter(isZeroShotKey);
  const evalGroups: [string, string[]][] = [
    ['Retrieval recall (%)', valKeys.filter(isRecallKey)],
    ['Retrieval rank', valKeys.filter(isRankKey)],
    ['Validation loss', valKeys.filter((key) => isValLossKey(key) && !isZeroShotKey(key))],
  ];
  charts.push({
    id: 'val/imagenet-zeroshot-val-top1',
    title: 'Zero-shot accuracy (%)',
    section: 'eval',
    keys: zeroShot,
    expectedKey: 'val/imagenet-zeroshot-val-top1',
    rightAxisKeys: [],
  });
  for (const key of zeroShot) claimed.add(key);
  for (const [title, keys] of evalGroups) {
    if (keys.length === 0) continue;
    charts.push({ id: keys[0]!, title, section: 'eval', keys, expectedKey: keys[0]!, rightAxisKeys: [] });
    for (const key of keys) claimed.add(key);
  }
  const otherVal = valKeys.filter((key) => !claimed.has(key));
  if (otherVal.length > 0) {
    charts.push({ id: otherVal[0]!, title: 'Other eval metrics', section: 'eval', keys: otherVal, expectedKey: otherVal[0]!, rightAxisKeys: [] });
    for (const key of otherVal) claimed.add(key);
  }
  for (const key of sorted) {
    if (claimed.has(key) || isBookkeepingKey(key)) continue;
    charts.push({ id: key, title: key, section: 'other', keys: [key], expectedKey: key, rightAxisKeys: [] });
  }
  return charts;
}
