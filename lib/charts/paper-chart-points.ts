/**
 * Shared pieces of the paper-chart preparers: which runs are shown, one stable colour per run, and the
 * tooltip text of run and paper points.
 */
import type { PaperChartData, PaperChartPaperPoint, PaperChartRunPoint } from '@/lib/schemas/paper-charts';
import { SERIES_PALETTE } from './series-colors';

/** null = every run (the default of a fresh link). */
export function selectRuns(runs: readonly PaperChartRunPoint[], selected: readonly string[] | null): PaperChartRunPoint[] {
  if (selected === null) return [...runs];
  const wanted = new Set(selected);
  return runs.filter((run) => wanted.has(run.runKey));
}

/**
 * Colours by a run's place among *all* runs of the project (the API lists them oldest first), so a run
 * keeps its colour when others are hidden, on every chart of the page, and when newer runs arrive; the
 * first runs get the palette's most distinct hues instead of hash slots that may be look-alikes.
 */
export function assignRunColors(runs: readonly PaperChartRunPoint[]): Map<string, string> {
  return new Map(runs.map((run, index) => [`run:${run.runKey}`, SERIES_PALETTE[index % SERIES_PALETTE.length]!]));
}

export function runColor(colors: ReadonlyMap<string, string>, runKey: string): string {
  return colors.get(`run:${runKey}`) ?? '#4f46e5';
}

export function paperSeriesLabel(data: Pick<PaperChartData, 'paper'>): string {
  return `${data.paper?.shortName ?? 'Paper'} (reported)`;
}

export function runSource(run: PaperChartRunPoint): string {
  return `Lab run (${run.status})${run.valueKey ? `, ${run.valueKey}` : ''}`;
}

export function paperSource(point: PaperChartPaperPoint): string {
  return `${point.source}${point.resultType === 'main' ? '' : ` [${point.resultType}]`}`;
}
