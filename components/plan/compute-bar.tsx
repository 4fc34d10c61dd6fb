import { cn } from '@/components/ui/cn';
import { formatGpuHours } from '@/lib/plan/budget';

const percent = (fraction: number) => `${Math.min(100, Math.max(0, fraction * 100))}%`;

/**
 * Spent against planned GPU-hours on one bar: the dark fill is spent (red once over the plan), the
 * light fill is where the running runs are projected to end, the tick is the plan.
 */
export function ComputeBar({ planned, spent, projected }: { planned: number | null; spent: number; projected: number | null }) {
  const scale = Math.max(planned ?? 0, projected ?? 0, spent) || 1;
  const over = planned !== null && spent > planned;
  const label = `Spent ${formatGpuHours(spent)} of ${planned === null ? 'an unknown number of' : formatGpuHours(planned)} planned${projected !== null ? `; projected ${formatGpuHours(projected)}` : ''}`;
  return (
    <div className="min-w-44 space-y-1">
      <div role="img" aria-label={label} title={label} className="relative h-2 w-full overflow-hidden rounded-full bg-zinc-100">
        {projected !== null && <div className="absolute inset-y-0 left-0 bg-sky-200" style={{ width: percent(projected / scale) }} />}
        <div className={cn('absolute inset-y-0 left-0', over ? 'bg-red-500' : 'bg-sky-600')} style={{ width: percent(spent / scale) }} />
        {planned !== null && <div className="absolute inset-y-0 w-0.5 bg-zinc-800" style={{ left: `calc(${percent(planned / scale)} - 2px)` }} />}
      </div>
      <p className="text-xs tabular-nums text-zinc-600">
        <span data-testid="spent-gpu-hours" className={cn(over && 'font-medium text-red-700')}>
          {formatGpuHours(spent)}
        </span>{' '}
        of <span data-testid="planned-gpu-hours">{planned === null ? 'no estimate' : formatGpuHours(planned)}</span>
      </p>
    </div>
  );
}
