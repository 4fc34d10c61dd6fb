/**
 * Inverse scaling (CLIPA): accuracy against the image token count of pre-training, or the image
 * resolution, with one line per model size (H/14, L/14, B/16, …) for the lab's runs and one for the
 * paper's points, in the size's colour; paper points are diamonds on dashed lines, runs circles on solid
 * ones. Every point is drawn; a line joins the best value at each x within a size, so several results at
 * one token count (ablations, datasets) do not zig-zag. Points without an x, a value or a ViT size are
 * listed with the reason.
 */
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { buildAxis, explainUndrawable, type AxisScale } from './paper-axis';
import { paperSeriesLabel, paperSource, runSource, selectRuns } from './paper-chart-points';
import { compareModelFamilies, toModelFamily } from './paper-model-family';
import { SERIES_CLASS, type ChartPoint, type ChartSeries, type NotPlotted, type PreparedScatterChart } from './paper-scatter-model';
import { SERIES_PALETTE } from './series-colors';

export type InverseScalingX = 'tokens' | 'resolution';

export interface InverseScalingOptions {
  x: InverseScalingX;
  xScale: AxisScale;
  selectedRunKeys: readonly string[] | null;
}

interface Grouped {
  family: string;
  origin: 'run' | 'paper';
  points: ChartPoint[];
}

const X_LABELS: Record<InverseScalingX, string> = {
  tokens: 'Image tokens in pre-training (patches seen by the encoder, class token excluded)',
  resolution: 'Image resolution in pre-training (px)',
};

export function preparePaperInverseScalingChart(data: PaperChartData, options: InverseScalingOptions): PreparedScatterChart {
  const notPlotted: NotPlotted[] = [];
  const groups = new Map<string, Grouped>();
  const add = (origin: 'run' | 'paper', model: string | null, x: number | null, point: Omit<ChartPoint, 'x'>, sourceName: string) => {
    const family = toModelFamily(model);
    const reason = family === null ? `model "${model ?? 'unknown'}" has no ViT size to group by` : explainUndrawable(x, options.xScale, `no ${options.x === 'tokens' ? 'image token count' : 'image resolution'}`);
    if (reason !== null || family === null || x === null) {
      notPlotted.push({ name: point.name, source: sourceName, reason: reason ?? 'no x' });
      return;
    }
    const key = `${origin}:${family}`;
    const group = groups.get(key) ?? { family, origin, points: [] };
    group.points.push({ ...point, x });
    groups.set(key, group);
  };

  for (const run of selectRuns(data.runPoints, options.selectedRunKeys)) {
    if (run.value === null) {
      notPlotted.push({ name: run.runName, source: 'run', reason: run.valueNote ?? 'no value' });
      continue;
    }
    const x = options.x === 'tokens' ? run.imageTokens : run.imageResolution;
    add('run', run.model, x, { y: run.value, name: run.runName, source: runSource(run), details: describeTokens(run) }, 'run');
  }
  const paperName = data.paper?.shortName ?? 'paper';
  for (const point of data.paperPoints) {
    const x = options.x === 'tokens' ? point.imageTokens : point.imageResolution;
    add('paper', point.model, x, { y: point.value, name: point.label, source: paperSource(point), details: describeTokens(point) }, paperName);
  }

  const families = [...new Set([...groups.values()].map((group) => group.family))].sort(compareModelFamilies);
  // Sizes take palette slots in size order, so neighbouring sizes never get look-alike hues by hashing.
  const colors = new Map(families.map((family, index) => [`family:${family}`, SERIES_PALETTE[index % SERIES_PALETTE.length]!]));
  const ordered = [...groups.values()].sort((a, b) => compareModelFamilies(a.family, b.family) || (a.origin === 'paper' ? -1 : 1));
  const series: ChartSeries[] = ordered.flatMap((group): ChartSeries[] => {
    const color = colors.get(`family:${group.family}`)!;
    const isPaper = group.origin === 'paper';
    const label = `${group.family} · ${isPaper ? paperSeriesLabel(data) : 'lab runs'}`;
    const frontier = joinBestPerX(group.points);
    const line: ChartSeries[] = frontier.length >= 2
      ? [{ kind: 'line', id: `${group.origin}-line:${group.family}`, label, role: group.origin, className: isPaper ? 'paper-lines' : 'run-lines', color, dashed: isPaper, points: frontier, legend: false }]
      : [];
    return [
      ...line,
      { kind: 'scatter', id: `${group.origin}:${group.family}`, label, role: group.origin, className: isPaper ? SERIES_CLASS.paper : SERIES_CLASS.run, color, shape: isPaper ? 'diamond' : 'circle', size: isPaper ? 80 : 64, points: group.points, legend: true },
    ];
  });

  const all = [...groups.values()].flatMap((group) => group.points);
  return {
    x: buildAxis(all.map((point) => point.x), { label: X_LABELS[options.x], name: options.x === 'tokens' ? 'image tokens' : 'resolution (px)', scale: options.xScale, format: 'number' }),
    y: buildAxis(all.map((point) => point.y), { label: `${data.metric.label} (${data.metric.unit})`, name: data.metric.name, scale: 'linear', format: 'percent' }),
    series,
    notPlotted,
    notes: ['Lines join the best value at each x within a model size; every point is drawn.'],
    emptyReason: all.length === 0 ? `No run or ${paperName} result has both ${options.x === 'tokens' ? 'an image token count' : 'an image resolution'} and a ${data.metric.label} value.` : null,
  };
}

/** The highest y at each x, in x order. */
export function joinBestPerX(points: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  const best = new Map<number, number>();
  for (const point of points) best.set(point.x, Math.max(point.y, best.get(point.x) ?? -Infinity));
  return [...best.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
}

function describeTokens(point: { imageTokens: number | null; imageResolution: number | null; textTokens: number | null }): string[] {
  const parts = [
    point.imageResolution !== null ? `${point.imageResolution} px` : null,
    point.imageTokens !== null ? `${point.imageTokens} image tokens` : null,
    point.textTokens !== null ? `${point.textTokens} text tokens` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? [parts.join(', ')] : [];
}
