'use client';

import { ExportableChartFigure } from '@/components/charts/chart-export-figure';
import { seriesToCsv } from '@/lib/charts/chart-export';
import { maxPointsForWidth, prepareCompareChart, stepRangeForZoom, type CompareRun } from '@/lib/charts/compare-curves';
import type { ChartControls } from '@/lib/charts/prepare-training-curves';
import { fetchSeries, useMetricAcrossRuns } from '@/lib/queries/compare';
import { MetricChartBody } from './metric-chart-body';

/** One metric overlaid across the compared runs: a line per run in its colour, with the shared controls. */
export function CompareMetricChart({
  slug,
  metricKey,
  runs,
  controls,
  onZoom,
}: {
  slug: string;
  metricKey: string;
  runs: readonly CompareRun[];
  controls: ChartControls;
  onZoom: (range: { from: number; to: number }) => void;
}) {
  const legendEntries = runs.map((run) => ({ label: run.label, color: run.color }));
  return (
    <ExportableChartFigure
      id={metricKey}
      title={metricKey}
      metricKeys={[metricKey]}
      exportTitle={metricKey}
      legendEntries={legendEntries}
      loadCsv={async () => {
        const contexts = new Map(runs.map((run) => [run.key, run]));
        const entries = await Promise.all(
          runs.map(async (run) => {
            // The zoom's step range from a coarse overview read, so the CSV covers what is on screen.
            const overview = controls.zoom && controls.xAxis !== 'step' ? (await fetchSeries(slug, run.key, [metricKey], { maxPoints: 300, range: null }))[0] : undefined;
            const range = stepRangeForZoom(overview?.points ?? [], controls.xAxis, contexts.get(run.key)!.context, controls.zoom);
            const [series] = await fetchSeries(slug, run.key, [metricKey], { maxPoints: 10, range, full: true });
            return { label: run.label, series: series ?? { key: metricKey, points: [] } };
          }),
        );
        return seriesToCsv(entries);
      }}
    >
      {(width) => <CompareChartData slug={slug} metricKey={metricKey} runs={runs} controls={controls} onZoom={onZoom} maxPoints={maxPointsForWidth(width)} />}
    </ExportableChartFigure>
  );
}

function CompareChartData({
  slug,
  metricKey,
  runs,
  controls,
  onZoom,
  maxPoints,
}: {
  slug: string;
  metricKey: string;
  runs: readonly CompareRun[];
  controls: ChartControls;
  onZoom: (range: { from: number; to: number }) => void;
  maxPoints: number;
}) {
  const contexts = new Map(runs.map((run) => [run.key, run.context]));
  const data = useMetricAcrossRuns(
    slug,
    runs.map((run) => run.key),
    metricKey,
    maxPoints,
    (runKey, overview) => (overview ? stepRangeForZoom(overview.points, controls.xAxis, contexts.get(runKey) ?? null, controls.zoom) : null),
  );
  const seriesByRun = data.seriesByRun;
  const chart = prepareCompareChart(metricKey, runs, seriesByRun, controls);
  const missingRuns = runs.filter((run) => !seriesByRun.get(run.key)?.points.length).map((run) => run.label);
  const extraNotes = data.isPending || missingRuns.length === 0 ? [] : [`No ${metricKey} points from ${missingRuns.join(', ')}`];
  return <MetricChartBody chart={chart} data={data} extraNotes={extraNotes} onZoom={onZoom} />;
}
