/**
 * Accuracy against total compute or samples seen: the lab's runs (one series and one stable colour per
 * run) and the paper's reported points as their own dark-diamond series labelled "<paper> (reported)",
 * never mixed into the runs. A run linked to a paper result gets a dashed segment to it, so the gap
 * between reproduction and claim is visible. Compute is training GFLOPs (the app's one compute unit) or
 * GPU-hours; the paper's GPU-hours are as printed, with their basis in a note because bases differ.
 * Points without an x or a value, or with x ≤ 0 on a log axis, are listed with the reason.
 */
import type { PaperChartData, PaperChartPaperPoint, PaperChartRunPoint } from '@/lib/schemas/paper-charts';
import { buildAxis, explainUndrawable, type AxisScale } from './paper-axis';
import { assignRunColors, paperSeriesLabel, paperSource, runColor, runSource, selectRuns } from './paper-chart-points';
import { PAPER_POINT_COLOR, SERIES_CLASS, type ChartSeries, type NotPlotted, type PreparedScatterChart } from './paper-scatter-model';

export type ComputeChartX = 'compute' | 'samples';
export type ComputeAxis = 'gflops' | 'gpu-hours';

export interface ComputeChartOptions {
  x: ComputeChartX;
  computeAxis: ComputeAxis;
  xScale: AxisScale;
  /** null = all runs. */
  selectedRunKeys: readonly string[] | null;
}

interface XReading {
  value: number | null;
  missing: string;
}

function readRunX(run: PaperChartRunPoint, options: ComputeChartOptions): XReading {
  if (options.x === 'samples') return { value: run.samplesSeen, missing: 'no samples seen logged yet' };
  if (options.computeAxis === 'gpu-hours') return { value: run.gpuHours, missing: `no GPU-hours: ${run.gpuHoursNote ?? 'unknown'}` };
  return { value: run.trainingGflops, missing: `no training compute: ${run.computeNote ?? 'unknown'}` };
}

function readPaperX(point: PaperChartPaperPoint, options: ComputeChartOptions): XReading {
  if (options.x === 'samples') return { value: point.samplesSeen, missing: 'the source gives no samples seen' };
  if (options.computeAxis === 'gpu-hours') return { value: point.paperGpuHours, missing: 'the source prints no GPU-hours' };
  return { value: point.trainingGflops, missing: `no training compute: ${point.computeNote ?? 'unknown'}` };
}

const X_NOUNS = { samples: 'samples seen', gflops: 'training compute', 'gpu-hours': 'GPU-hours' } as const;

export function describeComputeX(options: Pick<ComputeChartOptions, 'x' | 'computeAxis'>, computeUnit: string): string {
  if (options.x === 'samples') return 'Samples seen (count, all training stages)';
  return options.computeAxis === 'gpu-hours' ? 'GPU-hours (runs: wall time × GPUs; paper: as printed)' : `Total training compute (${computeUnit})`;
}

export function preparePaperComputeChart(data: PaperChartData, options: ComputeChartOptions): PreparedScatterChart {
  const colors = assignRunColors(data.runPoints);
  const notPlotted: NotPlotted[] = [];
  const drawn = new Map<string, { x: number; y: number }>();
  const series: ChartSeries[] = [];

  for (const run of selectRuns(data.runPoints, options.selectedRunKeys)) {
    const x = readRunX(run, options);
    const reason = explainUndrawable(x.value, options.xScale, x.missing) ?? (run.value === null ? (run.valueNote ?? 'no value') : null);
    if (reason !== null || x.value === null || run.value === null) {
      notPlotted.push({ name: run.runName, source: 'run', reason: reason ?? 'no value' });
      continue;
    }
    drawn.set(`run:${run.runKey}`, { x: x.value, y: run.value });
    series.push({
      kind: 'scatter',
      id: `run:${run.runKey}`,
      label: run.runName,
      role: 'run',
      className: SERIES_CLASS.run,
      color: runColor(colors, run.runKey),
      shape: 'circle',
      size: 64,
      points: [{ x: x.value, y: run.value, name: run.runName, source: runSource(run), details: run.model ? [`model ${run.model}`] : [] }],
      legend: true,
    });
  }

  const paperPoints = data.paperPoints.flatMap((point) => {
    const x = readPaperX(point, options);
    const reason = explainUndrawable(x.value, options.xScale, x.missing);
    if (reason !== null || x.value === null) {
      notPlotted.push({ name: point.label, source: data.paper?.shortName ?? 'paper', reason: reason ?? x.missing });
      return [];
    }
    drawn.set(`paper:${point.resultKey}`, { x: x.value, y: point.value });
    const basis = options.x === 'compute' && options.computeAxis === 'gpu-hours' && point.paperGpuHoursBasis ? [`basis: ${point.paperGpuHoursBasis}`] : [];
    return [{ x: x.value, y: point.value, name: point.label, source: paperSource(point), details: basis }];
  });
  if (data.paper !== null) {
    series.push({ kind: 'scatter', id: 'paper', label: paperSeriesLabel(data), role: 'paper', className: SERIES_CLASS.paper, color: PAPER_POINT_COLOR, shape: 'diamond', size: 90, points: paperPoints, legend: true });
  }

  for (const link of data.links) {
    const from = drawn.get(`run:${link.runKey}`);
    const to = drawn.get(`paper:${link.resultKey}`);
    if (!from || !to) continue;
    series.unshift({ kind: 'line', id: `link:${link.runKey}`, label: `${link.runKey} → ${link.resultKey}`, role: 'link', className: SERIES_CLASS.link, color: runColor(colors, link.runKey), dashed: true, points: [from, to], legend: false });
  }

  const points = [...drawn.values()];
  const xFormat = options.x === 'samples' ? 'count' : options.computeAxis === 'gpu-hours' ? 'number' : 'scientific';
  return {
    x: buildAxis(points.map((point) => point.x), { label: describeComputeX(options, data.computeUnit), name: X_NOUNS[options.x === 'samples' ? 'samples' : options.computeAxis], scale: options.xScale, format: xFormat }),
    y: buildAxis(points.map((point) => point.y), { label: `${data.metric.label} (${data.metric.unit})`, name: data.metric.name, scale: 'linear', format: 'percent' }),
    series,
    notPlotted,
    notes: noteGpuHourBases(data, options),
    emptyReason: points.length === 0 ? `No run or paper result has both ${X_NOUNS[options.x === 'samples' ? 'samples' : options.computeAxis]} and a ${data.metric.label} value.` : null,
  };
}

function noteGpuHourBases(data: PaperChartData, options: ComputeChartOptions): string[] {
  if (options.x !== 'compute' || options.computeAxis !== 'gpu-hours') return [];
  const bases = [...new Set(data.paperPoints.flatMap((point) => (point.paperGpuHours !== null && point.paperGpuHoursBasis ? [point.paperGpuHoursBasis] : [])))];
  if (bases.length === 0) return [];
  return [`Paper GPU-hours are as printed and not measured like the runs' (wall time × GPUs): ${bases.join('; ')}.`];
}
