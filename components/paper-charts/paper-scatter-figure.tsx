'use client';

import type { ReactNode } from 'react';
import { ChartFigure, ChartMessage } from '@/components/charts/chart-figure';
import { ScatterChart, ScatterLegend } from '@/components/charts/scatter-chart';
import type { PreparedScatterChart } from '@/lib/charts/paper-scatter-model';
import { NotPlottedList } from './not-plotted-list';

/** A prepared paper chart in its figure: legend, controls, the chart or why there is none, and what was left out. */
export function PaperScatterFigure({
  id,
  title,
  chart,
  controls,
  children,
}: {
  id: string;
  title: string;
  chart: PreparedScatterChart;
  controls?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      notes={chart.notes.map((text) => ({ text }))}
      legend={
        <>
          {controls && <div className="mb-2 flex flex-wrap items-center gap-3">{controls}</div>}
          {!chart.emptyReason && <ScatterLegend series={chart.series} />}
        </>
      }
    >
      {chart.emptyReason ? <ChartMessage>{chart.emptyReason}</ChartMessage> : <ScatterChart chart={chart} />}
      {children}
      <NotPlottedList items={chart.notPlotted} />
    </ChartFigure>
  );
}
