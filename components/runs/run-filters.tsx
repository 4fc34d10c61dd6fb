'use client';

import { cn } from '@/components/ui/cn';
import type { ExplorerView } from '@/lib/runs-explorer/explorer-view';
import type { ExplorerState } from '@/lib/runs-explorer/url-state';
import { runDisplayStatusSchema } from '@/lib/schemas/run';
import type { ExplorerChange } from './runs-explorer-state';

const INPUT = 'rounded-md border-0 px-2.5 py-1 text-sm shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-accent-600';
const FILTER_HELP =
  'Compare a column, params.txt key or metric with = != < <= > >= ~ (contains); tag:h14, status:running,stale; ' +
  'other words search name and notes; a leading - negates; all terms must hold.';

function toggled<T extends string>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

function Chip({ pressed, onClick, label, count }: { pressed: boolean; onClick: () => void; label: string; count: number }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ring-1 ring-inset',
        pressed ? 'bg-accent-600 text-white ring-accent-600' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50',
      )}
    >
      {label}
      <span className={pressed ? 'text-accent-100' : 'text-zinc-400'}>{count}</span>
    </button>
  );
}

/** Search box, filter expression (with its error), and status and tag chips. */
export function RunFilters({ state, view, onChange }: { state: ExplorerState; view: ExplorerView; onChange: (change: ExplorerChange) => void }) {
  const error = view.filterError;
  const statuses = runDisplayStatusSchema.options.filter((status) => view.statusCounts[status] > 0 || state.statuses.includes(status));
  // A chosen tag no run has any more still gets a chip, so it can be turned off.
  const tags = [...view.tagCounts, ...state.tags.filter((tag) => !view.tagCounts.some((entry) => entry.tag === tag)).map((tag) => ({ tag, count: 0 }))];
  return (
    <div className="space-y-2 border-b border-zinc-200 px-4 py-3">
      <div className="flex flex-wrap items-start gap-3">
        <input
          type="search"
          aria-label="Search runs"
          placeholder="Search name and notes"
          value={state.search}
          onChange={(event) => onChange({ search: event.target.value })}
          className={cn(INPUT, 'w-56')}
        />
        <div className="min-w-72 flex-1">
          <input
            type="text"
            aria-label="Filter expression"
            aria-invalid={error !== null}
            aria-describedby="run-filter-message"
            placeholder="batch_size >= 32768 model = ViT-H-14 tag:h14"
            spellCheck={false}
            autoComplete="off"
            value={state.filter}
            onChange={(event) => onChange({ filter: event.target.value })}
            className={cn(INPUT, 'w-full font-mono', error && 'ring-red-400 focus:ring-red-600')}
          />
          <p id="run-filter-message" aria-live="polite" className={cn('mt-1 text-xs', error ? 'text-red-700' : 'text-zinc-500')}>
            {error ? error.message : FILTER_HELP}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs font-medium text-zinc-500">Status</span>
          {statuses.map((status) => (
            <Chip
              key={status}
              label={status}
              count={view.statusCounts[status]}
              pressed={state.statuses.includes(status)}
              onClick={() => onChange((current) => ({ statuses: toggled(current.statuses, status) }))}
            />
          ))}
        </div>
        {tags.length > 0 && (
          <div role="group" aria-label="Tags" className="flex flex-wrap items-center gap-1.5">
            <span className="text-xs font-medium text-zinc-500">Tags</span>
            {tags.map(({ tag, count }) => (
              <Chip
                key={tag}
                label={tag}
                count={count}
                pressed={state.tags.includes(tag)}
                onClick={() => onChange((current) => ({ tags: toggled(current.tags, tag) }))}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
