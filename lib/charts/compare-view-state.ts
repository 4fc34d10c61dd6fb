/**
 * The compare view's state as URL parameters, so a copied link opens the same view:
 * `runs` and `metrics` (comma lists, keys escaped as the runs explorer does: see decodeList), and the
 * chart controls every metric chart shares: `x`, `xlog=1`, `ylog=1`, `smooth=0.6`, `outliers=hide`,
 * `from`/`to` (a zoomed x range in the chosen axis' units). Defaults are left out of the URL;
 * malformed values fall back to the default rather than failing the page.
 */
import { decodeList, encodeList } from '@/lib/runs-explorer/url-state';
import { DEFAULT_CHART_CONTROLS, type ChartControls } from './prepare-training-curves';
import { parseSmoothing } from './smoothing';
import { parseXAxis } from './x-axis';

export const COMPARE_MIN_RUNS = 2;
export const COMPARE_MAX_RUNS = 20;
export const DEFAULT_COMPARE_METRICS = ['train/loss', 'val/imagenet-zeroshot-val-top1', 'train/lr'] as const;

export interface CompareViewState {
  runs: string[];
  metrics: string[];
  diffOnly: boolean;
  controls: ChartControls;
}

const CONTROL_PARAMS = ['x', 'xlog', 'ylog', 'smooth', 'outliers', 'from', 'to'] as const;

export function decodeChartControls(params: URLSearchParams): ChartControls {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const zoomed = params.has('from') && params.has('to') && Number.isFinite(from) && Number.isFinite(to) && to > from;
  return {
    xAxis: parseXAxis(params.get('x')),
    xLog: params.get('xlog') === '1',
    yLog: params.get('ylog') === '1',
    smoothing: parseSmoothing(params.get('smooth')),
    hideOutliers: params.get('outliers') === 'hide',
    zoom: zoomed ? { from, to } : null,
  };
}

/** `current` with the control parameters replaced by `controls` (defaults omitted), others kept. */
export function encodeChartControls(controls: ChartControls, current: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of CONTROL_PARAMS) next.delete(name);
  if (controls.xAxis !== DEFAULT_CHART_CONTROLS.xAxis) next.set('x', controls.xAxis);
  if (controls.xLog) next.set('xlog', '1');
  if (controls.yLog) next.set('ylog', '1');
  if (controls.smoothing > 0) next.set('smooth', String(controls.smoothing));
  if (controls.hideOutliers) next.set('outliers', 'hide');
  if (controls.zoom) {
    next.set('from', String(roundForUrl(controls.zoom.from)));
    next.set('to', String(roundForUrl(controls.zoom.to)));
  }
  return next;
}

/** Six significant digits: a dragged range needs no more, and the URL stays short. */
function roundForUrl(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * A change of controls as the view applies it: a new x-axis (or x scale) makes the zoomed range
 * meaningless, so it is dropped.
 */
export function changeControls(before: ChartControls, change: Partial<ChartControls>): ChartControls {
  const next = { ...before, ...change };
  if ((change.xAxis !== undefined && change.xAxis !== before.xAxis) || (change.xLog !== undefined && change.xLog !== before.xLog)) {
    next.zoom = change.zoom ?? null;
  }
  return next;
}

export function decodeCompareState(params: URLSearchParams): CompareViewState {
  const metrics = [...new Set(decodeList(params.get('metrics')))];
  return {
    runs: [...new Set(decodeList(params.get('runs')))],
    metrics: metrics.length > 0 ? metrics : [...DEFAULT_COMPARE_METRICS],
    diffOnly: params.get('diff') === 'only',
    controls: decodeChartControls(params),
  };
}

export function encodeCompareState(state: CompareViewState, current: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = encodeChartControls(state.controls, current);
  next.delete('runs');
  next.delete('metrics');
  next.delete('diff');
  next.set('runs', encodeList(state.runs));
  const defaults = state.metrics.length === DEFAULT_COMPARE_METRICS.length && state.metrics.every((metric, index) => metric === DEFAULT_COMPARE_METRICS[index]);
  if (!defaults) next.set('metrics', encodeList(state.metrics));
  if (state.diffOnly) next.set('diff', 'only');
  return next;
}

/** Why a selection cannot be compared, or null when it can. */
export function runCountProblem(count: number): string | null {
  if (count < COMPARE_MIN_RUNS) return `Select at least ${COMPARE_MIN_RUNS} runs to compare (this link names ${count}).`;
  if (count > COMPARE_MAX_RUNS) return `Compare at most ${COMPARE_MAX_RUNS} runs at a time (this link names ${count}).`;
  return null;
}
