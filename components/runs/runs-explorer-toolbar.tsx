'use client';

import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { BUILTIN_COLUMNS, configColumn } from '@/lib/runs-explorer/columns';
import { csvFileName, toCsv } from '@/lib/runs-explorer/csv';
import { COMPARE_MAX, COMPARE_MIN, type ExplorerView } from '@/lib/runs-explorer/explorer-view';
import { compareHref, type ExplorerState } from '@/lib/runs-explorer/url-state';
import { RunColumnsChooser } from './run-columns-chooser';
import type { ExplorerChange } from './runs-explorer-state';

function downloadCsv(slug: string, view: ExplorerView) {
  const blob = new Blob([toCsv(view.columns, view.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(slug, new Date());
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function CompareLink({ slug, selected }: { slug: string; selected: readonly string[] }) {
  const count = selected.length;
  const label = `Compare (${count})`;
  if (count >= COMPARE_MIN && count <= COMPARE_MAX) {
    return (
      <Link href={compareHref(slug, selected)} className={buttonClasses('primary', 'sm')}>
        {label}
      </Link>
    );
  }
  const why = count < COMPARE_MIN ? `Select at least ${COMPARE_MIN} runs to compare` : `Compare at most ${COMPARE_MAX} runs at a time`;
  return (
    <span role="link" aria-disabled="true" title={why} className={cn(buttonClasses('primary', 'sm'), 'cursor-not-allowed opacity-50')}>
      {label}
    </span>
  );
}

/** Row count, group-by, column chooser, CSV export and the compare link for the selection. */
export function RunsExplorerToolbar({
  slug,
  state,
  view,
  totalRuns,
  selected,
  onChange,
}: {
  slug: string;
  state: ExplorerState;
  view: ExplorerView;
  totalRuns: number;
  selected: readonly string[];
  onChange: (change: ExplorerChange) => void;
}) {
  const groupOptions = [
    ...BUILTIN_COLUMNS.filter((column) => column.groupable).map((column) => ({ id: column.id, label: column.label })),
    ...view.keys.configKeys.map((key) => ({ id: configColumn(key).id, label: `params.txt: ${key}` })),
  ];
  // A grouping from a shared link whose key no run has any more stays selectable.
  if (view.groupColumn && !groupOptions.some((option) => option.id === view.groupColumn!.id)) {
    groupOptions.push({ id: view.groupColumn.id, label: view.groupColumn.label });
  }
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2">
      <span className="text-xs text-zinc-500" aria-live="polite" data-testid="runs-shown">
        {view.rows.length === totalRuns ? `${totalRuns} runs` : `${view.rows.length} of ${totalRuns} runs`}
      </span>
      <label className="ml-auto flex items-center gap-1.5 text-xs text-zinc-600">
        Group by
        <select
          value={view.groupColumn?.id ?? ''}
          onChange={(event) => onChange({ group: event.target.value || null })}
          className="max-w-52 rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
        >
          <option value="">Nothing</option>
          {groupOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <RunColumnsChooser keys={view.keys} chosen={view.columns.map((column) => column.id)} onChange={(columns) => onChange({ columns })} />
      <Button size="sm" onClick={() => downloadCsv(slug, view)} disabled={view.rows.length === 0}>
        Export CSV
      </Button>
      {selected.length > 0 && (
        <Button size="sm" variant="ghost" onClick={() => onChange({ selected: [] })}>
          Clear selection
        </Button>
      )}
      <CompareLink slug={slug} selected={selected} />
      {state.group && !view.groupColumn && <span className="w-full text-xs text-amber-800">Cannot group by “{state.group}”; showing runs ungrouped.</span>}
    </div>
  );
}
