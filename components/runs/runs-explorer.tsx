'use client';

import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { deriveExplorerView } from '@/lib/runs-explorer/explorer-view';
import { clearFilters } from '@/lib/runs-explorer/url-state';
import type { RunSummary } from '@/lib/schemas/run';
import { RunFilters } from './run-filters';
import { RunsExplorerPager } from './runs-explorer-pager';
import { useExplorerState } from './runs-explorer-state';
import { RunsExplorerToolbar } from './runs-explorer-toolbar';
import { RunsTable } from './runs-table';

/**
 * A project's runs to filter, sort, group, export and pick for comparison. Every part of the view
 * lives in the URL (see lib/runs-explorer/url-state), so a view can be bookmarked or shared.
 */
export function RunsExplorer({ slug, runs }: { slug: string; runs: readonly RunSummary[] }) {
  const [state, change] = useExplorerState();
  const view = useMemo(() => deriveExplorerView(runs, state), [runs, state]);
  // Selected keys of runs that no longer exist are kept in the URL but not offered for comparison.
  const runKeys = new Set(runs.map((run) => run.key));
  const selected = state.selected.filter((key) => runKeys.has(key));
  const selectedSet = new Set(state.selected);
  const select = (keys: readonly string[], on: boolean) =>
    change((current) => ({
      selected: on ? [...new Set([...current.selected, ...keys])] : current.selected.filter((key) => !keys.includes(key)),
    }));

  return (
    <div>
      <RunFilters state={state} view={view} onChange={change} />
      <RunsExplorerToolbar slug={slug} state={state} view={view} totalRuns={runs.length} selected={selected} onChange={change} />
      {view.rows.length === 0 ? (
        <EmptyState title="No runs match the filters">
          <p className="mb-3">
            {runs.length} {runs.length === 1 ? 'run is' : 'runs are'} hidden by the search, chips or filter expression.
          </p>
          <Button onClick={() => change(clearFilters)}>Clear filters</Button>
        </EmptyState>
      ) : (
        <RunsTable
          slug={slug}
          columns={view.columns}
          items={view.pageItems}
          groupColumn={view.groupColumn}
          sort={state.sort}
          onSort={(sort) => change({ sort })}
          selected={selectedSet}
          onSelect={select}
        />
      )}
      <RunsExplorerPager page={view.page} pageCount={view.pageCount} total={view.rows.length} onPage={(page) => change({ page })} />
    </div>
  );
}
