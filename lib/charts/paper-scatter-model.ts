/**
 * The prepared model a scatter/line chart draws (components/charts/scatter-chart.tsx maps it onto
 * Recharts and decides nothing). Preparers fill it: axes with scale, domain, ticks and unit label;
 * series with their role, colour, shape and CSS class (so tests can tell a paper's points from runs');
 * and the points that could not be drawn, each with the reason, instead of dropping them silently.
 */
import type { AxisModel } from './paper-axis';

export type PointShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'cross' | 'star' | 'wye';

/** What a series is, so the visualiser can layer it (bands under lines under points). */
export type SeriesRole = 'run' | 'paper' | 'link' | 'fit' | 'law' | 'band' | 'target' | 'prediction';

export interface ChartPoint {
  x: number;
  y: number;
  /** Run name or the paper result's label. */
  name: string;
  /** Where the value comes from: "Lab run (finished)", or the paper's table. */
  source: string;
  /** Further tooltip lines, already formatted. */
  details?: string[];
}

export interface ScatterSeries {
  kind: 'scatter';
  id: string;
  label: string;
  role: SeriesRole;
  className: string;
  color: string;
  shape: PointShape;
  /** Symbol area in px² (Recharts `size`). */
  size: number;
  points: ChartPoint[];
  legend: boolean;
}

export interface LineSeries {
  kind: 'line';
  id: string;
  label: string;
  role: SeriesRole;
  className: string;
  color: string;
  dashed: boolean;
  points: { x: number; y: number }[];
  legend: boolean;
}

export interface BandSeries {
  kind: 'band';
  id: string;
  label: string;
  role: 'band';
  className: string;
  color: string;
  points: { x: number; lower: number; upper: number }[];
  legend: boolean;
}

export type ChartSeries = ScatterSeries | LineSeries | BandSeries;

export interface NotPlotted {
  name: string;
  /** "run" or the paper's short name. */
  source: string;
  reason: string;
}

export interface PreparedScatterChart {
  x: AxisModel;
  y: AxisModel;
  series: ChartSeries[];
  notPlotted: NotPlotted[];
  notes: string[];
  /** Why nothing can be drawn, or null. */
  emptyReason: string | null;
}

/** The paper's points: dark diamonds, never a run colour. */
export const PAPER_POINT_COLOR = '#18181b';
export const REFERENCE_LINE_COLOR = '#71717a';
export const FIT_COLOR = '#4f46e5';

export const SERIES_CLASS = {
  run: 'run-points',
  paper: 'paper-points',
  link: 'link-segments',
  fit: 'fit-line',
  band: 'fit-band',
  law: 'law-line',
  target: 'paper-points target-point',
  prediction: 'fit-prediction',
} as const satisfies Record<SeriesRole, string>;
