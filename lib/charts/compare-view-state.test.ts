import { describe, expect, it } from 'vitest';
import { changeControls, decodeCompareState, encodeCompareState, runCountProblem } from './compare-view-state';
import { DEFAULT_CHART_CONTROLS } from './prepare-training-curves';

describe('compare view state in the URL', () => {
  it('decodes runs (keys may contain escaped commas), metrics and every control', () => {
    const state = decodeCompareState(
      new URLSearchParams('runs=a,lr%252C1e-3,a&metrics=train/loss&x=samples&xlog=1&ylog=1&smooth=0.6&outliers=hide&from=10&to=20&diff=only'),
    );
    expect(state.runs).toEqual(['a', 'lr%2C1e-3'.replace('%2C', ',')]);
    expect(state.metrics).toEqual(['train/loss']);
    expect(state.diffOnly).toBe(true);
    expect(state.controls).toEqual({ xAxis: 'samples', xLog: true, yLog: true, smoothing: 0.6, hideOutliers: true, zoom: { from: 10, to: 20 } });
  });

  it('falls back to defaults for missing or malformed values', () => {
    const state = decodeCompareState(new URLSearchParams('runs=a,b&x=nope&smooth=x&from=5&to=1'));
    expect(state.metrics).toEqual(['train/loss', 'val/imagenet-zeroshot-val-top1', 'train/lr']);
    expect(state.controls).toEqual(DEFAULT_CHART_CONTROLS);
  });

  it('round-trips, leaves defaults out and keeps unrelated parameters', () => {
    const state = decodeCompareState(new URLSearchParams('runs=a,b&ylog=1&x=epoch&from=1&to=2'));
    const encoded = encodeCompareState(state, new URLSearchParams('other=1&smooth=0.5'));
    expect(encoded.get('other')).toBe('1');
    expect(encoded.has('smooth')).toBe(false);
    expect(encoded.has('metrics')).toBe(false);
    expect(decodeCompareState(encoded)).toEqual(state);
  });

  it('drops the zoom when the x-axis or its scale changes', () => {
    const zoomed = { ...DEFAULT_CHART_CONTROLS, zoom: { from: 1, to: 2 } };
    expect(changeControls(zoomed, { xAxis: 'samples' }).zoom).toBeNull();
    expect(changeControls(zoomed, { xLog: true }).zoom).toBeNull();
    expect(changeControls(zoomed, { yLog: true }).zoom).toEqual({ from: 1, to: 2 });
  });

  it('explains a selection outside 2 to 20 runs', () => {
    expect(runCountProblem(1)).toMatch(/at least 2/);
    expect(runCountProblem(21)).toMatch(/at most 20/);
    expect(runCountProblem(2)).toBeNull();
  });
});
