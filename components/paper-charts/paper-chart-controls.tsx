'use client';

import type { AxisScale } from '@/lib/charts/paper-axis';
import type { PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import { isCanonicalMetricName, listCanonicalMetrics } from '@/lib/metrics/canonical-metrics';
import type { PaperChartData } from '@/lib/schemas/paper-charts';
import type { PaperSummary } from '@/lib/schemas/papers';
import { RunSelector } from './run-selector';
import { SegmentedChoice } from './segmented-choice';

const SCALES = [
  { value: 'log', label: 'Log' },
  { value: 'linear', label: 'Linear' },
] as const satisfies readonly { value: AxisScale; label: string }[];

const SELECT = 'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-800';

/**
 * The page-wide choices: paper (the project's targets first, then every paper), metric (those the paper
 * reports; the current one stays listed even if it does not), x scale, and which runs are drawn.
 */
export function PaperChartControls({
  view,
  onChange,
  papers,
  targetPaperIds,
  data,
}: {
  view: PaperChartViewState;
  onChange: (patch: Partial<PaperChartViewState>) => void;
  papers: readonly PaperSummary[];
  targetPaperIds: readonly string[];
  data: PaperChartData | undefined;
}) {
  const paperId = view.paper ?? data?.paper?.id ?? '';
  const targets = targetPaperIds.flatMap((id) => papers.find((paper) => paper.id === id) ?? []);
  const others = papers.filter((paper) => !targetPaperIds.includes(paper.id));
  const reported = new Set(data?.availableMetrics.map((metric) => metric.name) ?? []);
  const metrics = listCanonicalMetrics().filter((metric) => reported.has(metric.name) || metric.name === view.metric);
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-500">
          Paper
          <select aria-label="Paper" value={paperId} onChange={(event) => onChange({ paper: event.target.value || null, target: null })} className={SELECT}>
            {paperId === '' && <option value="">Choose a paper</option>}
            {paperId !== '' && papers.length > 0 && !papers.some((paper) => paper.id === paperId) && <option value={paperId}>{paperId} (unknown paper)</option>}
            {targets.length > 0 && (
              <optgroup label="Target papers of this project">
                {targets.map((paper) => (
                  <option key={paper.id} value={paper.id}>
                    {paper.shortName}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={targets.length > 0 ? 'Other papers' : 'All papers'}>
              {others.map((paper) => (
                <option key={paper.id} value={paper.id}>
                  {paper.shortName}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-500">
          Metric
          <select
            aria-label="Metric"
            value={view.metric}
            onChange={(event) => isCanonicalMetricName(event.target.value) && onChange({ metric: event.target.value })}
            className={SELECT}
          >
            {metrics.map((metric) => (
              <option key={metric.name} value={metric.name}>
                {metric.label} (%)
                {data?.paper && !reported.has(metric.name) ? ' — not reported by this paper' : ''}
              </option>
            ))}
          </select>
        </label>
        <SegmentedChoice label="X scale" value={view.xScale} options={SCALES} onChange={(xScale) => onChange({ xScale })} />
      </div>
      {data && <RunSelector runs={data.runPoints} view={view} onChange={onChange} />}
    </div>
  );
}
