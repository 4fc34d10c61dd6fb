import { describe, expect, it } from 'vitest';
import { joinBestPerX, preparePaperInverseScalingChart, type InverseScalingOptions } from './paper-inverse-scaling-chart';
import { chartData, paperPoint, runPoint } from './paper-chart-test-helpers';
import type { LineSeries, ScatterSeries } from './paper-scatter-model';
import { toModelFamily } from './paper-model-family';

const data = chartData({
  paperPoints: [
    paperPoint('h14-70', { model: 'H/14', imageTokens: 25, imageResolution: 70, value: 81.1 }),
    paperPoint('h14-84', { model: 'H/14', imageTokens: 36, imageResolution: 84, value: 81.8 }),
    paperPoint('h14-84-laion', { model: 'H/14', imageTokens: 36, imageResolution: 84, value: 79.1 }),
    paperPoint('l14-84', { model: 'L/14', imageTokens: 36, imageResolution: 84, value: 80.3 }),
    paperPoint('bigG', { model: 'G/14 (bigG/14)', imageTokens: null, imageResolution: null, value: 80.1 }),
  ],
  runPoints: [
    runPoint('h14-i36', { model: 'ViT-H-14-CL8-SyntaxMask-GAP', imageTokens: 36, imageResolution: 84, value: 74.5 }),
    runPoint('h14-i16', { model: 'ViT-H-14', imageTokens: 16, imageResolution: 56, value: 70 }),
    runPoint('rn50', { model: 'RN50', imageTokens: null, value: 50 }),
  ],
});
const options: InverseScalingOptions = { x: 'tokens', xScale: 'log', selectedRunKeys: null };
const scatter = (chart: ReturnType<typeof preparePaperInverseScalingChart>, id: string) => chart.series.find((entry) => entry.id === id) as ScatterSeries;

describe('preparePaperInverseScalingChart', () => {
  it('groups runs and paper points by model size, one series each, paper points distinct', () => {
    const chart = preparePaperInverseScalingChart(data, options);
    expect(chart.series.filter((entry) => entry.kind === 'scatter').map((entry) => [entry.id, entry.label, entry.className])).toEqual([
      ['paper:L/14', 'L/14 · CLIPA-v2 (reported)', 'paper-points'],
      ['paper:H/14', 'H/14 · CLIPA-v2 (reported)', 'paper-points'],
      ['run:H/14', 'H/14 · lab runs', 'run-points'],
    ]);
    expect(scatter(chart, 'paper:H/14').points.map((point) => [point.x, point.y])).toEqual([[25, 81.1], [36, 81.8], [36, 79.1]]);
    expect(scatter(chart, 'paper:H/14').shape).toBe('diamond');
    expect(scatter(chart, 'run:H/14').shape).toBe('circle');
    expect(scatter(chart, 'run:H/14').color).toBe(scatter(chart, 'paper:H/14').color);
    expect(scatter(chart, 'paper:L/14').color).not.toBe(scatter(chart, 'paper:H/14').color);
    expect(chart.x.label).toMatch(/^Image tokens in pre-training/);
  });

  it('draws one line per size through the best value at each x (dashed for the paper)', () => {
    const chart = preparePaperInverseScalingChart(data, options);
    const paperLine = chart.series.find((entry) => entry.id === 'paper-line:H/14') as LineSeries;
    expect(paperLine).toMatchObject({ dashed: true, className: 'paper-lines', points: [{ x: 25, y: 81.1 }, { x: 36, y: 81.8 }] });
    expect(chart.series.find((entry) => entry.id === 'run-line:H/14')).toMatchObject({ dashed: false, points: [{ x: 16, y: 70 }, { x: 36, y: 74.5 }] });
    expect(chart.series.some((entry) => entry.id === 'paper-line:L/14')).toBe(false);
    expect(joinBestPerX([{ x: 2, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toEqual([{ x: 1, y: 3 }, { x: 2, y: 5 }]);
  });

  it('lists points without a size or an x, and switches to resolution', () => {
    const chart = preparePaperInverseScalingChart(data, options);
    expect(chart.notPlotted).toEqual([
      { name: 'rn50', source: 'run', reason: 'model "RN50" has no ViT size to group by' },
      { name: 'H/14 · DataComp-1B · bigG', source: 'CLIPA-v2', reason: 'no image token count' },
    ]);
    const resolution = preparePaperInverseScalingChart(data, { ...options, x: 'resolution', selectedRunKeys: ['h14-i16'] });
    expect(scatter(resolution, 'run:H/14').points.map((point) => point.x)).toEqual([56]);
    expect(resolution.x.label).toBe('Image resolution in pre-training (px)');
  });

  it('reads model sizes the way runs and papers write them', () => {
    expect(['ViT-H-14-CL8-SyntaxMask-GAP', 'H/14', 'H-14', 'G/14 (bigG/14)', 'G-14', 'ViT-bigG-14-CLIPA', 'ViT-B-16-plus-240', 'B/16+ (240x240)', 'ViT-g-14', 'RN50'].map(toModelFamily)).toEqual([
      'H/14', 'H/14', 'H/14', 'bigG/14', 'bigG/14', 'bigG/14', 'B/16+', 'B/16+', 'g/14', null,
    ]);
  });
});
