import { describe, expect, it } from 'vitest';
import { collectRunKeys, columnById, DEFAULT_COLUMN_IDS } from './columns';
import { compileFilter } from './filter-eval';
import { parseFilter } from './filter-parser';
import { makeRun } from './run-fixture';
import { sortRuns } from './sort';

const runs = [
  makeRun('clean', { diagnostics: [] }),
  makeRun('slow-loader', { diagnostics: [{ code: 'data_bottleneck', severity: 'medium' }, { code: 'throughput_drop', severity: 'medium' }] }),
  makeRun('nan', { diagnostics: [{ code: 'loss_non_finite', severity: 'high' }] }),
  makeRun('old-api'),
];

describe('the diagnostics column of the runs explorer', () => {
  it('is shown by default, after the status', () => {
    expect(DEFAULT_COLUMN_IDS.slice(0, 3)).toEqual(['name', 'status', 'diagnostics']);
  });

  it('exports the codes and sorts the worst findings first', () => {
    const column = columnById('diagnostics')!;
    expect(column.value(runs[1]!)).toBe('data_bottleneck; throughput_drop');
    expect(column.value(runs[0]!)).toBeNull();
    expect(sortRuns(runs, column, 'asc').map((run) => run.key)).toEqual(['nan', 'slow-loader', 'clean', 'old-api']);
  });

  it('filters by code: diagnostics = data_bottleneck matches a run with that finding among others', () => {
    const parsed = parseFilter('diagnostics = data_bottleneck');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const compiled = compileFilter(parsed.terms, collectRunKeys(runs));
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(runs.filter(compiled.predicate).map((run) => run.key)).toEqual(['slow-loader']);
  });
});
