'use client';

import { useMemo } from 'react';
import type { PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import { pickDefaultFitTarget, preparePaperFitChart, type FitComparison, type FitPointSet } from '@/lib/charts/paper-fit-chart';
import type { AxisScale } from '@/lib/charts/paper-axis';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import { PaperScatterFigure } from './paper-scatter-figure';
import { SegmentedChoice } from './segmented-choice';

const SCALES = [
  { value: 'log', label: 'Log' },
  { value: 'linear', label: 'Linear' },
] as const satisfies readonly { value: AxisScale; label: string }[];

/** Chart 3: a power-law fit of error vs compute with its band, extrapolated to a paper result's budget. */
export function ScalingFitChart({ data, view, onChange }: { data: PaperChartData; view: PaperChartViewState; onChange: (patch: Partial<PaperChartViewState>) => void }) {
  const target = view.target ?? pickDefaultFitTarget(data);
  const chart = useMemo(
    () => preparePaperFitChart(data, { pointSet: view.fitSet, selectedRunKeys: view.runs, targetResultKey: target, fitFloor: view.fitFloor, xScale: view.xScale, yScale: view.fitYScale }),
    [data, view.fitSet, view.runs, target, view.fitFloor, view.xScale, view.fitYScale],
  );
  const targets = data.paperPoints.filter((point) => point.trainingGflops !== null);
  const pointSets = [
    { value: 'runs', label: 'Lab runs' },
    { value: 'paper', label: `${data.paper?.shortName ?? 'Paper'} points` },
  ] as const satisfies readonly { value: FitPointSet; label: string }[];
  const controls = (
    <>
      <SegmentedChoice label="Fit to" value={view.fitSet} options={pointSets} onChange={(fitSet) => onChange({ fitSet })} />
      <label className="flex items-center gap-2 text-xs text-zinc-500">
        Target budget
        <select
          value={target ?? ''}
          onChange={(event) => onChange({ target: event.target.value || null })}
          className="max-w-64 rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-800"
        >
          {targets.length === 0 && <option value="">No paper result with compute</option>}
          {targets.map((point) => (
            <option key={point.resultKey} value={point.resultKey}>
              {point.label} ({point.value}%)
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-xs text-zinc-600">
        <input type="checkbox" checked={view.fitFloor} onChange={(event) => onChange({ fitFloor: event.target.checked })} />
        Fit a floor
      </label>
      <SegmentedChoice label="Error axis" value={view.fitYScale} options={SCALES} onChange={(fitYScale) => onChange({ fitYScale })} />
    </>
  );
  return (
    <PaperScatterFigure id="scaling-fit" title="Scaling-law fit: error vs total training compute" chart={chart} controls={controls}>
      {chart.fit && (
        <div className="mt-2 space-y-1 text-xs text-zinc-600" data-testid="fit-summary">
          <p>
            Fit to {chart.fit.pointSetLabel}: <span className="font-mono">{chart.fit.equation}</span>
          </p>
          {chart.comparison && <ComparisonLine comparison={chart.comparison} />}
          {chart.lawLabel && <p className="text-zinc-500">Reference: {chart.lawLabel}</p>}
        </div>
      )}
    </PaperScatterFigure>
  );
}

function ComparisonLine({ comparison }: { comparison: FitComparison }) {
  const sign = comparison.differencePp >= 0 ? '+' : '−';
  return (
    <p>
      At the budget of {comparison.target.label} ({comparison.extrapolationFactor > 1 ? `${comparison.extrapolationFactor.toPrecision(2)}× beyond the fitted range` : 'inside the fitted range'}): predicted{' '}
      <strong className="text-zinc-900">{comparison.predictedAccuracy.toFixed(1)}%</strong> (95% band {comparison.lowerAccuracy.toFixed(1)}–{comparison.upperAccuracy.toFixed(1)}%), reported{' '}
      <strong className="text-zinc-900">{comparison.reportedAccuracy.toFixed(1)}%</strong> ({sign}
      {Math.abs(comparison.differencePp).toFixed(1)} pp, {comparison.withinBand ? 'inside' : 'outside'} the band)
      {comparison.lawAccuracy !== null && <> · the published OpenCLIP law predicts {comparison.lawAccuracy.toFixed(1)}%</>}.
    </p>
  );
}
