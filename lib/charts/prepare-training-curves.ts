import type { Series } from '@/lib/schemas/metrics';
import { toPercent } from '@/lib/metrics/canonical-metrics';
import type { ValueFormat } from './format';
import { isFractionMetricKey } from './metric-keys';
import { niceTicks, niceTimeTicks } from './nice-ticks';
import { fullRange, robustRange } from './outliers';
import { assignSeriesColors } from './series-colors';
import { smoothEma } from './smoothing';
import { logTicks, pickX, X_AXIS_LABELS, X_FORMATS, type AxisFormat, type XAxis, type XContext } from './x-axis';

type SeriesPoint = Series['points'][number];

export interface PreparedPoint {
  x: number;
  /** null marks a non-finite value: the line breaks there (drawn as a gap, never as zero). */
  y: number | null;
}

export interface PreparedLine {
  key: string;
  label: string;
  color: string;
  axis: 'left' | 'right';
  points: PreparedPoint[];
  /** The unsmoothed points, drawn faded under a smoothed line; null when smoothing is off. */
  rawPoints: PreparedPoint[] | null;
  /** Sparse series (evaluations every epoch) get dots, or a single point would not show at all. */
  showDots: boolean;
  nonFiniteCount: number;
}

export type AxisScale = 'linear' | 'log';

export interface PreparedChart {
  xAxis: XAxis;
  xLabel: string;
  xFormat: AxisFormat;
  xScale: AxisScale;
  /** [min, max] of x over every drawn point (or the zoomed range); [0, 0] when empty. */
  xDomain: [number, number];
  /** Round x values to label, inside xDomain. */
  xTicks: number[];
  yFormat: ValueFormat;
  yScale: AxisScale;
  /** The left axis range (outliers left out when asked), or null to let the chart decide. */
  yDomain: [number, number] | null;
  yTicks: number[];
  rightYFormat: ValueFormat | null;
  lines: PreparedLine[];
  nonFiniteCount: number;
  /**
   * x ranges where some line has non-finite values, merged across lines, so the chart can shade them:
   * a gap of a few steps in a long run is too thin to see. A single point has from === to.
   */
  nonFiniteSpans: { from: number; to: number }[];
  /** Points left out because they lack the chosen x (e.g. no samples-seen value). */
  missingXCount: number;
  /** What the controls hid (values ≤ 0 on a log axis, outliers clipped), one sentence each. */
  controlNotes: string[];
  /** Why nothing can be drawn, or null when there is something to draw. */
  emptyReason: string | null;
}

/** The view controls every metric chart shares; they live in the URL. */
export interface ChartControls {
  xAxis: XAxis;
  xLog: boolean;
  yLog: boolean;
  /** EMA weight in [0, 0.99]; 0 is off. */
  smoothing: number;
  hideOutliers: boolean;
  /** An x range (in the chosen axis' units) the user dragged, or null for everything. */
  zoom: { from: number; to: number } | null;
}

export const DEFAULT_CHART_CONTROLS: ChartControls = { xAxis: 'step', xLog: false, yLog: false, smoothing: 0, hideOutliers: false, zoom: null };

/** One line to draw: a metric of a run, with its name, colour and what its x values need. */
export interface CurveInput {
  key: string;
  label: string;
  color: string;
  metricKey: string;
  axis: 'left' | 'right';
  points: readonly SeriesPoint[];
  context?: XContext | null;
}

export interface PrepareOptions {
  /** Keys drawn against the right-hand y-axis. */
  rightAxisKeys?: readonly string[];
  /** The key to name when there is no data at all; defaults to the first series' key. */
  expectedKey?: string;
  /** The run's relative-time origin and GFLOPs per sample (for the relative and compute axes). */
  context?: XContext | null;
}

const DOTS_UP_TO = 60;
const MAX_SPANS = 50;

function labelOf(key: string): string {
  return key.replace(/^(train|val)\//, '');
}

/**
 * Turns API series into what a line chart draws. Per point it picks the chosen x and drops points
 * without one (counted in `missingXCount`); it sorts by x; it keeps non-finite values as `y: null`
 * so the line shows a gap, and counts them; it scales accuracy/recall fractions to percent (by key
 * name, see `isFractionMetricKey`); it gives each series a stable colour. Each line keeps its own
 * points, so series logged at different x values never break each other's lines. `controls` (or just
 * an x-axis) apply smoothing, log scales, outlier clipping and zoom as `prepareCurves` describes.
 */
export function prepareTrainingCurves(
  series: readonly Series[],
  controls: XAxis | ChartControls,
  options: PrepareOptions = {},
): PreparedChart {
  const rightKeys = new Set(options.rightAxisKeys ?? []);
  const colors = assignSeriesColors(series.map((entry) => entry.key));
  const inputs: CurveInput[] = series.map((entry) => ({
    key: entry.key,
    label: labelOf(entry.key),
    color: colors.get(entry.key)!,
    metricKey: entry.key,
    axis: rightKeys.has(entry.key) ? 'right' : 'left',
    points: entry.points,
    context: options.context ?? null,
  }));
  const resolved = typeof controls === 'string' ? { ...DEFAULT_CHART_CONTROLS, xAxis: controls } : controls;
  return prepareCurves(inputs, resolved, { expectedKey: options.expectedKey ?? series[0]?.key });
}

/**
 * The shared pipeline behind every metric chart, in this order per line: pick x (drop points
 * without it), sort by x, drop x ≤ 0 on a log x-axis, smooth with TensorBoard's debiased EMA (the
 * raw points kept for a faded line underneath), drop y ≤ 0 on a log y-axis, keep the zoomed x range
 * plus one point either side (so lines run to the edges). The y range covers the raw and smoothed
 * values inside the visible x range; with `hideOutliers` it is the robust range of outliers.ts.
 */
export function prepareCurves(inputs: readonly CurveInput[], controls: ChartControls, options: { expectedKey?: string } = {}): PreparedChart {
  const { xAxis, zoom } = controls;
  let missingXCount = 0;
  let nonFiniteCount = 0;
  let totalPoints = 0;
  let nonPositiveX = 0;
  let nonPositiveY = 0;
  const lines: PreparedLine[] = [];
  for (const input of inputs) {
    const percent = isFractionMetricKey(input.metricKey);
    let points: PreparedPoint[] = [];
    let lineNonFinite = 0;
    for (const point of input.points) {
      totalPoints += 1;
      const finite = point.value !== null && Number.isFinite(point.value);
      if (!finite) lineNonFinite += 1;
      const x = pickX(point, xAxis, input.context);
      if (x === null) {
        missingXCount += 1;
        continue;
      }
      points.push({ x, y: finite ? (percent ? toPercent(point.value!, 100) : point.value) : null });
    }
    nonFiniteCount += lineNonFinite;
    points.sort((a, b) => a.x - b.x);
    if (controls.xLog) {
      const kept = points.filter((point) => point.x > 0);
      nonPositiveX += points.length - kept.length;
      points = kept;
    }
    let rawPoints: PreparedPoint[] | null = null;
    if (controls.smoothing > 0) {
      rawPoints = points;
      const smoothed = smoothEma(points.map((point) => point.y), controls.smoothing);
      points = points.map((point, index) => ({ x: point.x, y: smoothed[index]! }));
    }
    if (controls.yLog) {
      const positive = (point: PreparedPoint) => point.y === null || point.y > 0;
      nonPositiveY += (rawPoints ?? points).filter((point) => !positive(point)).length;
      points = points.filter(positive);
      rawPoints = rawPoints?.filter(positive) ?? null;
    }
    if (zoom) {
      points = clipToRange(points, zoom);
      rawPoints = rawPoints ? clipToRange(rawPoints, zoom) : null;
    }
    if (points.length === 0) continue;
    const finitePoints = points.filter((point) => point.y !== null).length;
    lines.push({
      key: input.key,
      label: input.label,
      color: input.color,
      axis: input.axis,
      points,
      rawPoints,
      showDots: finitePoints <= DOTS_UP_TO,
      nonFiniteCount: lineNonFinite,
    });
  }
  const hasLeft = lines.some((line) => line.axis === 'left');
  const drawnLines = hasLeft ? lines : lines.map((line) => ({ ...line, axis: 'left' as const }));
  const drawn = drawnLines.flatMap((line) => line.points);
  const visible = (point: PreparedPoint) => !zoom || (point.x >= zoom.from && point.x <= zoom.to);
  const xRange = fullRange(drawn.filter(visible).map((point) => point.x));
  const xDomain: [number, number] = zoom ? [zoom.from, zoom.to] : xRange ? [xRange.min, xRange.max] : [0, 0];
  const formatOf = (axis: 'left' | 'right'): ValueFormat | null => {
    const sideLines = inputs.filter((line) => line.axis === axis && lines.some((drawnLine) => drawnLine.key === line.key));
    if (sideLines.length === 0) return null;
    return sideLines.every((line) => isFractionMetricKey(line.metricKey)) ? 'percent' : 'number';
  };
  const leftValues = drawnLines
    .filter((line) => line.axis === 'left')
    .flatMap((line) => [...line.points, ...(line.rawPoints ?? [])])
    .filter(visible)
    .map((point) => point.y);
  const controlNotes: string[] = [];
  const robust = controls.hideOutliers ? robustRange(leftValues) : null;
  const yRange = controls.hideOutliers ? robust : fullRange(leftValues);
  if (robust && robust.excluded > 0) controlNotes.push(`${plural(robust.excluded, 'outlying value')} outside the y range (outliers hidden)`);
  if (nonPositiveX > 0) controlNotes.push(`${plural(nonPositiveX, 'point')} at x ≤ 0 left out of the log x-axis`);
  if (nonPositiveY > 0) controlNotes.push(`${plural(nonPositiveY, 'value')} ≤ 0 left out of the log y-axis`);
  const yDomain = yRange ? padDomain(yRange.min, yRange.max, controls.yLog) : null;
  return {
    xAxis,
    xLabel: X_AXIS_LABELS[xAxis],
    xFormat: X_FORMATS[xAxis],
    xScale: controls.xLog ? 'log' : 'linear',
    xDomain,
    xTicks: xRange || zoom ? ticksFor(xDomain, controls.xLog, xAxis === 'time') : [],
    yFormat: formatOf('left') ?? formatOf('right') ?? 'number',
    yScale: controls.yLog ? 'log' : 'linear',
    yDomain,
    yTicks: yDomain ? ticksFor(yDomain, controls.yLog, false) : [],
    rightYFormat: hasLeft ? formatOf('right') : null,
    lines: drawnLines,
    nonFiniteCount,
    nonFiniteSpans: mergeSpans(drawnLines.flatMap((line) => nullRuns(line.rawPoints ?? line.points))).slice(0, MAX_SPANS),
    missingXCount,
    controlNotes,
    emptyReason: emptyReasonOf(inputs, controls, totalPoints, drawn.filter(visible), options.expectedKey),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function ticksFor([min, max]: [number, number], log: boolean, time: boolean): number[] {
  if (log) return logTicks(min, max);
  return time ? niceTimeTicks(min, max) : niceTicks(min, max);
}

/** A flat line still needs a visible range: widen a zero-width one around its value. */
function padDomain(min: number, max: number, log: boolean): [number, number] {
  if (max > min) return [min, max];
  if (log) return [min / 2, max * 2];
  const pad = Math.abs(min) * 0.1 || 1;
  return [min - pad, max + pad];
}

/** The points inside [from, to] plus the nearest one outside on each side, so lines reach the edges. */
function clipToRange(points: readonly PreparedPoint[], range: { from: number; to: number }): PreparedPoint[] {
  let first = points.findIndex((point) => point.x >= range.from);
  if (first < 0) first = points.length;
  let last = points.length - 1;
  while (last >= 0 && points[last]!.x > range.to) last -= 1;
  if (last < first - 1) return [];
  return points.slice(Math.max(0, first - 1), Math.min(points.length, last + 2));
}

/** Runs of consecutive null points in one line, as [first x, last x]. */
function nullRuns(points: readonly PreparedPoint[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let start: number | null = null;
  let last = 0;
  for (const point of points) {
    if (point.y === null) {
      start ??= point.x;
      last = point.x;
    } else if (start !== null) {
      runs.push({ from: start, to: last });
      start = null;
    }
  }
  if (start !== null) runs.push({ from: start, to: last });
  return runs;
}

function mergeSpans(spans: { from: number; to: number }[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const previous = merged[merged.length - 1];
    if (previous && span.from <= previous.to) previous.to = Math.max(previous.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

function emptyReasonOf(
  inputs: readonly CurveInput[],
  controls: ChartControls,
  totalPoints: number,
  drawn: readonly PreparedPoint[],
  expectedKey: string | undefined,
): string | null {
  const named = expectedKey ?? inputs[0]?.metricKey ?? 'metric';
  if (totalPoints === 0) return `No ${named} points yet`;
  const keys = [...new Set(inputs.filter((entry) => entry.points.length > 0).map((entry) => entry.metricKey))].join(', ');
  const axisName = X_AXIS_LABELS[controls.xAxis].toLowerCase();
  if (drawn.length === 0) {
    if (controls.zoom) return `No ${keys} points in the zoomed range; reset the zoom`;
    if (controls.xAxis === 'compute' && inputs.every((input) => input.context?.gflopsPerSample == null)) {
      return `No compute estimate: the run's params.txt model is missing or has no row in model_profile.csv; choose another x-axis`;
    }
    if (controls.yLog || controls.xLog) return `No ${keys} values above zero to draw on a log axis`;
    return `The ${keys} points have no ${axisName} value; choose another x-axis`;
  }
  if (drawn.every((point) => point.y === null)) return `All ${drawn.length} ${keys} values are non-finite (NaN/inf)`;
  return null;
}
