import type { ResultType } from '@/lib/reference/seed-types';
import type { ResultFilter } from './filter-results';

/** Result-type toggle and text search above the results table. */
export function ResultFilters({
  filter,
  onChange,
  hidden,
  shownCount,
  totalCount,
}: {
  filter: ResultFilter;
  onChange: (filter: ResultFilter) => void;
  hidden: readonly { type: ResultType; count: number }[];
  shownCount: number;
  totalCount: number;
}) {
  const hiddenText = hidden.map(({ type, count }) => `${count} ${type}`).join(', ');
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-zinc-200 px-4 py-2.5 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-zinc-700">Search</span>
        <input
          type="search"
          value={filter.search}
          onChange={(event) => onChange({ ...filter, search: event.target.value })}
          placeholder="model, data or result key"
          className="w-64 rounded-md border-0 px-2.5 py-1 text-sm shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-accent-600"
        />
      </label>
      {hidden.length > 0 && (
        <label className="flex items-center gap-2 text-zinc-700">
          <input type="checkbox" checked={filter.showAllTypes} onChange={(event) => onChange({ ...filter, showAllTypes: event.target.checked })} />
          Show all result types <span className="text-xs text-zinc-500">(hidden by default: {hiddenText})</span>
        </label>
      )}
      <span className="ml-auto text-xs text-zinc-500" aria-live="polite">
        Showing {shownCount} of {totalCount}
      </span>
    </div>
  );
}
