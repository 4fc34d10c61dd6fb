import type { Series } from '@/lib/schemas/metrics';
import { prepareCurves, type ChartControls, type PreparedChart } from './prepare-training-curves';
import { SERIES_PALETTE } from './series-colors';
import { pickX, type XAxis, type XContext } from './x-axis';

/**
 * Twenty distinguishable colours: the series palette, then ten darker/lighter companions. A run's
 * colour is its position in the compare selection, so it is the same on every chart of the page
 * and after a reload (the selection order is in the URL).
 */
export const COMPARE_PALETTE = [
  ...SERIES_PALETTE,
  '#1e3a8a', // navy
  '#854d0e', // brown
  '#65a30d', // lime
  '#be185d', // pink
  '#0e7490', // cyan
  '#4c1d95', // deep violet
  '#15803d', // green
  '#9a3412', // rust
  '#a1a1aa', // grey
  '#ca8a04', // mustard
] as const;

export function compareRunColor(index: number): string {
  return COMPARE_PALETTE[index % COMPARE_PALETTE.length]!;
}

export interface CompareRun {
  key: string;
  label: string;
  color: string;
  context: XContext;
}

/** One metric across runs: a line per run (in selection order) through the shared pipeline. */
export function prepareCompareChart(
  metricKey: string,
  runs: readonly CompareRun[],
  seriesByRun: ReadonlyMap<string, Series | undefined>,
  controls: ChartControls,
): PreparedChart {
  return prepareCurves(
    runs.map((run) => ({
      key: run.key,
      label: run.label,
      color: run.color,
      metricKey,
      axis: 'left' as const,
      points: seriesByRun.get(run.key)?.points ?? [],
      context: run.context,
    })),
    controls,
    { expectedKey: metricKey },
  );
}

/**
 * The step range to read from the server for a zoomed x range. On the step axis it is the range
 * itself (widened to whole steps); on other axes it comes from the run's overview points: the steps
 * of the points inside the range, plus the nearest point outside on each side so the zoomed line
 * still reaches the chart's edges. null means "read everything" (no zoom, or no points to map with).
 */
export function stepRangeForZoom(
  points: readonly Series['points'][number][],
  axis: XAxis,
  context: XContext | null,
  zoom: { from: number; to: number } | null,
): { from: number; to: number } | null {
  if (!zoom) return null;
  if (axis === 'step') return { from: Math.max(0, Math.floor(zoom.from)), to: Math.max(0, Math.ceil(zoom.to)) };
  const located = points
    .map((point) => ({ step: point.step, x: pickX(point, axis, context) }))
    .filter((point): point is { step: number; x: number } => point.x !== null)
    .sort((a, b) => a.x - b.x);
  if (located.length === 0) return null;
  let first = located.findIndex((point) => point.x >= zoom.from);
  if (first < 0) first = located.length - 1;
  let last = located.length - 1;
  while (last > 0 && located[last]!.x > zoom.to) last -= 1;
  const window = located.slice(Math.max(0, first - 1), Math.min(located.length, Math.max(last, first) + 2));
  const steps = window.map((point) => point.step);
  return { from: Math.min(...steps), to: Math.max(...steps) };
}

/**
 * Points per series asked of the server: at least one per pixel, in steps of 1,000. Every chart up
 * to 1,000 px wide (all of them but full-width charts on wide screens) asks for the same 1,000, so a
 * page can request its series before the charts have been laid out and measured.
 */
export const DEFAULT_MAX_POINTS = 1_000;

export function maxPointsForWidth(widthPx: number): number {
  if (!(widthPx > 0)) return DEFAULT_MAX_POINTS;
  return Math.min(4_000, Math.ceil(widthPx / DEFAULT_MAX_POINTS) * DEFAULT_MAX_POINTS);
}

/**
 * A zoomed read joined to the overview: the zoomed range's points at full chart resolution, plus
 * the overview's points outside it, so a sparse series (one evaluation per epoch) still has the
 * neighbours that carry its line to the chart's edges.
 */
export function mergeZoomedSeries(overview: Series | undefined, zoomed: Series | undefined, range: { from: number; to: number } | null): Series | undefined {
  if (!range || !zoomed) return overview;
  const outside = (overview?.points ?? []).filter((point) => point.step < range.from || point.step > range.to);
  return { key: zoomed.key, points: [...outside, ...zoomed.points].sort((a, b) => a.step - b.step) };
}
