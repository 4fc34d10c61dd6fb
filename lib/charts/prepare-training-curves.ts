import type { Series } from '@/lib/schemas/metrics';
import { toPercent } from '@/lib/metrics/canonical-metrics';
import type { ValueFormat } from './format';
import { isFractionMetricKey } from './metric-keys';
import { niceTicks, niceTimeTicks } from './nice-ticks';
import { assignSeriesColors } from './series-colors';
import { X_AXIS_LABELS, type XAxis } from './x-axis';

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
  /** Sparse series (evaluations every epoch) get dots, or a single point would not show at all. */
  showDots: boolean;
  nonFiniteCount: number;
}

export interface PreparedChart {
  xAxis: XAxis;
  xLabel: string;
  xFormat: ValueFormat;
  /** [min, max] of x over every drawn point; [0, 0] when empty. */
  xDomain: [number, number];
  /** Round x values to label, inside xDomain. */
  xTicks: number[];
  yFormat: ValueFormat;
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
  /** Why nothing can be drawn, or null when there is something to draw. */
  emptyReason: string | null;
}

export interface PrepareOptions {
  /** Keys drawn against the right-hand y-axis. */
  rightAxisKeys?: readonly string[];
  /** The key to name when there is no data at all; defaults to the first series' key. */
  expectedKey?: string;
}

const X_FORMATS: Record<XAxis, ValueFormat> = { step: 'count', samples: 'count', epoch: 'epoch', time: 'time' };
const DOTS_UP_TO = 60;
const MAX_SPANS = 50;

function pickX(point: SeriesPoint, xAxis: XAxis): number | null {
  const x = { step: point.step, samples: point.samplesSeen, epoch: point.epoch, time: point.wallTime }[xAxis];
  return x !== null && Number.isFinite(x) ? x : null;
}

function labelOf(key: string): string {
  return key.replace(/^(train|val)\//, '');
}

/**
 * Turns API series into what a line chart draws. Per point it picks the chosen x and drops points
 * without one (counted in `missingXCount`); it sorts by x; it keeps non-finite values as `y: null`
 * so the line shows a gap, and counts them; it scales accuracy/recall fractions to percent (by key
 * name, see `isFractionMetricKey`); it gives each series a stable colour. Each line keeps its own
 * points, so series logged at different x values never break each other's lines.
 */
export function prepareTrainingCurves(series: readonly Series[], xAxis: XAxis, options: PrepareOptions = {}): PreparedChart {
  const rightKeys = new Set(options.rightAxisKeys ?? []);
  const colors = assignSeriesColors(series.map((entry) => entry.key));
  let missingXCount = 0;
  let nonFiniteCount = 0;
  let totalPoints = 0;
  const lines: PreparedLine[] = [];
  for (const entry of series) {
    const percent = isFractionMetricKey(entry.key);
    const points: PreparedPoint[] = [];
    let lineNonFinite = 0;
    for (const point of entry.points) {
      totalPoints += 1;
      const finite = point.value !== null && Number.isFinite(point.value);
      if (!finite) lineNonFinite += 1;
      const x = pickX(point, xAxis);
      if (x === null) {
        missingXCount += 1;
        continue;
      }
      points.push({ x, y: finite ? (percent ? toPercent(point.value!, 100) : point.value) : null });
    }
    nonFiniteCount += lineNonFinite;
    if (points.length === 0) continue;
    points.sort((a, b) => a.x - b.x);
    const finitePoints = points.filter((point) => point.y !== null).length;
    lines.push({
      key: entry.key,
      label: labelOf(entry.key),
      color: colors.get(entry.key)!,
      axis: rightKeys.has(entry.key) ? 'right' : 'left',
      points,
      showDots: finitePoints <= DOTS_UP_TO,
      nonFiniteCount: lineNonFinite,
    });
  }
  const drawn = lines.flatMap((line) => line.points);
  let xMin = Infinity;
  let xMax = -Infinity;
  for (const point of drawn) {
    xMin = Math.min(xMin, point.x);
    xMax = Math.max(xMax, point.x);
  }
  const formatOf = (axis: 'left' | 'right'): ValueFormat | null => {
    const sideLines = lines.filter((line) => line.axis === axis);
    if (sideLines.length === 0) return null;
    return sideLines.every((line) => isFractionMetricKey(line.key)) ? 'percent' : 'number';
  };
  return {
    xAxis,
    xLabel: X_AXIS_LABELS[xAxis],
    xFormat: X_FORMATS[xAxis],
    xDomain: drawn.length > 0 ? [xMin, xMax] : [0, 0],
    xTicks: drawn.length === 0 ? [] : xAxis === 'time' ? niceTimeTicks(xMin, xMax) : niceTicks(xMin, xMax),
    yFormat: formatOf('left') ?? formatOf('right') ?? 'number',
    rightYFormat: lines.some((line) => line.axis === 'left') ? formatOf('right') : null,
    lines: lines.some((line) => line.axis === 'left') ? lines : lines.map((line) => ({ ...line, axis: 'left' })),
    nonFiniteCount,
    nonFiniteSpans: mergeSpans(lines.flatMap((line) => nullRuns(line.points))).slice(0, MAX_SPANS),
    missingXCount,
    emptyReason: emptyReasonOf(series, xAxis, totalPoints, drawn, options.expectedKey),
  };
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
  series: readonly Series[],
  xAxis: XAxis,
  totalPoints: number,
  drawn: readonly PreparedPoint[],
  expectedKey: string | undefined,
): string | null {
  const named = expectedKey ?? series[0]?.key ?? 'metric';
  if (totalPoints === 0) return `No ${named} points yet`;
  const keys = series.filter((entry) => entry.points.length > 0).map((entry) => entry.key).join(', ');
  if (drawn.length === 0) {
    return `The ${keys} points have no ${X_AXIS_LABELS[xAxis].toLowerCase()} value; choose another x-axis`;
  }
  if (drawn.every((point) => point.y === null)) return `All ${drawn.length} ${keys} values are non-finite (NaN/inf)`;
  return null;
}
