'use client';

import { assignRunColors, selectRuns } from '@/lib/charts/paper-chart-points';
import { toggleRun, type PaperChartViewState } from '@/lib/charts/paper-chart-view-state';
import type { PaperChartRunPoint } from '@/lib/schemas/paper-charts';

/** Checkboxes of the runs drawn, each with its chart colour; the selection lives in the URL. */
export function RunSelector({ runs, view, onChange }: { runs: readonly PaperChartRunPoint[]; view: PaperChartViewState; onChange: (patch: Partial<PaperChartViewState>) => void }) {
  if (runs.length === 0) return null;
  const colors = assignRunColors(runs);
  const selected = new Set(selectRuns(runs, view.runs).map((run) => run.runKey));
  const keys = runs.map((run) => run.runKey);
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium text-zinc-500">
        Runs ({selected.size} of {runs.length})
        <button type="button" className="ml-2 text-accent-700 hover:underline" onClick={() => onChange({ runs: null })}>
          all
        </button>
        <button type="button" className="ml-2 text-accent-700 hover:underline" onClick={() => onChange({ runs: [] })}>
          none
        </button>
      </legend>
      <div className="flex max-h-24 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
        {runs.map((run) => (
          <label key={run.runKey} className="flex items-center gap-1.5 text-xs text-zinc-700" title={run.runKey}>
            <input type="checkbox" checked={selected.has(run.runKey)} onChange={() => onChange({ runs: toggleRun(view, keys, run.runKey) })} />
            <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: colors.get(`run:${run.runKey}`) }} />
            {run.runName}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
