'use client';

import { useMemo } from 'react';
import type { PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import { preparePaperComputeChart } from '@/lib/charts/paper-compute-chart';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { PaperScatterFigure } from './paper-scatter-figure';

/** Chart 2: accuracy against samples seen (data scale). */
export function AccuracyVsSamplesChart({ data, view }: { data: PaperChartData; view: PaperChartViewState }) {
  const chart = useMemo(
    () => preparePaperComputeChart(data, { x: 'samples', computeAxis: view.computeAxis, xScale: view.xScale, selectedRunKeys: view.runs }),
    [data, view.computeAxis, view.xScale, view.runs],
  );
  return <PaperScatterFigure id="accuracy-vs-samples" title={`${data.metric.label} vs samples seen`} chart={chart} />;
}
