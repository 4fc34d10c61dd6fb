import type { RunSummary } from '@/lib/schemas/run';
import type { RunColumn } from './columns';
import { compareCells } from './values';

export type SortDirection = 'asc' | 'desc';

/**
 * Runs ordered by one column: numbers by value, text digit-aware and case-insensitive, missing
 * values last in both directions, ties in their incoming order (the API's newest-first).
 */
export function sortRuns(runs: readonly RunSummary[], column: RunColumn | null, direction: SortDirection): RunSummary[] {
  if (!column) return [...runs];
  const valueOf = column.sortValue ?? column.value;
  return runs
    .map((run, index) => ({ run, index, value: valueOf(run) }))
    .sort((a, b) => compareCells(a.value, b.value, direction) || a.index - b.index)
    .map((entry) => entry.run);
}
