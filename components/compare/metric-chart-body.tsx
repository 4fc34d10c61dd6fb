'use client';

import { ChartMessage } from '@/components/charts/chart-figure';
import { ChartLegend } from '@/components/charts/chart-legend';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { ErrorNotice } from '@/components/ui/error-notice';
import { Skeleton } from '@/components/ui/skeleton';
import type { PreparedChart } from '@/lib/charts/prepare-training-curves';

export function chartNotes(chart: PreparedChart, extra: readonly string[] = []): { text: string; tone?: 'muted' | 'warning' }[] {
  const notes: { text: string; tone?: 'muted' | 'warning' }[] = [];
  if (chart.nonFiniteCount > 0) {
    const count = chart.nonFiniteCount;
    notes.push({ text: `${count} non-finite ${count === 1 ? 'value' : 'values'} (NaN/inf), shown as shaded gaps`, tone: 'warning' });
  }
  if (chart.missingXCount > 0 && !chart.emptyReason) notes.push({ text: `${chart.missingXCount} points without ${chart.xLabel.toLowerCase()} left out` });
  for (const text of [...chart.controlNotes, ...extra]) notes.push({ text });
  return notes;
}

/** The inside of a metric chart: loading, errors, why it cannot draw, or the notes, legend and lines. */
export function MetricChartBody({
  chart,
  data,
  extraNotes = [],
  onZoom,
}: {
  chart: PreparedChart;
  data: { isPending: boolean; isFetching: boolean; errors: readonly unknown[]; refetch: () => void };
  extraNotes?: readonly string[];
  onZoom: (range: { from: number; to: number }) => void;
}) {
  if (data.isPending && chart.lines.length === 0) return <Skeleton className="h-52 w-full" />;
  const error = data.errors[0];
  return (
    <div className="space-y-1" aria-busy={data.isFetching}>
      {error !== undefined && <ErrorNotice error={error} title="Could not load every series" onRetry={data.refetch} />}
      {chartNotes(chart, extraNotes).map((note) => (
        <p key={note.text} data-testid="chart-note" className={`text-xs ${note.tone === 'warning' ? 'text-amber-700' : 'text-zinc-500'}`}>
          {note.text}
        </p>
      ))}
      {chart.emptyReason ? (
        <ChartMessage>{chart.emptyReason}</ChartMessage>
      ) : (
        <>
          <ChartLegend lines={chart.lines} />
          <TimeSeriesChart chart={chart} onZoom={onZoom} />
        </>
      )}
    </div>
  );
}
