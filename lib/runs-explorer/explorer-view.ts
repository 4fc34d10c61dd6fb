/**
 * Everything the explorer shows, derived from the runs and the URL state in one pure step:
 * filter (search box, status and tag chips, expression) → sort → group → one page of rows with
 * group headers. The CSV export takes `rows` and `columns` from here, so it is exactly the view.
 */
import type { RunDisplayStatus, RunSummary } from '@/lib/schemas/run';
import { runDisplayStatusSchema } from '@/lib/schemas/run';
import { collectRunKeys, columnById, resolveColumns, type RunColumn, type RunKeys } from './columns';
import { compileFilter, matchesText } from './filter-eval';
import { numericOf } from './values';
import { parseFilter, type FilterError } from './filter-parser';
import { groupRuns, type RunGroup } from './group';
import { sortRuns } from './sort';
import type { ExplorerState } from './url-state';

export const PAGE_SIZE = 50;
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 20;

export type PageItem =
  | { type: 'group'; group: RunGroup; continued: boolean }
  | { type: 'run'; run: RunSummary };

export interface ExplorerView {
  keys: RunKeys;
  columns: RunColumn[];
  sortColumn: RunColumn | null;
  groupColumn: RunColumn | null;
  filterError: FilterError | null;
  /** Every run that passes the filters, in display order (grouped, then sorted). */
  rows: RunSummary[];
  groups: RunGroup[] | null;
  page: number;
  pageCount: number;
  pageItems: PageItem[];
  statusCounts: Record<RunDisplayStatus, number>;
  tagCounts: { tag: string; count: number }[];
}

interface FilterOutcome {
  rows: RunSummary[];
  error: FilterError | null;
}

/** Applies every filter of the state; an expression that does not parse is ignored and reported. */
export function filterRuns(runs: readonly RunSummary[], state: ExplorerState, keys: RunKeys): FilterOutcome {
  const words = state.search.split(/\s+/).filter(Boolean);
  const statuses = new Set(state.statuses);
  const tags = new Set(state.tags);
  let error: FilterError | null = null;
  let expression: ((run: RunSummary) => boolean) | null = null;
  if (state.filter.trim() !== '') {
    const parsed = parseFilter(state.filter);
    const compiled = parsed.ok ? compileFilter(parsed.terms, keys) : parsed;
    if (compiled.ok) expression = compiled.predicate;
    else error = compiled.error;
  }
  const rows = runs.filter(
    (run) =>
      words.every((word) => matchesText(run, word)) &&
      (statuses.size === 0 || statuses.has(run.displayStatus)) &&
      (tags.size === 0 || run.tags.some((tag) => tags.has(tag))) &&
      (expression === null || expression(run)),
  );
  return { rows, error };
}

/** A params.txt column whose every present value is a number is shown (right-aligned) as numeric. */
function withNumericConfig(column: RunColumn, runs: readonly RunSummary[]): RunColumn {
  if (column.source !== 'config') return column;
  const present = runs.map(column.value).filter((value) => value !== null);
  return present.length > 0 && present.every((value) => numericOf(value) !== null) ? { ...column, numeric: true } : column;
}

function countStatuses(runs: readonly RunSummary[]): Record<RunDisplayStatus, number> {
  const counts = Object.fromEntries(runDisplayStatusSchema.options.map((status) => [status, 0])) as Record<RunDisplayStatus, number>;
  for (const run of runs) counts[run.displayStatus] += 1;
  return counts;
}

function countTags(runs: readonly RunSummary[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const tag of run.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
}

/** The rows of one page, each group's header before its first row on the page. */
function pageItemsOf(rows: readonly RunSummary[], groups: readonly RunGroup[] | null, start: number): PageItem[] {
  const pageRows = rows.slice(start, start + PAGE_SIZE);
  if (!groups) return pageRows.map((run) => ({ type: 'run', run }));
  const groupOf = new Map<RunSummary, RunGroup>();
  for (const group of groups) for (const run of group.runs) groupOf.set(run, group);
  const items: PageItem[] = [];
  let current: RunGroup | null = null;
  for (const run of pageRows) {
    const group = groupOf.get(run)!;
    if (group !== current) {
      items.push({ type: 'group', group, continued: group.runs[0] !== run });
      current = group;
    }
    items.push({ type: 'run', run });
  }
  return items;
}

export function deriveExplorerView(runs: readonly RunSummary[], state: ExplorerState): ExplorerView {
  const keys = collectRunKeys(runs);
  const { rows: filtered, error } = filterRuns(runs, state, keys);
  const sortColumn = state.sort ? columnById(state.sort.column) : null;
  const direction = state.sort?.direction ?? 'asc';
  const sorted = sortRuns(filtered, sortColumn, direction);
  const candidate = state.group ? columnById(state.group) : null;
  const groupColumn = candidate?.groupable ? candidate : null;
  const groups = groupColumn ? groupRuns(sorted, groupColumn, sortColumn?.id === groupColumn.id ? direction : 'asc') : null;
  const rows = groups ? groups.flatMap((group) => group.runs) : sorted;
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pageCount);
  return {
    keys,
    columns: resolveColumns(state.columns).map((column) => withNumericConfig(column, runs)),
    sortColumn,
    groupColumn,
    filterError: error,
    rows,
    groups,
    page,
    pageCount,
    pageItems: pageItemsOf(rows, groups, (page - 1) * PAGE_SIZE),
    statusCounts: countStatuses(runs),
    tagCounts: countTags(runs),
  };
}
