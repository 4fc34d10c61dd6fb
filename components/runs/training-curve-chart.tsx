'use client';

import { useMemo } from 'react';
import { ChartFigure, ChartMessage } from '@/components/charts/chart-figure';
import { ChartLegend } from '@/components/charts/chart-legend';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { DataState } from '@/components/ui/data-state';
import { Skeleton } from '@/components/ui/skeleton';
import { prepareTrainingCurves, type PreparedChart } from '@/lib/charts/prepare-training-curves';
import type { TrainingChartSpec } from '@/lib/charts/training-chart-plan';
import type { XAxis } from '@/lib/charts/x-axis';
import { useRunSeries } from '@/lib/queries/runs';

function notesOf(chart: PreparedChart | null): { text: string; tone?: 'muted' | 'warning' }[] {
  if (!chart) return [];
  const notes: { text: string; tone?: 'muted' | 'warning' }[] = [];
  if (chart.nonFiniteCount > 0) {
    const count = chart.nonFiniteCount;
    notes.push({ text: `${count} non-finite ${count === 1 ? 'value' : 'values'} (NaN/inf), shown as shaded gaps`, tone: 'warning' });
  }
  if (chart.missingXCount > 0 && !chart.emptyReason) {
    notes.push({ text: `${chart.missingXCount} points without ${chart.xLabel.toLowerCase()} left out` });
  }
  return notes;
}

/** One chart of the run page: fetches its keys, prepares them for the chosen x-axis, draws or explains. */
export function TrainingCurveChart({
  slug,
  runKey,
  spec,
  xAxis,
  live,
}: {
  slug: string;
  runKey: string;
  spec: TrainingChartSpec;
  xAxis: XAxis;
  live: boolean;
}) {
  const series = useRunSeries(slug, runKey, spec.keys, { live });
  const chart = useMemo(
    () =>
      series.data
        ? prepareTrainingCurves(series.data, xAxis, { rightAxisKeys: spec.rightAxisKeys, expectedKey: spec.expectedKey })
        : null,
    [series.data, xAxis, spec.rightAxisKeys, spec.expectedKey],
  );
  return (
    <ChartFigure
      id={spec.id}
      title={spec.title}
      metricKeys={spec.keys}
      notes={notesOf(chart)} legend={chart && !chart.emptyReason ? <ChartLegend lines={chart.lines} /> : null}>
      {spec.keys.length === 0 ? (
        <ChartMessage>No {spec.expectedKey} points yet</ChartMessage>
      ) : (
        <DataState query={series} loading={<Skeleton className="h-52 w-full" />} errorTitle={`Could not load ${spec.keys.join(', ')}`}>
          {() => (chart && !chart.emptyReason ? <TimeSeriesChart chart={chart} /> : <ChartMessage>{chart?.emptyReason}</ChartMessage>)}
        </DataState>
      )}
    </ChartFigure>
  );
}
