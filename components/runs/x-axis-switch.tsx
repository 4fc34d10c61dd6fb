'use client';

import { cn } from '@/components/ui/cn';
import { X_AXES, X_AXIS_LABELS, type XAxis } from '@/lib/charts/x-axis';

/** A segmented control of the four x-axes; the parent keeps the choice in the URL. */
export function XAxisSwitch({ value, onChange }: { value: XAxis; onChange: (axis: XAxis) => void }) {
  return (
    <div role="group" aria-label="X axis" className="inline-flex rounded-md bg-zinc-100 p-0.5">
      {X_AXES.map((axis) => (
        <button
          key={axis}
          type="button"
          aria-pressed={axis === value}
          data-x-axis={axis}
          onClick={() => onChange(axis)}
          className={cn(
            'rounded px-2.5 py-1 text-xs font-medium transition-colors',
            axis === value ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-600 hover:text-zinc-900',
          )}
        >
          {X_AXIS_LABELS[axis]}
        </button>
      ))}
    </div>
  );
}
