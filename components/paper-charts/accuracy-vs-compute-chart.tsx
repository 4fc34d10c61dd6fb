'use client';

import { useMemo } from 'react';
import type { PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import { preparePaperComputeChart, type ComputeAxis } from '@/lib/charts/paper-compute-chart';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { PaperScatterFigure } from './paper-scatter-figure';
import { SegmentedChoice } from './segmented-choice';

const COMPUTE_AXES = [
  { value: 'gflops', label: 'Training GFLOPs' },
  { value: 'gpu-hours', label: 'GPU-hours' },
] as const satisfies readonly { value: ComputeAxis; label: string }[];

/** Chart 1: accuracy against total compute, runs and the paper's points, linked pairs joined. */
export function AccuracyVsComputeChart({ data, view, onChange }: { data: PaperChartData; view: PaperChartViewState; onChange: (patch: Partial<PaperChartViewState>) => void }) {
  const chart = useMemo(
    () => preparePaperComputeChart(data, { x: 'compute', computeAxis: view.computeAxis, xScale: view.xScale, selectedRunKeys: view.runs }),
    [data, view.computeAxis, view.xScale, view.runs],
  );
  return (
    <PaperScatterFigure
      id="accuracy-vs-compute"
      title={`${data.metric.label} vs total training compute`}
      chart={chart}
      controls={<SegmentedChoice label="Compute" value={view.computeAxis} options={COMPUTE_AXES} onChange={(computeAxis) => onChange({ computeAxis })} />}
    />
  );
}
