import { describe, expect, it } from 'vitest';
import { columnById } from './columns';
import { groupRuns } from './group';
import { sampleRuns } from './run-fixture';
import { sortRuns } from './sort';

const summary = (groups: ReturnType<typeof groupRuns>) => groups.map((group) => [group.label, group.count, group.runs.map((run) => run.key)]);

describe('groupRuns', () => {
  it('groups by a value with counts, missing last, runs in incoming order', () => {
    expect(summary(groupRuns(sampleRuns(), columnById('model')!))).toEqual([
      ['ViT-B-16', 2, ['b16-256', 'b16-512']],
      ['ViT-H-14', 2, ['h14-1024', 'h14-2048']],
      ['ViT-L-14', 1, ['l14-1024']],
      ['(none)', 1, ['no-config']],
    ]);
  });

  it('orders numeric config groups by value, descending when asked', () => {
    const column = columnById('config.batch_size')!;
    expect(groupRuns(sampleRuns(), column).map((group) => group.label)).toEqual(['256', '512', '1024', '2048', '(none)']);
    expect(groupRuns(sampleRuns(), column, 'desc').map((group) => group.label)).toEqual(['2048', '1024', '512', '256', '(none)']);
  });

  it('keeps the sort order inside each group', () => {
    const sorted = sortRuns(sampleRuns(), columnById('top1'), 'desc');
    const groups = groupRuns(sorted, columnById('model')!);
    expect(groups[1]!.runs.map((run) => run.key)).toEqual(['h14-2048', 'h14-1024']);
  });

  it('orders status groups by liveness', () => {
    expect(groupRuns(sampleRuns(), columnById('status')!).map((group) => group.label)).toEqual(['running', 'stale', 'finished', 'failed']);
  });

  it('has no groups without runs', () => {
    expect(groupRuns([], columnById('model')!)).toEqual([]);
  });
});
