'use client';

import { useMemo } from 'react';
import type { PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import { preparePaperInverseScalingChart, type InverseScalingX } from '@/lib/charts/paper-inverse-scaling-chart';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { PaperScatterFigure } from './paper-scatter-figure';
import { SegmentedChoice } from './segmented-choice';

const X_OPTIONS = [
  { value: 'tokens', label: 'Image tokens' },
  { value: 'resolution', label: 'Resolution' },
] as const satisfies readonly { value: InverseScalingX; label: string }[];

/** Chart 4: CLIPA's inverse scaling, accuracy against image tokens or resolution, one line per model size. */
export function InverseScalingChart({ data, view, onChange }: { data: PaperChartData; view: PaperChartViewState; onChange: (patch: Partial<PaperChartViewState>) => void }) {
  const chart = useMemo(
    () => preparePaperInverseScalingChart(data, { x: view.inverseX, xScale: view.xScale, selectedRunKeys: view.runs }),
    [data, view.inverseX, view.xScale, view.runs],
  );
  return (
    <PaperScatterFigure
      id="inverse-scaling"
      title={`Inverse scaling: ${data.metric.label} vs ${view.inverseX === 'tokens' ? 'image tokens' : 'image resolution'}`}
      chart={chart}
      controls={<SegmentedChoice label="X" value={view.inverseX} options={X_OPTIONS} onChange={(inverseX) => onChange({ inverseX })} />}
    />
  );
}
