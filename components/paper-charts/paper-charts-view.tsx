'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { usePaperChartData } from '@/lib/queries/paper-charts';
import { usePapers } from '@/lib/queries/papers';
import { useProject } from '@/lib/queries/projects';
import { pageUrls } from '@/lib/queries/urls';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { AccuracyVsComputeChart } from './accuracy-vs-compute-chart';
import { AccuracyVsSamplesChart } from './accuracy-vs-samples-chart';
import { ComputeAccountingTable } from './compute-accounting-table';
import { InverseScalingChart } from './inverse-scaling-chart';
import { PaperChartControls } from './paper-chart-controls';
import { ScalingFitChart } from './scaling-fit-chart';
import { usePaperChartView } from './use-paper-chart-view';

/**
 * A project's runs against a paper's reported results: accuracy vs compute and vs samples seen, a
 * scaling-law fit, inverse scaling, and the compute accounting. Every choice lives in the URL.
 */
export function PaperChartsView({ slug }: { slug: string }) {
  const project = useProject(slug);
  const papers = usePapers();
  const { view, update } = usePaperChartView();
  const charts = usePaperChartData(slug, { paper: view.paper, metric: view.metric });
  if (isNotFoundError(project.error)) notFound();
  return (
    <DataState query={project} loading={<PageSkeleton label="Loading project" />} errorTitle="Could not load the project">
      {(current) => (
        <div className="space-y-5">
          <div className="space-y-2">
            <Breadcrumbs items={[{ label: 'Projects', href: pageUrls.projects() }, { label: current.name, href: pageUrls.project(slug) }, { label: 'Paper charts' }]} />
            <h1 className="text-xl font-semibold tracking-tight">Paper charts</h1>
            <p className="max-w-3xl text-sm text-zinc-600">
              The lab&apos;s runs (circles, one colour per run) against a paper&apos;s reported results (dark diamonds, their own series). Accuracy is in percent, compute in{' '}
              {charts.data?.computeUnit ?? 'training GFLOPs'}. Copy the address to share this exact view.
            </p>
          </div>
          <PaperChartControls view={view} onChange={update} papers={papers.data ?? []} targetPaperIds={current.paperIds} data={charts.data} />
          <DataState query={charts} loading={<ChartsSkeleton />} errorTitle="Could not load the chart data">
            {(data) => (
              <>
                {charts.isPlaceholderData && <p className="text-xs text-zinc-500" role="status">Loading the new selection…</p>}
                <ChartNotices data={data} slug={slug} metric={view.metric} />
                <div className="grid items-start gap-4 xl:grid-cols-2">
                  <AccuracyVsComputeChart data={data} view={view} onChange={update} />
                  <AccuracyVsSamplesChart data={data} view={view} />
                  <ScalingFitChart data={data} view={view} onChange={update} />
                  <InverseScalingChart data={data} view={view} onChange={update} />
                </div>
                <ComputeAccountingTable data={data} selectedRunKeys={view.runs} slug={slug} />
              </>
            )}
          </DataState>
          {papers.isError && <ErrorNotice error={papers.error} title="Could not load the list of papers" onRetry={() => void papers.refetch()} />}
        </div>
      )}
    </DataState>
  );
}

/** Empty states that still leave the rest of the page usable: no target paper, metric absent, no runs. */
function ChartNotices({ data, slug, metric }: { data: PaperChartData; slug: string; metric: string }) {
  const notices: { id: string; text: ReactNode }[] = [];
  if (data.paper === null) {
    notices.push({ id: 'no-paper', text: <>This project has no target paper. Choose a paper above, or set the project&apos;s target papers with <code className="font-mono">PATCH /api/v1/projects/{slug}</code> and <code className="font-mono">{'{"paperIds": ["clipa-v2"]}'}</code>.</> });
  } else if (data.paperPoints.length === 0) {
    const others = data.availableMetrics.map((entry) => entry.label).join(', ');
    notices.push({ id: 'no-metric', text: <>{data.paper.shortName} reports no {data.metric.label} ({metric}) in its primary results{others ? `; it reports: ${others}` : ''}. Only runs are drawn.</> });
  }
  if (data.runPoints.length === 0) {
    notices.push({ id: 'no-runs', text: <>This project has no runs yet, so only the paper&apos;s points are drawn. Send runs through the ingest API (see the <Link className="text-accent-700 underline" href={pageUrls.project(slug)}>project page</Link>).</> });
  }
  if (notices.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="chart-notices">
      {notices.map((notice) => (
        <p key={notice.id} data-notice={notice.id} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice.text}
        </p>
      ))}
    </div>
  );
}

function ChartsSkeleton() {
  return (
    <div role="status" aria-label="Loading charts" className="grid gap-4 xl:grid-cols-2">
      {[0, 1, 2, 3].map((index) => (
        <Skeleton key={index} className="h-80 w-full" />
      ))}
    </div>
  );
}
