import { formatCount, formatFractionAsPercent } from '@/lib/charts/format';
import type { RunSummary } from '@/lib/schemas/run';

/** "1.2B of 12.8B" when the plan is known, "1.2B" otherwise, "—" before the first point. */
export function formatSamples(run: Pick<RunSummary, 'samplesSeen' | 'plannedSamples'>): string {
  if (run.samplesSeen === null) return '—';
  const seen = formatCount(run.samplesSeen);
  return run.plannedSamples ? `${seen} of ${formatCount(run.plannedSamples)}` : seen;
}

export function formatTop1(fraction: number | null): string {
  return fraction === null ? '—' : formatFractionAsPercent(fraction);
}

/** Share of the planned samples seen so far, in [0, 1], or null without a plan. */
export function progressOf(run: Pick<RunSummary, 'samplesSeen' | 'plannedSamples'>): number | null {
  if (!run.plannedSamples || run.samplesSeen === null) return null;
  return Math.min(1, run.samplesSeen / run.plannedSamples);
}
