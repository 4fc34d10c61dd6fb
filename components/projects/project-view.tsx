'use client';

import { notFound } from 'next/navigation';
import { RunsEmptyState } from '@/components/runs/runs-empty-state';
import { RunsExplorer } from '@/components/runs/runs-explorer';
import { RunUploadPanel } from '@/components/upload/run-upload-panel';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { PageSkeleton, TableSkeleton } from '@/components/ui/skeleton';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { useProject } from '@/lib/queries/projects';
import { isLiveStatus, LIVE_REFETCH_MS, useRuns } from '@/lib/queries/runs';
import { pageUrls } from '@/lib/queries/urls';
import { DEMO_EXPLANATION, DemoBadge } from './demo-badge';
import { useCanEdit } from './project-role';

/** A project's page: its name and description, and its runs explorer, polled while any run is live. */
export function ProjectView({ slug }: { slug: string }) {
  const canEdit = useCanEdit();
  const project = useProject(slug);
  const runs = useRuns(slug);
  if (isNotFoundError(project.error)) notFound();
  const live = runs.data?.some((run) => isLiveStatus(run.displayStatus)) ?? false;
  return (
    <DataState query={project} loading={<PageSkeleton label="Loading project" />} errorTitle="Could not load the project">
      {(current) => (
        <div className="space-y-6">
          <div className="space-y-2">
            <Breadcrumbs items={[{ label: 'Projects', href: pageUrls.projects() }, { label: current.name }]} />
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-xl font-semibold tracking-tight">{current.name}</h1>
              {current.isDemo && <DemoBadge />}
            </div>
            {current.description && <p className="max-w-3xl text-sm text-zinc-600">{current.description}</p>}
            {current.isDemo && (
              <p className="text-xs text-amber-800" data-testid="demo-notice">
                {DEMO_EXPLANATION}.
              </p>
            )}
          </div>
          {canEdit && <RunUploadPanel slug={slug} />}
          <Card
            title={`Runs${runs.data ? ` (${runs.data.length})` : ''}`}
            actions={live ? <LiveIndicator intervalSeconds={LIVE_REFETCH_MS / 1000} /> : undefined}
          >
            <DataState
              query={runs}
              loading={<TableSkeleton rows={4} label="Loading runs" />}
              errorTitle="Could not load runs"
              isEmpty={(list) => list.length === 0}
              empty={<RunsEmptyState slug={slug} />}
            >
              {(list) => <RunsExplorer slug={slug} runs={list} />}
            </DataState>
          </Card>
        </div>
      )}
    </DataState>
  );
}
