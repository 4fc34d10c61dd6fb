/**
 * The paper-charts view as URL search parameters, so a copied link opens the same view. Unknown or
 * missing values fall back to defaults; `run` is repeated, one per selected run, absent meaning every
 * run and a single empty `run=` meaning none. Writing always spells out every choice (except the run
 * selection when it is "all", and an unset paper or target), so a link does not depend on defaults.
 */
import { isCanonicalMetricName, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { DEFAULT_PAPER_CHART_METRIC } from '@/lib/schemas/paper-charts';
import { parseAxisScale, type AxisScale } from './paper-axis';
import type { ComputeAxis } from './paper-compute-chart';
import type { FitPointSet } from './paper-fit-chart';
import type { InverseScalingX } from './paper-inverse-scaling-chart';

export interface PaperChartViewState {
  /** null = the project's first target paper (the API's default). */
  paper: string | null;
  metric: CanonicalMetricName;
  xScale: AxisScale;
  computeAxis: ComputeAxis;
  /** null = every run. */
  runs: string[] | null;
  fitSet: FitPointSet;
  /** null = the default target (pickDefaultFitTarget). */
  target: string | null;
  fitFloor: boolean;
  fitYScale: AxisScale;
  inverseX: InverseScalingX;
}

export const DEFAULT_VIEW: PaperChartViewState = {
  paper: null,
  metric: DEFAULT_PAPER_CHART_METRIC,
  xScale: 'log',
  computeAxis: 'gflops',
  runs: null,
  fitSet: 'runs',
  target: null,
  fitFloor: false,
  fitYScale: 'log',
  inverseX: 'tokens',
};

interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback;
}

export function parsePaperChartView(params: SearchParamsLike): PaperChartViewState {
  const metric = params.get('metric');
  const runs = params.getAll('run');
  return {
    paper: params.get('paper') || null,
    metric: metric !== null && isCanonicalMetricName(metric) ? metric : DEFAULT_VIEW.metric,
    xScale: parseAxisScale(params.get('xscale'), DEFAULT_VIEW.xScale),
    computeAxis: pick(params.get('compute'), ['gflops', 'gpu-hours'], DEFAULT_VIEW.computeAxis),
    runs: runs.length === 0 ? null : runs.filter((key) => key !== ''),
    fitSet: pick(params.get('fit'), ['runs', 'paper'], DEFAULT_VIEW.fitSet),
    target: params.get('target') || null,
    fitFloor: params.get('floor') === '1',
    fitYScale: parseAxisScale(params.get('fity'), DEFAULT_VIEW.fitYScale),
    inverseX: pick(params.get('ix'), ['tokens', 'resolution'], DEFAULT_VIEW.inverseX),
  };
}

export function serializePaperChartView(state: PaperChartViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.paper !== null) params.set('paper', state.paper);
  params.set('metric', state.metric);
  params.set('xscale', state.xScale);
  params.set('compute', state.computeAxis);
  params.set('fit', state.fitSet);
  if (state.target !== null) params.set('target', state.target);
  params.set('floor', state.fitFloor ? '1' : '0');
  params.set('fity', state.fitYScale);
  params.set('ix', state.inverseX);
  if (state.runs !== null) {
    if (state.runs.length === 0) params.append('run', '');
    for (const key of state.runs) params.append('run', key);
  }
  return params;
}

/** Toggles one run; from "all" this means "all but this one". */
export function toggleRun(state: PaperChartViewState, allRunKeys: readonly string[], runKey: string): string[] | null {
  const current = state.runs ?? [...allRunKeys];
  const next = current.includes(runKey) ? current.filter((key) => key !== runKey) : [...current, runKey];
  const everything = allRunKeys.every((key) => next.includes(key));
  return everything ? null : allRunKeys.filter((key) => next.includes(key));
}
