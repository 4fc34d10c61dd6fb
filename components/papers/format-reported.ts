/**
 * How reported numbers are written on the papers pages. Accuracies keep the digits the source printed
 * (82.70 stays "82.70") when the row's raw text holds the same number; otherwise (open_clip fractions
 * scaled to percent) they get at most two decimals. Counts use B/M as the papers do, costs and hours
 * keep every digit, because these are quoted numbers, not measurements to round.
 */
import { getCanonicalMetric, isCanonicalMetricName, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { ComparedNumberField, ReportedResult, SourceDifference } from '@/lib/schemas/papers';

const SAMPLE_UNITS = [
  ['T', 1e12],
  ['B', 1e9],
  ['M', 1e6],
  ['k', 1e3],
] as const;

/** 12800000000 → "12.8B", 2560000000 → "2.56B", 128000000 → "128M". */
export function formatSamples(value: number): string {
  for (const [unit, size] of SAMPLE_UNITS) {
    if (Math.abs(value) >= size) return `${Number((value / size).toFixed(3))}${unit}`;
  }
  return String(value);
}

export function formatInteger(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function formatUsd(value: number): string {
  return `$${formatInteger(value)}`;
}

/** A percent value; the source's own text when it says the same number. */
export function formatMetric(result: Pick<ReportedResult, 'metrics' | 'raw'>, name: CanonicalMetricName): string | null {
  const value = result.metrics[name];
  if (value === undefined) return null;
  const printed = result.raw[name]?.trim();
  if (printed && Number(printed) === value) return printed;
  return formatPercentNumber(value);
}

function formatPercentNumber(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2, useGrouping: false });
}

const FIELD_LABELS: Record<ComparedNumberField, string> = {
  samplesSeen: 'Pre-training samples',
  pretrainImageRes: 'Pre-training resolution',
  pretrainImageTokens: 'Pre-training image tokens',
  textTokenLen: 'Text tokens',
  finetuneSamplesSeen: 'Fine-tuning samples',
  totalSamplesSeen: 'Total samples',
  evalImageRes: 'Eval resolution',
  gpuHours: 'GPU-hours',
  costUsd: 'Cost',
  computeTotal1e11GflopsXSamples: 'Total compute (×1e11 GFLOPs×samples)',
  paramsM: 'Parameters (M)',
};

export function differenceLabel(field: SourceDifference['field']): string {
  return isCanonicalMetricName(field) ? getCanonicalMetric(field).shortLabel : FIELD_LABELS[field];
}

/** One side of a difference, written like the table writes that field. */
export function formatDifferenceValue(field: SourceDifference['field'], value: number, result?: Pick<ReportedResult, 'metrics' | 'raw'>): string {
  if (isCanonicalMetricName(field)) return (result && formatMetric(result, field)) ?? formatPercentNumber(value);
  switch (field) {
    case 'samplesSeen':
    case 'finetuneSamplesSeen':
    case 'totalSamplesSeen':
      return formatSamples(value);
    case 'pretrainImageRes':
    case 'evalImageRes':
      return `${value}px`;
    case 'costUsd':
      return formatUsd(value);
    default:
      return formatInteger(value);
  }
}

/** "84px · 36 image tokens · 8 text tokens" for the reduced-token pre-training stage, or null. */
export function formatPretrainStage(result: Pick<ReportedResult, 'pretrainImageRes' | 'pretrainImageTokens' | 'textTokenLen'>): string | null {
  const parts = [
    result.pretrainImageRes !== null ? `${result.pretrainImageRes}px` : null,
    result.pretrainImageTokens !== null ? `${result.pretrainImageTokens} image tokens` : null,
    result.textTokenLen !== null ? `${result.textTokenLen} text tokens` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
