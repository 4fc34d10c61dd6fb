import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parsePaperChartView, serializePaperChartView, toggleRun } from './paper-chart-view-state';

describe('paper chart view state in the URL', () => {
  it('falls back to defaults for missing or unknown values', () => {
    expect(parsePaperChartView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    expect(parsePaperChartView(new URLSearchParams('metric=top5&xscale=cubic&compute=joules&fit=all&ix=px'))).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every choice, including the run selection', () => {
    const state = { ...DEFAULT_VIEW, paper: 'clipa-v2', metric: 'imagenet_v2_top1' as const, xScale: 'linear' as const, computeAxis: 'gpu-hours' as const, runs: ['h14 [I36,T8]', 'b/16'], fitSet: 'paper' as const, target: 'clipa-v2_H14_datacomp1b_84-224-336', fitFloor: true, fitYScale: 'linear' as const, inverseX: 'resolution' as const };
    const text = serializePaperChartView(state).toString();
    expect(text).toContain('xscale=linear');
    expect(parsePaperChartView(new URLSearchParams(text))).toEqual(state);
  });

  it('tells "all runs" (no run parameter) from "no run" (one empty run parameter)', () => {
    expect(serializePaperChartView(DEFAULT_VIEW).getAll('run')).toEqual([]);
    const none = serializePaperChartView({ ...DEFAULT_VIEW, runs: [] });
    expect(none.getAll('run')).toEqual(['']);
    expect(parsePaperChartView(none).runs).toEqual([]);
  });

  it('toggles a run from "all" to "all but one" and back to "all"', () => {
    const all = ['a', 'b', 'c'];
    const without = toggleRun(DEFAULT_VIEW, all, 'b');
    expect(without).toEqual(['a', 'c']);
    expect(toggleRun({ ...DEFAULT_VIEW, runs: without }, all, 'b')).toBeNull();
    expect(toggleRun({ ...DEFAULT_VIEW, runs: ['a'] }, all, 'a')).toEqual([]);
  });
});
