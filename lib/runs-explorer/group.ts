import type { RunSummary } from '@/lib/schemas/run';
import type { RunColumn } from './columns';
import type { SortDirection } from './sort';
import { compareCells, type CellValue } from './values';

export interface RunGroup {
  /** Stable identity of the group's value, for React keys. */
  id: string;
  value: CellValue;
  label: string;
  count: number;
  runs: RunSummary[];
}

export const NO_VALUE_LABEL = '(none)';

/**
 * Runs split by a column's value, each group keeping the incoming (sorted) order of its runs.
 * Groups are ordered by their value like a sort of that column (missing value last), descending
 * only when asked: the explorer asks so when the table is sorted by the grouping column.
 */
export function groupRuns(runs: readonly RunSummary[], column: RunColumn, direction: SortDirection = 'asc'): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const run of runs) {
    const value = column.value(run);
    const id = value === null ? 'none' : `${typeof value}:${value}`;
    let group = groups.get(id);
    if (!group) {
      group = { id, value, label: value === null ? NO_VALUE_LABEL : String(value), count: 0, runs: [] };
      groups.set(id, group);
    }
    group.count += 1;
    group.runs.push(run);
  }
  const sortValue = column.sortValue;
  const orderValue = (group: RunGroup) => (sortValue ? sortValue(group.runs[0]!) : group.value);
  return [...groups.values()].sort((a, b) => compareCells(orderValue(a), orderValue(b), direction));
}
