import { describe, expect, it } from 'vitest';
import { preparePaperComputeChart, type ComputeChartOptions } from './paper-compute-chart';
import { chartData, paperPoint, runPoint } from './paper-chart-test-helpers';
import type { ScatterSeries } from './paper-scatter-model';

const options: ComputeChartOptions = { x: 'compute', computeAxis: 'gflops', xScale: 'log', selectedRunKeys: null };
const data = chartData({
  paperPoints: [
    paperPoint('h14-336', { value: 81.8, trainingGflops: 2.55e12 }),
    paperPoint('l14-224', { model: 'L/14', value: 79.7, trainingGflops: 1.1e12, paperGpuHours: 4008 }),
    paperPoint('ablation', { value: 78.2, trainingGflops: null, computeNote: 'the fine-tuning sample count is not given', paperGpuHours: null }),
  ],
  runPoints: [
    runPoint('h14-run', { value: 74.5, trainingGflops: 3e11, linkedResultKey: 'h14-336' }),
    runPoint('pilot', { value: 40, trainingGflops: 0 }),
    runPoint('no-params', { trainingGflops: null, computeNote: 'no params.txt uploaded' }),
    runPoint('fresh', { value: null, valueNote: 'no zeroshot_in1k_top1 points yet' }),
  ],
  links: [{ runKey: 'h14-run', resultKey: 'h14-336' }],
});

const scatters = (chart: ReturnType<typeof preparePaperComputeChart>) => chart.series.filter((entry): entry is ScatterSeries => entry.kind === 'scatter');

describe('preparePaperComputeChart', () => {
  it("draws the paper's points as one separate, labelled series and each run as its own", () => {
    const chart = preparePaperComputeChart(data, options);
    const paper = scatters(chart).find((entry) => entry.role === 'paper')!;
    expect(paper).toMatchObject({ label: 'CLIPA-v2 (reported)', className: 'paper-points', shape: 'diamond', color: '#18181b' });
    expect(paper.points.map((point) => [point.x, point.y])).toEqual([[2.55e12, 81.8], [1.1e12, 79.7]]);
    expect(paper.points[0]!.source).toBe('CLIPA-v2 paper, Table 4');
    const runs = scatters(chart).filter((entry) => entry.role === 'run');
    expect(runs.map((entry) => [entry.label, entry.className, entry.points[0]!.y])).toEqual([['h14-run', 'run-points', 74.5]]);
    expect(runs.every((entry) => entry.color !== paper.color)).toBe(true);
    expect(chart.x.label).toBe('Total training compute (training GFLOPs (fwd+bwd, 2 FLOPs per MAC))');
    expect(chart.y).toMatchObject({ label: 'Zero-shot ImageNet-1k top-1 (%)', scale: 'linear', format: 'percent' });
  });

  it('lists every point it cannot draw with the reason; a log axis refuses x ≤ 0 that a linear one draws', () => {
    const chart = preparePaperComputeChart(data, options);
    expect(chart.notPlotted).toEqual([
      { name: 'pilot', source: 'run', reason: '0 cannot be drawn on a log axis (needs > 0)' },
      { name: 'no-params', source: 'run', reason: 'no training compute: no params.txt uploaded' },
      { name: 'fresh', source: 'run', reason: 'no zeroshot_in1k_top1 points yet' },
      { name: 'H/14 · DataComp-1B · ablation', source: 'CLIPA-v2', reason: 'no training compute: the fine-tuning sample count is not given' },
    ]);
    expect(chart.x.scale).toBe('log');
    expect(chart.x.domain[0]).toBeGreaterThan(0);

    const linear = preparePaperComputeChart(data, { ...options, xScale: 'linear' });
    expect(scatters(linear).some((entry) => entry.label === 'pilot' && entry.points[0]!.x === 0)).toBe(true);
    expect(linear.notPlotted.map((entry) => entry.name)).not.toContain('pilot');
  });

  it('connects a run to its linked paper result, only while both are drawn', () => {
    const chart = preparePaperComputeChart(data, options);
    const links = chart.series.filter((entry) => entry.role === 'link');
    expect(links).toEqual([
      expect.objectContaining({ kind: 'line', className: 'link-segments', dashed: true, points: [{ x: 3e11, y: 74.5 }, { x: 2.55e12, y: 81.8 }] }),
    ]);
    const h14Color = scatters(chart).find((entry) => entry.label === 'h14-run')!.color;
    expect(links[0]!.color).toBe(h14Color);
    expect(preparePaperComputeChart(data, { ...options, selectedRunKeys: ['pilot'] }).series.some((entry) => entry.role === 'link')).toBe(false);
  });

  it('keeps a run colour when other runs are hidden', () => {
    const all = scatters(preparePaperComputeChart(data, { ...options, xScale: 'linear' }));
    const some = scatters(preparePaperComputeChart(data, { ...options, xScale: 'linear', selectedRunKeys: ['pilot'] }));
    expect(some.filter((entry) => entry.role === 'run').map((entry) => entry.label)).toEqual(['pilot']);
    expect(some.find((entry) => entry.label === 'pilot')!.color).toBe(all.find((entry) => entry.label === 'pilot')!.color);
  });

  it("uses the paper's printed GPU-hours with their basis, or samples seen", () => {
    const hours = preparePaperComputeChart(data, { ...options, computeAxis: 'gpu-hours' });
    expect(scatters(hours).find((entry) => entry.role === 'paper')!.points.map((point) => point.x)).toEqual([8640, 4008]);
    expect(scatters(hours).find((entry) => entry.role === 'paper')!.points[0]!.details).toEqual(['basis: A100-80GB hours, estimated']);
    expect(hours.notes[0]).toMatch(/as printed.*A100-80GB hours, estimated/);
    expect(hours.x.label).toMatch(/^GPU-hours/);

    const samples = preparePaperComputeChart(data, { ...options, x: 'samples' });
    expect(samples.x).toMatchObject({ label: 'Samples seen (count, all training stages)', format: 'count' });
    expect(scatters(samples).find((entry) => entry.role === 'paper')!.points).toHaveLength(3);
  });

  it('says why the chart is empty instead of drawing an empty box', () => {
    const chart = preparePaperComputeChart(chartData({ runPoints: [runPoint('fresh', { value: null, valueNote: 'no points' })] }), options);
    expect(chart.emptyReason).toBe('No run or paper result has both training compute and a Zero-shot ImageNet-1k top-1 value.');
    expect(chart.notPlotted).toEqual([{ name: 'fresh', source: 'run', reason: 'no points' }]);
  });
});
