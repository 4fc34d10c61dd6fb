'use client';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { ChartControls as ChartControlsState } from '@/lib/charts/prepare-training-curves';
import { MAX_SMOOTHING } from '@/lib/charts/smoothing';
import { formatAxisValue, X_AXES, X_AXIS_LABELS, X_FORMATS, type XAxis } from '@/lib/charts/x-axis';

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => onChange(!checked)}
      className="inline-flex items-center gap-1.5 text-xs text-zinc-700"
    >
      <span aria-hidden="true" className={cn('relative h-4 w-7 rounded-full transition-colors', checked ? 'bg-indigo-600' : 'bg-zinc-300')}>
        <span className={cn('absolute top-0.5 size-3 rounded-full bg-white shadow-xs transition-all', checked ? 'left-3.5' : 'left-0.5')} />
      </span>
      {label}
    </button>
  );
}

/**
 * The controls every metric chart of a view shares: x-axis, log x / log y, smoothing (TensorBoard's
 * EMA weight, raw line faded underneath), hiding outliers from the y range, and the zoomed range with
 * its reset. The parent keeps the state in the URL; `xAxes` narrows the choice where an axis cannot apply.
 */
export function ChartControls({
  value,
  onChange,
  xAxes = X_AXES,
}: {
  value: ChartControlsState;
  onChange: (change: Partial<ChartControlsState>) => void;
  xAxes?: readonly XAxis[];
}) {
  const zoom = value.zoom;
  return (
    <div role="toolbar" aria-label="Chart controls" className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border border-zinc-200 bg-white px-3 py-2">
      <label className="flex items-center gap-2 text-xs text-zinc-500">
        X axis
        <select
          value={value.xAxis}
          onChange={(event) => onChange({ xAxis: event.target.value as XAxis })}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900"
        >
          {xAxes.map((axis) => (
            <option key={axis} value={axis}>
              {X_AXIS_LABELS[axis]}
            </option>
          ))}
        </select>
      </label>
      <Toggle label="Log x" checked={value.xLog} onChange={(xLog) => onChange({ xLog })} />
      <Toggle label="Log y" checked={value.yLog} onChange={(yLog) => onChange({ yLog })} />
      <label className="flex items-center gap-2 text-xs text-zinc-500">
        Smoothing
        <input
          type="range"
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          value={value.smoothing}
          onChange={(event) => onChange({ smoothing: Number(event.target.value) })}
          className="w-28 accent-indigo-600"
        />
        <output className="w-8 tabular-nums text-zinc-800">{value.smoothing.toFixed(2)}</output>
      </label>
      <Toggle label="Hide outliers" checked={value.hideOutliers} onChange={(hideOutliers) => onChange({ hideOutliers })} />
      <div className="ml-auto flex items-center gap-2 text-xs text-zinc-500">
        {zoom ? (
          <>
            <span data-testid="zoom-range">
              Zoomed to {formatAxisValue(X_FORMATS[value.xAxis], zoom.from, zoom.to - zoom.from)}–{formatAxisValue(X_FORMATS[value.xAxis], zoom.to, zoom.to - zoom.from)}
            </span>
            <Button size="sm" onClick={() => onChange({ zoom: null })}>
              Reset zoom
            </Button>
          </>
        ) : (
          <span>Drag across a chart to zoom</span>
        )}
      </div>
    </div>
  );
}
