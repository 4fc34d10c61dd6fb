'use client';

import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DataState } from '@/components/ui/data-state';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { PageSkeleton } from '@/components/ui/skeleton';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { useProject } from '@/lib/queries/projects';
import { isLiveStatus, LIVE_REFETCH_MS, useRun } from '@/lib/queries/runs';
import { pageUrls } from '@/lib/queries/urls';
import { RunConfigPanel } from './run-config-panel';
import { RunDiagnosticsPanel } from './run-diagnostics-panel';
import { RunHeader } from './run-header';
import { RunLinkPicker } from './run-link-picker';
import { TrainingCurves } from './training-curves';

/** A run's page: header with its key numbers, its diagnostics, its params.txt, and its training curves, live while it runs. */
export function RunView({ slug, runKey }: { slug: string; runKey: string }) {
  const run = useRun(slug, runKey);
  const project = useProject(slug);
  if (isNotFoundError(run.error)) notFound();
  return (
    <DataState query={run} loading={<PageSkeleton label="Loading run" />} errorTitle="Could not load the run">
      {(current) => {
        const live = isLiveStatus(current.displayStatus);
        return (
          <div className="space-y-6">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <Breadcrumbs
                items={[
                  { label: 'Projects', href: pageUrls.projects() },
                  { label: project.data?.name ?? slug, href: pageUrls.project(slug) },
                  { label: current.name },
                ]}
              />
              {live && <LiveIndicator intervalSeconds={LIVE_REFETCH_MS / 1000} />}
            </div>
            <RunHeader run={current} />
            <RunLinkPicker slug={slug} runKey={current.key} />
            <RunDiagnosticsPanel slug={slug} runKey={current.key} live={live} />
            <RunConfigPanel config={current.config} />
            <TrainingCurves run={current} live={live} />
          </div>
        );
      }}
    </DataState>
  );
}
