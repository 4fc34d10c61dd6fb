import { formatTimestamp } from '@/lib/charts/format';
import { formatGpuHours } from '@/lib/plan/budget';
import type { PlanStep } from '@/lib/schemas/plan';
import { formatEtaIn } from '@/lib/scorecard/format';

/** When a running step ends at its runs' measured rate, and what it will have used by then. */
export function ProjectedFinish({ step }: { step: PlanStep }) {
  const finish = step.projectedFinish;
  if (step.status !== 'running') return <span className="text-xs text-zinc-400">—</span>;
  if (!finish) return <span className="text-xs text-zinc-500">{step.stalled ? 'stalled: no recent data' : 'not enough logged throughput yet'}</span>;
  return (
    <div className="space-y-0.5 text-xs" data-testid="projected-finish">
      <p className="font-medium text-zinc-800" title={`Reached ${formatTimestamp(finish.etaAt)} at ${Math.round(finish.samplesPerSecond).toLocaleString('en-US')} samples/s (run ${finish.runKey})`}>
        done {formatEtaIn(finish.remainingSeconds)}
      </p>
      <p className="text-zinc-500">{formatTimestamp(finish.etaAt)}</p>
      {finish.projectedGpuHours !== null && <p className="text-zinc-500">≈ {formatGpuHours(finish.projectedGpuHours)} at the end</p>}
    </div>
  );
}
