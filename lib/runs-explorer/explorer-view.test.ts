import { describe, expect, it } from 'vitest';
import { deriveExplorerView, PAGE_SIZE } from './explorer-view';
import { makeRun, sampleRuns } from './run-fixture';
import { DEFAULT_STATE, type ExplorerState } from './url-state';

const view = (change: Partial<ExplorerState>, runs = sampleRuns()) => deriveExplorerView(runs, { ...DEFAULT_STATE, ...change });
const keysOf = (runs: { key: string }[]) => runs.map((run) => run.key);

describe('deriveExplorerView', () => {
  it('shows every run in API order with the default columns', () => {
    const result = view({});
    expect(keysOf(result.rows)).toEqual(keysOf(sampleRuns()));
    expect(result.columns[0]!.id).toBe('name');
    expect(result.filterError).toBeNull();
    expect(result.pageItems).toHaveLength(6);
  });

  it('combines search words, status chips, tag chips and the expression', () => {
    expect(keysOf(view({ search: 'h14 1024' }).rows)).toEqual(['h14-1024']);
    expect(keysOf(view({ statuses: ['running', 'failed'] }).rows)).toEqual(['b16-512', 'h14-2048']);
    expect(keysOf(view({ tags: ['pilot', 'ladder'] }).rows)).toEqual(['b16-256', 'l14-1024']);
    expect(keysOf(view({ filter: 'batch_size >= 512', tags: ['h14'] }).rows)).toEqual(['l14-1024', 'h14-1024']);
  });

  it('ignores an expression with an error and reports it', () => {
    const result = view({ filter: 'batch_size >=', statuses: ['failed'] });
    expect(keysOf(result.rows)).toEqual(['h14-2048']);
    expect(result.filterError?.message).toBe('Expected a value after ">=" at column 14');
    expect(view({ filter: 'bogus = 1' }).filterError?.message).toMatch(/^Unknown field "bogus"/);
  });

  it('sorts, then groups with counts, following the sort when it is the grouping column', () => {
    const grouped = view({ group: 'model', sort: { column: 'top1', direction: 'desc' } });
    expect(grouped.groups!.map((group) => [group.label, group.count])).toEqual([['ViT-B-16', 2], ['ViT-H-14', 2], ['ViT-L-14', 1], ['(none)', 1]]);
    expect(keysOf(grouped.rows)).toEqual(['b16-512', 'b16-256', 'h14-2048', 'h14-1024', 'l14-1024', 'no-config']);
    expect(grouped.pageItems.filter((item) => item.type === 'group')).toHaveLength(4);
    const byModelDesc = view({ group: 'model', sort: { column: 'model', direction: 'desc' } });
    expect(byModelDesc.groups!.map((group) => group.label)).toEqual(['ViT-L-14', 'ViT-H-14', 'ViT-B-16', '(none)']);
  });

  it('right-aligns a params.txt column only when all its values are numbers', () => {
    const columns = view({ columns: ['config.batch_size', 'config.model', 'config.lr'] }).columns;
    expect(columns.map((column) => [column.id, column.numeric])).toEqual([
      ['config.batch_size', true],
      ['config.model', false],
      ['config.lr', true],
    ]);
  });

  it('does not group by a column that is not groupable', () => {
    expect(view({ group: 'metric.train/loss' }).groups).toBeNull();
    expect(view({ group: 'nope' }).groupColumn).toBeNull();
  });

  it('pages 50 rows at a time, repeating a group header on the page it continues on', () => {
    const runs = Array.from({ length: 120 }, (_, index) => makeRun(`r${String(index).padStart(3, '0')}`, { model: index < 70 ? 'A' : 'B' }));
    const first = view({ group: 'model' }, runs);
    expect(first.pageCount).toBe(3);
    expect(first.pageItems.filter((item) => item.type === 'run')).toHaveLength(PAGE_SIZE);
    const second = view({ group: 'model', page: 2 }, runs);
    expect(second.pageItems[0]).toMatchObject({ type: 'group', continued: true, group: { label: 'A', count: 70 } });
    expect(second.pageItems.find((item) => item.type === 'group' && item.group.label === 'B')).toMatchObject({ continued: false });
    expect(view({ page: 9 }, runs).page).toBe(3);
  });

  it('counts statuses and tags over all runs', () => {
    const result = view({ statuses: ['failed'] });
    expect(result.statusCounts).toEqual({ running: 1, stale: 1, finished: 3, failed: 1, crashed: 0 });
    expect(result.tagCounts).toEqual([
      { tag: 'h14', count: 2 },
      { tag: 'ladder', count: 1 },
      { tag: 'pilot', count: 1 },
    ]);
  });
});
