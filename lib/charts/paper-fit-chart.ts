/**
 * The scaling-law chart: error E = 1 − acc/100 against total training compute (training GFLOPs, the
 * app's one compute unit), fitted as E = a·C^b (+ floor) by least squares in log space
 * (lib/fit/power-law-fit.ts) to one point set — the lab's selected runs or the paper's points — with its
 * 95% confidence band (sampleFitBand), extrapolated to a target budget (a paper result's compute) to
 * compare predicted and reported accuracy there. OpenCLIP's published law is overlaid after converting
 * its GMACs to training GFLOPs (scaling-fit-law.ts). When the paper's points are fitted, the target
 * result is held out, so its comparison is a prediction and not an echo of itself. Fewer points than the fit needs give a message, not
 * a chart; points that cannot enter the fit are listed with the reason.
 */
import { compareAtBudget } from '@/lib/fit/compare-at-budget';
import { sampleFitBand } from '@/lib/fit/fit-band';
import { fitPowerLaw, type PowerLawFit } from '@/lib/fit/power-law-fit';
import type { PaperChartData, PaperChartPaperPoint } from '@/lib/schemas/paper-charts';
import { buildAxis, type AxisScale } from './paper-axis';
import { assignRunColors, paperSeriesLabel, paperSource, runColor, runSource, selectRuns } from './paper-chart-points';
import { FIT_COLOR, PAPER_POINT_COLOR, REFERENCE_LINE_COLOR, SERIES_CLASS, type ChartSeries, type NotPlotted, type PreparedScatterChart } from './paper-scatter-model';
import { lawCoefficientPerTrainingGflop, pickReferenceLaw, predictLawErrorAtTrainingGflops } from './scaling-fit-law';

export type FitPointSet = 'runs' | 'paper';

export interface FitChartOptions {
  pointSet: FitPointSet;
  selectedRunKeys: readonly string[] | null;
  /** A paper result whose compute is the budget; null = none. */
  targetResultKey: string | null;
  fitFloor: boolean;
  xScale: AxisScale;
  yScale: AxisScale;
}

export interface FitComparison {
  target: Pick<PaperChartPaperPoint, 'resultKey' | 'label' | 'trainingGflops'>;
  /** Accuracies in percent; the band is the 95% confidence band of the mean prediction. */
  predictedAccuracy: number;
  lowerAccuracy: number;
  upperAccuracy: number;
  reportedAccuracy: number;
  /** reported − predicted accuracy, in percentage points (positive = the paper beats the trend). */
  differencePp: number;
  withinBand: boolean;
  extrapolationFactor: number;
  /** The published law's accuracy at the same budget. */
  lawAccuracy: number | null;
}

export interface PreparedFitChart extends PreparedScatterChart {
  fit: (Pick<PowerLawFit, 'a' | 'b' | 'floor' | 'floorFitted' | 'n' | 'rSquared'> & { equation: string; pointSetLabel: string }) | null;
  comparison: FitComparison | null;
  lawLabel: string | null;
}

interface FitCandidate {
  x: number;
  error: number;
  name: string;
  source: string;
  color: string;
  id: string;
}

const X_LABEL = (unit: string) => `Total training compute C (${unit})`;
const Y_LABEL = 'Top-1 error E = 1 − acc/100 (fraction)';

/** The budget a fresh view extrapolates to: a result a run reproduces, else the paper's best point with compute. */
export function pickDefaultFitTarget(data: PaperChartData): string | null {
  const withCompute = data.paperPoints.filter((point) => point.trainingGflops !== null);
  const linked = data.links.find((link) => withCompute.some((point) => point.resultKey === link.resultKey));
  if (linked) return linked.resultKey;
  return withCompute.reduce<PaperChartPaperPoint | null>((best, point) => (best === null || point.value > best.value ? point : best), null)?.resultKey ?? null;
}

export function preparePaperFitChart(data: PaperChartData, options: FitChartOptions): PreparedFitChart {
  const { candidates, notPlotted } = collectCandidates(data, options);
  const minimum = options.fitFloor ? 4 : 3;
  const setLabel = options.pointSet === 'runs' ? "the lab's runs" : paperSeriesLabel(data);
  const base = { notPlotted, notes: [] as string[], fit: null, comparison: null, lawLabel: null };
  const empty = (reason: string): PreparedFitChart => ({
    ...base,
    x: buildAxis([], { label: X_LABEL(data.computeUnit), name: 'training GFLOPs', scale: options.xScale, format: 'scientific' }),
    y: buildAxis([], { label: Y_LABEL, name: 'error', scale: options.yScale, format: 'fraction' }),
    series: [],
    emptyReason: reason,
  });
  if (candidates.length < minimum) {
    return empty(`A power-law fit${options.fitFloor ? ' with a floor' : ''} needs at least ${minimum} points with compute and a value; ${setLabel} ${candidates.length === 1 ? 'has 1' : `have ${candidates.length}`}.`);
  }
  let fit: PowerLawFit;
  try {
    fit = fitPowerLaw(candidates.map((point) => ({ compute: point.x, error: point.error })), { floor: options.fitFloor ? 'fit' : 0 });
  } catch (error) {
    return empty(`Cannot fit ${setLabel}: ${error instanceof Error ? error.message : String(error)}.`);
  }

  const target = data.paperPoints.find((point) => point.resultKey === options.targetResultKey && point.trainingGflops !== null) ?? null;
  const band = sampleFitBand(fit, { targets: target ? [target.trainingGflops!] : [], count: 48 });
  const law = pickReferenceLaw(data.scalingLaws);
  const series: ChartSeries[] = [
    { kind: 'band', id: 'band', label: '95% confidence band', role: 'band', className: SERIES_CLASS.band, color: FIT_COLOR, points: band.map((p) => ({ x: p.compute, lower: p.lower, upper: p.upper })), legend: true },
  ];
  if (law) {
    series.push({ kind: 'line', id: 'law', label: `${law.modelFamily} published law`, role: 'law', className: SERIES_CLASS.law, color: REFERENCE_LINE_COLOR, dashed: true, points: band.map((p) => ({ x: p.compute, y: predictLawErrorAtTrainingGflops(law, p.compute) })), legend: true });
  }
  series.push(
    { kind: 'line', id: 'fit-extrapolated', label: 'Fit (extrapolated)', role: 'fit', className: SERIES_CLASS.fit, color: FIT_COLOR, dashed: true, points: band.map((p) => ({ x: p.compute, y: p.estimate })), legend: false },
    { kind: 'line', id: 'fit', label: `Fit to ${setLabel}`, role: 'fit', className: SERIES_CLASS.fit, color: FIT_COLOR, dashed: false, points: band.filter((p) => !p.extrapolated).map((p) => ({ x: p.compute, y: p.estimate })), legend: true },
    ...toPointSeries(candidates, options.pointSet, paperSeriesLabel(data)),
  );

  let comparison: FitComparison | null = null;
  if (target) {
    const compute = target.trainingGflops!;
    const result = compareAtBudget(fit, compute, 1 - target.value / 100);
    const lawError = law ? predictLawErrorAtTrainingGflops(law, compute) : null;
    comparison = {
      target: { resultKey: target.resultKey, label: target.label, trainingGflops: compute },
      predictedAccuracy: 100 * (1 - result.predicted),
      lowerAccuracy: 100 * (1 - result.upper),
      upperAccuracy: 100 * (1 - result.lower),
      reportedAccuracy: target.value,
      differencePp: target.value - 100 * (1 - result.predicted),
      withinBand: result.withinBand,
      extrapolationFactor: result.extrapolationFactor,
      lawAccuracy: lawError === null ? null : 100 * (1 - lawError),
    };
    series.push(
      { kind: 'scatter', id: 'prediction', label: 'Fit prediction at the budget', role: 'prediction', className: SERIES_CLASS.prediction, color: FIT_COLOR, shape: 'cross', size: 110, points: [{ x: compute, y: result.predicted, name: 'Predicted by the fit', source: `fit to ${setLabel}`, details: [`accuracy ${formatPercent(comparison.predictedAccuracy)} (95% band ${formatPercent(comparison.lowerAccuracy)}–${formatPercent(comparison.upperAccuracy)})`] }], legend: true },
      { kind: 'scatter', id: 'target', label: `Budget: ${target.label} (reported)`, role: 'target', className: SERIES_CLASS.target, color: PAPER_POINT_COLOR, shape: 'star', size: 140, points: [{ x: compute, y: 1 - target.value / 100, name: target.label, source: paperSource(target), details: [`accuracy ${formatPercent(target.value)}`] }], legend: true },
    );
  }

  const xs = band.map((p) => p.compute);
  // An error above 1 means nothing; a wide extrapolated band must not squash the chart to show it.
  const ys = [...band.flatMap((p) => [p.lower, Math.min(p.upper, 1)]), ...candidates.map((p) => p.error), ...(target ? [1 - target.value / 100] : []), ...(law ? xs.map((x) => predictLawErrorAtTrainingGflops(law, x)) : [])];
  return {
    ...base,
    x: buildAxis(xs, { label: X_LABEL(data.computeUnit), name: 'training GFLOPs', scale: options.xScale, format: 'scientific' }),
    y: buildAxis(ys, { label: Y_LABEL, name: 'error', scale: options.yScale, format: 'fraction' }),
    series,
    emptyReason: null,
    notes: [...(options.fitFloor ? ['The band treats the fitted floor as known, so it is somewhat too narrow.'] : []), ...(target === null ? ['Choose a target result to extrapolate to its budget.'] : [])],
    comparison,
    fit: { a: fit.a, b: fit.b, floor: fit.floor, floorFitted: fit.floorFitted, n: fit.n, rSquared: fit.rSquared, equation: describeFit(fit), pointSetLabel: setLabel },
    lawLabel: law ? `${law.modelFamily}: E = ${law.a}·C^${law.alpha} with C in ${law.computeUnit.split(' (')[0]} (= ${lawCoefficientPerTrainingGflop(law).toPrecision(3)}·C^${law.alpha} per training GFLOP); ${law.source}` : null,
  };
}

function collectCandidates(data: PaperChartData, options: FitChartOptions): { candidates: FitCandidate[]; notPlotted: NotPlotted[] } {
  const notPlotted: NotPlotted[] = [];
  const candidates: FitCandidate[] = [];
  const accept = (entry: { name: string; source: string; origin: string; x: number | null; value: number | null; missingX: string; missingValue: string; color: string; id: string }) => {
    const reason = entry.value === null ? entry.missingValue : entry.x === null || !(entry.x > 0) ? entry.missingX : entry.value >= 100 ? 'accuracy of 100% has no error to fit in log space' : null;
    if (reason !== null || entry.x === null || entry.value === null) notPlotted.push({ name: entry.name, source: entry.origin, reason: reason ?? 'no value' });
    else candidates.push({ x: entry.x, error: 1 - entry.value / 100, name: entry.name, source: entry.source, color: entry.color, id: entry.id });
  };
  if (options.pointSet === 'runs') {
    const colors = assignRunColors(data.runPoints);
    for (const run of selectRuns(data.runPoints, options.selectedRunKeys)) {
      accept({ name: run.runName, source: runSource(run), origin: 'run', x: run.trainingGflops, value: run.value, missingX: `no training compute: ${run.computeNote ?? 'unknown'}`, missingValue: run.valueNote ?? 'no value', color: runColor(colors, run.runKey), id: `run:${run.runKey}` });
    }
  } else {
    for (const point of data.paperPoints) {
      if (point.resultKey === options.targetResultKey) continue;
      accept({ name: point.label, source: paperSource(point), origin: data.paper?.shortName ?? 'paper', x: point.trainingGflops, value: point.value, missingX: `no training compute: ${point.computeNote ?? 'unknown'}`, missingValue: 'no value', color: PAPER_POINT_COLOR, id: `paper:${point.resultKey}` });
    }
  }
  return { candidates, notPlotted };
}

/** One series per run (each in its colour), or the paper's points as one series. */
function toPointSeries(candidates: readonly FitCandidate[], pointSet: FitPointSet, paperLabel: string): ChartSeries[] {
  const toPoint = (point: FitCandidate) => ({ x: point.x, y: point.error, name: point.name, source: point.source, details: [`accuracy ${formatPercent(100 * (1 - point.error))}`] });
  if (pointSet === 'paper') {
    return [{ kind: 'scatter', id: 'paper', label: paperLabel, role: 'paper', className: SERIES_CLASS.paper, color: PAPER_POINT_COLOR, shape: 'diamond', size: 90, points: candidates.map(toPoint), legend: true }];
  }
  return candidates.map((point) => ({ kind: 'scatter', id: point.id, label: point.name, role: 'run', className: SERIES_CLASS.run, color: point.color, shape: 'circle', size: 64, points: [toPoint(point)], legend: true }));
}

function describeFit(fit: PowerLawFit): string {
  const floor = fit.floor > 0 ? ` + ${fit.floor.toPrecision(3)}` : '';
  return `E = ${fit.a.toPrecision(3)}·C^${fit.b.toPrecision(3)}${floor} (C in training GFLOPs; n = ${fit.n}, R² in log space ${fit.rSquared.toFixed(3)})`;
}

function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}
