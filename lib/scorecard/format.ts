/** Display formats of the scorecard: values in percent, signed gaps in percentage points, schedules, ETAs. */
import { formatCount, formatDuration } from '@/lib/charts/format';

/** Decimals to print: one, or two when the value has a second one (open_clip re-evaluations: 81.52). */
function decimalsOf(value: number): 1 | 2 {
  const tenths = value * 10;
  return Math.abs(tenths - Math.round(tenths)) < 1e-6 ? 1 : 2;
}

/** 81.8 → "81.8%", 81.52 → "81.52%". */
export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  const rounded = Number(value.toFixed(2));
  return `${rounded.toFixed(decimalsOf(rounded))}%`;
}

/** +0.3 pp / −1.2 pp (a real minus sign) / ±0.0 pp. */
export function formatGap(gap: number | null): string {
  if (gap === null) return '—';
  const rounded = Number(gap.toFixed(2));
  const digits = decimalsOf(rounded);
  if (rounded === 0) return `±${(0).toFixed(digits)} pp`;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)} pp`;
}

export interface ScheduleFacts {
  samplesSeen: number | null;
  pretrainImageRes: number | null;
  textTokenLen: number | null;
  finetuneSamplesSeen: number | null;
  totalSamplesSeen: number | null;
}

/** "12.8B@84 px, 8 text tokens + 640M fine-tuning"; "" when the result states no samples or sizes. */
export function formatSchedule(result: ScheduleFacts): string {
  const pretrain = [
    result.samplesSeen !== null ? formatCount(result.samplesSeen) : null,
    result.pretrainImageRes !== null ? `${result.samplesSeen !== null ? '@' : ''}${result.pretrainImageRes} px` : null,
  ].join('');
  const parts = [pretrain, result.textTokenLen !== null ? `${result.textTokenLen} text tokens` : null].filter(Boolean).join(', ');
  const finetune = result.finetuneSamplesSeen !== null ? `${formatCount(result.finetuneSamplesSeen)} fine-tuning` : null;
  if (parts && finetune) return `${parts} + ${finetune}`;
  if (parts || finetune) return parts || finetune!;
  return result.totalSamplesSeen !== null ? `${formatCount(result.totalSamplesSeen)} samples` : '';
}

/** "in 3 h", "in 2 days", "any moment" (done, or under a minute). */
export function formatEtaIn(remainingSeconds: number): string {
  return remainingSeconds < 60 ? 'any moment' : `in ${formatDuration(remainingSeconds * 1000)}`;
}
