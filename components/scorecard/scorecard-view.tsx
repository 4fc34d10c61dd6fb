'use client';

import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { useProject } from '@/lib/queries/projects';
import { LIVE_REFETCH_MS } from '@/lib/queries/runs';
import { useScorecard } from '@/lib/queries/scorecard';
import { pageUrls } from '@/lib/queries/urls';
import { MetricSelect } from './metric-select';
import { ScorecardTable } from './scorecard-table';
import { TargetPaperPicker } from './target-paper-picker';
import { UnlinkedRuns } from './unlinked-runs';
import { VerdictTiles } from './verdict-tiles';
import { useIsOwner } from '@/components/projects/project-role';

/** A project's scorecard: verdict counts, then one row per reported result of its target papers. */
export function ScorecardView({ slug, metric }: { slug: string; metric: CanonicalMetricName }) {
  const isOwner = useIsOwner();
  const project = useProject(slug);
  const scorecard = useScorecard(slug, metric);
  if (isNotFoundError(project.error) || isNotFoundError(scorecard.error)) notFound();
  const live = (scorecard.data?.counts.in_progress ?? 0) > 0;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Breadcrumbs
          items={[{ label: 'Projects', href: pageUrls.projects() }, { label: project.data?.name ?? slug, href: pageUrls.project(slug) }, { label: 'Scorecard' }]}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Scorecard{project.data ? ` · ${project.data.name}` : ''}</h1>
          <MetricSelect metric={metric} />
        </div>
      </div>
      <DataState
        query={scorecard}
        errorTitle="Could not load the scorecard"
        loading={
          <div role="status" aria-label="Loading scorecard" className="space-y-6">
            <Skeleton className="h-20 w-full" />
            <div className="rounded-lg border border-zinc-200 bg-white">
              <TableSkeleton rows={6} label="Loading scorecard" />
            </div>
          </div>
        }
      >
        {(data) => (
          <div className="space-y-6">
            {(data.rows.length > 0 || data.paperIds.length > 0) && <VerdictTiles counts={data.counts} />}
            <Card title={`${data.metric.label}: runs against the papers`} actions={live ? <LiveIndicator intervalSeconds={(LIVE_REFETCH_MS * 2) / 1000} /> : undefined}>
              {data.rows.length > 0 ? (
                <ScorecardTable slug={slug} scorecard={data} />
              ) : data.paperIds.length === 0 ? (
                isOwner ? (
                  <TargetPaperPicker slug={slug} />
                ) : (
                  <EmptyState title="This project has no target papers yet">One of its owners chooses the papers it reproduces.</EmptyState>
                )
              ) : (
                <EmptyState title={`No result of the target papers reports ${data.metric.shortLabel}`}>
                  Choose another metric above; zero-shot ImageNet-1k top-1 is reported for every result.
                </EmptyState>
              )}
              {data.hiddenResults > 0 && (
                <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
                  {data.hiddenResults} linked {data.hiddenResults === 1 ? 'result reports' : 'results report'} no {data.metric.shortLabel} value and {data.hiddenResults === 1 ? 'is' : 'are'} not shown.
                </p>
              )}
            </Card>
            <UnlinkedRuns slug={slug} />
          </div>
        )}
      </DataState>
    </div>
  );
}
