import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/schemas/metrics';
import { buildExportSvg, exportFileName, seriesToCsv } from './chart-export';

const series: Series = {
  key: 'train/loss',
  points: [
    { step: 0, epoch: 0, samplesSeen: 0, wallTime: Date.UTC(2026, 0, 1), value: 9.5, nonFinite: null },
    { step: 10, epoch: null, samplesSeen: null, wallTime: null, value: null, nonFinite: 'nan' },
  ],
};

describe('seriesToCsv', () => {
  it('writes one row per point in long format, non-finite values spelled out', () => {
    expect(seriesToCsv([{ label: 'run-a', series }])).toBe(
      [
        'series,metric,step,epoch,samples_seen,wall_time,value',
        'run-a,train/loss,0,0,0,2026-01-01T00:00:00.000Z,9.5',
        'run-a,train/loss,10,,,,nan',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes labels with commas, quotes or line breaks', () => {
    const csv = seriesToCsv([{ label: 'lr=1e-3, "big"', series: { key: 'train/lr', points: [series.points[0]!] } }]);
    expect(csv.split('\r\n')[1]).toBe('"lr=1e-3, ""big""",train/lr,0,0,0,2026-01-01T00:00:00.000Z,9.5');
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from the chart title', () => {
    expect(exportFileName('Zero-shot accuracy (%)', 'png')).toBe('zero-shot-accuracy.png');
    expect(exportFileName('***', 'csv')).toBe('chart.csv');
  });
});

describe('buildExportSvg', () => {
  it('wraps the chart with a white background, a title, a font and a legend', () => {
    const { svg, width, height } = buildExportSvg({
      chartSvg: '<svg class="recharts-surface" width="400" height="200" viewBox="0 0 400 200"><rect width="10" height="5"/></svg>',
      width: 400,
      height: 200,
      title: 'Loss <train>',
      legend: [
        { label: 'run a', color: '#4f46e5' },
        { label: 'run b', color: '#d97706' },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).toContain('font-family:Helvetica');
    expect(svg).toContain('Loss &lt;train&gt;');
    expect(svg).toContain('>run a</text>');
    expect(svg).toContain('stroke="#d97706"');
    // The inner chart keeps its own shapes' sizes and its viewBox; only the root tag is placed.
    expect(svg).toContain('<svg x="12" y="40" width="400" height="200" viewBox="0 0 400 200"><rect width="10" height="5"/></svg>');
    expect(width).toBe(424);
    expect(height).toBeGreaterThan(200 + 40);
  });
});
