import { describe, expect, it } from 'vitest';
import { columnById } from './columns';
import { makeRun, sampleRuns } from './run-fixture';
import { sortRuns } from './sort';

const keysOf = (runs: { key: string }[]) => runs.map((run) => run.key);

describe('sortRuns', () => {
  const runs = sampleRuns();

  it('keeps the incoming order without a column', () => {
    expect(keysOf(sortRuns(runs, null, 'asc'))).toEqual(keysOf(runs));
  });

  it('sorts config numbers by value, not as text, with ties in incoming order', () => {
    expect(keysOf(sortRuns(runs, columnById('config.batch_size'), 'asc'))).toEqual(['b16-256', 'b16-512', 'l14-1024', 'h14-1024', 'h14-2048', 'no-config']);
    expect(keysOf(sortRuns(runs, columnById('config.batch_size'), 'desc'))).toEqual(['h14-2048', 'l14-1024', 'h14-1024', 'b16-512', 'b16-256', 'no-config']);
  });

  it('puts missing values last in both directions', () => {
    expect(keysOf(sortRuns(runs, columnById('top1'), 'desc'))).toEqual(['h14-2048', 'l14-1024', 'b16-512', 'b16-256', 'h14-1024', 'no-config']);
    expect(keysOf(sortRuns(runs, columnById('top1'), 'asc')).slice(-2)).toEqual(['h14-1024', 'no-config']);
    expect(keysOf(sortRuns(runs, columnById('metric.train/loss'), 'asc'))).toEqual(['l14-1024', 'b16-512', 'b16-256', 'h14-1024', 'h14-2048', 'no-config']);
  });

  it('sorts names digit-aware and case-insensitively', () => {
    const named = ['run-10', 'Run-2', 'run-1'].map((name) => makeRun(name));
    expect(keysOf(sortRuns(named, columnById('name'), 'asc'))).toEqual(['run-1', 'Run-2', 'run-10']);
  });

  it('sorts status by liveness', () => {
    expect(sortRuns(runs, columnById('status'), 'asc').map((run) => run.displayStatus)).toEqual(['running', 'stale', 'finished', 'finished', 'finished', 'failed']);
  });

  it('does not change its input', () => {
    const before = keysOf(runs);
    sortRuns(runs, columnById('name'), 'desc');
    expect(keysOf(runs)).toEqual(before);
  });
});
