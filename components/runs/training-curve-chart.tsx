'use client';

import { ChartMessage } from '@/components/charts/chart-figure';
import { ExportableChartFigure } from '@/components/charts/chart-export-figure';
import { MetricChartBody } from '@/components/compare/metric-chart-body';
import { seriesToCsv } from '@/lib/charts/chart-export';
import { maxPointsForWidth, mergeZoomedSeries, stepRangeForZoom } from '@/lib/charts/compare-curves';
import { prepareTrainingCurves, type ChartControls } from '@/lib/charts/prepare-training-curves';
import { assignSeriesColors } from '@/lib/charts/series-colors';
import type { TrainingChartSpec } from '@/lib/charts/training-chart-plan';
import type { XContext } from '@/lib/charts/x-axis';
import { fetchSeries, useChartSeries } from '@/lib/queries/compare';
import type { Series } from '@/lib/schemas/metrics';

/** The step range covering a zoom for every key of a chart (keys of one run share their steps). */
function rangeOf(series: readonly Series[] | undefined, controls: ChartControls, context: XContext) {
  if (!controls.zoom) return null;
  const ranges = (series ?? []).map((entry) => stepRangeForZoom(entry.points, controls.xAxis, context, controls.zoom)).filter((range) => range !== null);
  if (controls.xAxis === 'step') return stepRangeForZoom([], 'step', context, controls.zoom);
  if (ranges.length === 0) return null;
  return { from: Math.min(...ranges.map((range) => range.from)), to: Math.max(...ranges.map((range) => range.to)) };
}

interface TrainingCurveChartProps {
  slug: string;
  runKey: string;
  spec: TrainingChartSpec;
  controls: ChartControls;
  context: XContext;
  onZoom: (range: { from: number; to: number }) => void;
  live: boolean;
}

/** One chart of the run page: fetches its keys at the chart's width, applies the shared controls, draws or explains. */
export function TrainingCurveChart({ slug, runKey, spec, controls, context, onZoom, live }: TrainingCurveChartProps) {
  const colors = assignSeriesColors(spec.keys);
  return (
    <ExportableChartFigure
      id={spec.id}
      title={spec.title}
      metricKeys={spec.keys}
      exportTitle={`${runKey} ${spec.title}`}
      legendEntries={spec.keys.map((key) => ({ label: key, color: colors.get(key)! }))}
      loadCsv={async () => {
        const overview = controls.zoom && controls.xAxis !== 'step' ? await fetchSeries(slug, runKey, spec.keys, { maxPoints: 300, range: null }) : [];
        const series = await fetchSeries(slug, runKey, spec.keys, { maxPoints: 10, range: rangeOf(overview, controls, context), full: true });
        return seriesToCsv(series.map((entry) => ({ label: runKey, series: entry })));
      }}
    >
      {(width) =>
        spec.keys.length === 0 ? (
          <ChartMessage>No {spec.expectedKey} points yet</ChartMessage>
        ) : (
          <TrainingCurveData slug={slug} runKey={runKey} spec={spec} controls={controls} context={context} onZoom={onZoom} live={live} maxPoints={maxPointsForWidth(width)} />
        )
      }
    </ExportableChartFigure>
  );
}

function TrainingCurveData({ slug, runKey, spec, controls, context, onZoom, live, maxPoints }: TrainingCurveChartProps & { maxPoints: number }) {
  const overview = useChartSeries(slug, runKey, spec.keys, { maxPoints, range: null }, { live });
  const range = rangeOf(overview.data, controls, context);
  const zoomed = useChartSeries(slug, runKey, spec.keys, range ? { maxPoints, range } : null, { live });
  const series = (overview.data ?? []).map((entry) => mergeZoomedSeries(entry, zoomed.data?.find((item) => item.key === entry.key), range) ?? entry);
  const chart = prepareTrainingCurves(series, controls, { rightAxisKeys: spec.rightAxisKeys, expectedKey: spec.expectedKey, context });
  return (
    <MetricChartBody
      chart={chart}
      data={{
        isPending: overview.isPending,
        isFetching: overview.isFetching || zoomed.isFetching,
        errors: [overview.error, zoomed.error].filter((error) => error !== null),
        refetch: () => void overview.refetch(),
      }}
      onZoom={onZoom}
    />
  );
}
