'use client';

import Link from 'next/link';
import { ChartControls } from '@/components/charts/chart-controls';
import { useUrlQuery } from '@/components/charts/chart-controls-url';
import { buttonClasses } from '@/components/ui/button';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorNotice } from '@/components/ui/error-notice';
import { PageSkeleton } from '@/components/ui/skeleton';
import { compareRunColor, type CompareRun } from '@/lib/charts/compare-curves';
import { changeControls, decodeCompareState, encodeCompareState, runCountProblem, type CompareViewState } from '@/lib/charts/compare-view-state';
import type { ChartControls as ChartControlsState } from '@/lib/charts/prepare-training-curves';
import { isNotFoundError } from '@/lib/queries/api-request-error';
import { usePrefetchOverviews, useRunDetails, useRunOrigins } from '@/lib/queries/compare';
import { useProject } from '@/lib/queries/projects';
import { pageUrls } from '@/lib/queries/urls';
import { CompareMetricChart } from './compare-metric-chart';
import { ConfigDiffTable } from './config-diff-table';
import { MetricPicker } from './metric-picker';
import { RunChips } from './run-chips';

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The compare view: 2–20 runs from `?runs=a,b`, each with one colour (its position in the list) on
 * every chart; their config diff; the chosen metrics overlaid; one controls bar for all charts.
 * Everything the user changes is written to the URL.
 */
export function CompareView({ slug }: { slug: string }) {
  const [query, writeQuery] = useUrlQuery();
  const state = decodeCompareState(query);
  const change = (update: (state: CompareViewState) => Partial<CompareViewState>) =>
    writeQuery((current) => {
      const before = decodeCompareState(current);
      return encodeCompareState({ ...before, ...update(before) }, current);
    });
  const changeChartControls = (controls: Partial<ChartControlsState>) => change((before) => ({ controls: changeControls(before.controls, controls) }));

  const project = useProject(slug);
  const problem = runCountProblem(state.runs.length);
  const details = useRunDetails(slug, problem ? [] : state.runs);
  usePrefetchOverviews(slug, problem ? [] : state.runs, state.metrics);
  const loaded = details.flatMap((detail, index) => (detail.data ? [{ detail: detail.data, index }] : []));
  const runs: CompareRun[] = loaded.map(({ detail, index }) => ({
    key: detail.key,
    label: detail.name,
    color: compareRunColor(index),
    context: { wallTimeOrigin: null, gflopsPerSample: detail.trainingGflopsPerSample ?? null },
  }));
  const origins = useRunOrigins(
    slug,
    loaded.map(({ detail }) => ({ key: detail.key, metricKeys: detail.metricKeys.map((entry) => entry.key) })),
    state.controls.xAxis === 'relative',
  );
  const runsWithOrigins = runs.map((run, index) => ({ ...run, context: { ...run.context, wallTimeOrigin: origins[index]?.data ?? null } }));
  const unknown = state.runs.filter((_, index) => isNotFoundError(details[index]?.error));
  const failed = details.filter((detail) => detail.error && !isNotFoundError(detail.error));
  const available = [...new Set(loaded.flatMap(({ detail }) => detail.metricKeys.map((entry) => entry.key)))].sort(naturalOrder);

  const crumbs = (
    <Breadcrumbs items={[{ label: 'Projects', href: pageUrls.projects() }, { label: project.data?.name ?? slug, href: pageUrls.project(slug) }, { label: 'Compare' }]} />
  );
  if (problem) {
    return (
      <div className="space-y-4">
        {crumbs}
        <div role="alert" className="rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-700">
          <p>{problem}</p>
          <Link href={pageUrls.project(slug)} className={`${buttonClasses('secondary', 'sm')} mt-3`}>
            Choose runs
          </Link>
        </div>
      </div>
    );
  }
  if (details.some((detail) => detail.isPending)) return <PageSkeleton label="Loading runs" />;
  return (
    <div className="space-y-5">
      {crumbs}
      <header className="space-y-2">
        <h1 className="text-lg font-semibold text-zinc-900">Compare {runs.length} runs</h1>
        <RunChips slug={slug} runs={runs} />
        {unknown.length > 0 && (
          <p role="alert" className="text-sm text-amber-700">
            Not found in this project: {unknown.join(', ')}
          </p>
        )}
        {failed.map((detail, index) => (
          <ErrorNotice key={index} error={detail.error} title="Could not load a run" onRetry={() => void detail.refetch()} />
        ))}
      </header>
      {runs.length < 2 ? (
        <p role="alert" className="rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-700">
          Fewer than two of the linked runs exist, so there is nothing to compare.
        </p>
      ) : (
        <>
          <ConfigDiffTable
            runs={runs}
            configs={loaded.map(({ detail }) => detail.config)}
            differencesOnly={state.diffOnly}
            onDifferencesOnlyChange={(diffOnly) => change(() => ({ diffOnly }))}
          />
          <section aria-labelledby="compare-charts-heading" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="compare-charts-heading" className="text-base font-semibold">
                Metrics
              </h2>
              <MetricPicker available={available} selected={state.metrics} onChange={(metrics) => change(() => ({ metrics }))} />
            </div>
            <ChartControls value={state.controls} onChange={changeChartControls} />
            {state.metrics.length === 0 ? (
              <p className="text-sm text-zinc-600">Choose a metric to chart.</p>
            ) : (
              <div className="grid gap-3 lg:grid-cols-2">
                {state.metrics.map((metricKey) => (
                  <CompareMetricChart
                    key={metricKey}
                    slug={slug}
                    metricKey={metricKey}
                    runs={runsWithOrigins}
                    controls={state.controls}
                    onZoom={(zoom) => changeChartControls({ zoom })}
                  />
                ))}
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
