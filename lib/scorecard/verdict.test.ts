import { describe, expect, it } from 'vitest';
import { classifyGap, countVerdicts, judgeResult, signedGap } from './verdict';

const paper = { reported: 81.8, tolerancePp: 0.5 };

describe('judgeResult', () => {
  it('counts a value exactly at the tolerance as reproduced, despite floating-point noise', () => {
    expect(63.9 - 64.4).toBeLessThan(-0.5);
    expect(judgeResult({ reported: 64.4, tolerancePp: 0.5, value: 63.9, status: 'finished' })).toEqual({ verdict: 'reproduced', gap: -0.5 });
    expect(judgeResult({ ...paper, value: 81.3, status: 'finished' })).toEqual({ verdict: 'reproduced', gap: -0.5 });
  });

  it('counts a value exactly at twice the tolerance as close, and just beyond as not reproduced', () => {
    expect(judgeResult({ ...paper, value: 80.8, status: 'finished' })).toEqual({ verdict: 'close', gap: -1 });
    expect(63.4 - 64.4).toBeLessThan(-1);
    expect(judgeResult({ reported: 64.4, tolerancePp: 0.5, value: 63.4, status: 'finished' })).toEqual({ verdict: 'close', gap: -1 });
    expect(judgeResult({ ...paper, value: 81.29, status: 'finished' }).verdict).toBe('close');
    expect(judgeResult({ ...paper, value: 80.79, status: 'finished' })).toEqual({ verdict: 'not_reproduced', gap: -1.01 });
  });

  it('counts a finished run above the paper as reproduced, however far above', () => {
    expect(judgeResult({ ...paper, value: 84.1, status: 'finished' })).toEqual({ verdict: 'reproduced', gap: 2.3 });
    expect(judgeResult({ ...paper, value: 81.8, status: 'finished' })).toEqual({ verdict: 'reproduced', gap: 0 });
  });

  it('keeps a running run in progress even when it is already within tolerance, with its gap', () => {
    expect(judgeResult({ ...paper, value: 81.6, status: 'running' })).toEqual({ verdict: 'in_progress', gap: -0.2 });
    expect(judgeResult({ ...paper, value: 40.2, status: 'running' })).toEqual({ verdict: 'in_progress', gap: -41.6 });
    expect(judgeResult({ ...paper, value: null, status: 'running' })).toEqual({ verdict: 'in_progress', gap: null });
  });

  it('says no run when nothing is linked or the run never logged the metric', () => {
    expect(judgeResult({ ...paper, value: null, status: null })).toEqual({ verdict: 'no_run', gap: null });
    expect(judgeResult({ ...paper, value: 81.8, status: null })).toEqual({ verdict: 'no_run', gap: null });
    expect(judgeResult({ ...paper, value: null, status: 'finished' })).toEqual({ verdict: 'no_run', gap: null });
    expect(judgeResult({ ...paper, value: Number.NaN, status: 'finished' })).toEqual({ verdict: 'no_run', gap: null });
  });

  it('judges failed and crashed runs on their last value', () => {
    expect(judgeResult({ ...paper, value: 60, status: 'crashed' }).verdict).toBe('not_reproduced');
    expect(judgeResult({ ...paper, value: 81.5, status: 'failed' }).verdict).toBe('reproduced');
  });
});

describe('classifyGap', () => {
  it('treats a zero or negative tolerance as exact', () => {
    expect(classifyGap(0, 0)).toBe('reproduced');
    expect(classifyGap(-0.01, 0)).toBe('not_reproduced');
    expect(classifyGap(-0.01, -1)).toBe('not_reproduced');
  });
});

describe('signedGap', () => {
  it('is run minus paper, without -0', () => {
    expect(signedGap(0.632 * 100, 63.2)).toBe(0);
    expect(Object.is(signedGap(63.2, 63.2), -0)).toBe(false);
    expect(signedGap(63.5, 63.2)).toBe(0.3);
  });
});

describe('countVerdicts', () => {
  it('lists every verdict, zero included', () => {
    expect(countVerdicts(['reproduced', 'reproduced', 'no_run'])).toEqual({ reproduced: 2, close: 0, not_reproduced: 0, in_progress: 0, no_run: 1 });
  });
});
