import { describe, expect, it } from 'vitest';
import { decodeChartControls } from '@/lib/charts/compare-view-state';
import { evidenceHref, evidenceZoom } from './evidence-link';

describe('evidence link', () => {
  it('opens the run page zoomed on the evidence steps, on the step axis', () => {
    const href = evidenceHref('clipa', 'h14 [i36]', { fromStep: 650, toStep: 800 });
    expect(href).toBe('/projects/clipa/runs/h14%20%5Bi36%5D?from=650&to=800');
    expect(decodeChartControls(new URL(href!, 'http://x').searchParams)).toMatchObject({ xAxis: 'step', zoom: { from: 650, to: 800 } });
  });

  it('widens a single step so the chart shows both sides of it', () => {
    expect(evidenceZoom({ fromStep: 101, toStep: 101 })).toEqual({ from: 91, to: 111 });
    expect(evidenceZoom({ fromStep: 50_000, toStep: 50_000 })).toEqual({ from: 49_000, to: 51_000 });
    expect(evidenceZoom({ fromStep: 0, toStep: 0 })).toEqual({ from: 0, to: 10 });
  });

  it('has no link without a step range', () => {
    expect(evidenceHref('p', 'r', {})).toBeNull();
    expect(evidenceHref('p', 'r', { fromStep: 5 })).toBeNull();
  });
});
