import { formatCount, formatTimestamp } from '@/lib/charts/format';
import { formatEtaIn } from '@/lib/scorecard/format';
import type { ScorecardRow } from '@/lib/schemas/scorecard';

/** Samples seen against the target as a bar, and when the run gets there at its recent speed. */
export function RunProgress({ progress, eta, stale }: { progress: ScorecardRow['progress']; eta: ScorecardRow['eta']; stale: boolean }) {
  if (!progress) return <span className="text-xs text-zinc-400">{stale ? 'no data recently' : 'no samples logged yet'}</span>;
  const target = progress.targetFrom === 'run-plan' ? "the run's plan" : "the result's samples";
  return (
    <div className="min-w-40 space-y-1" data-testid="run-progress">
      <div
        role="progressbar"
        aria-label="Samples seen"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress.fraction * 100)}
        className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        <div className="h-full rounded-full bg-sky-500" style={{ width: `${progress.fraction * 100}%` }} />
      </div>
      <p className="text-xs text-zinc-600 tabular-nums" title={`Target: ${target}`}>
        {formatCount(progress.samplesSeen)} of {formatCount(progress.targetSamples)} samples
      </p>
      <p className="text-xs text-zinc-500">
        {eta ? (
          <span title={`At ${formatCount(eta.samplesPerSecond)} samples/s; reached ${formatTimestamp(eta.etaAt)}`} data-testid="eta">
            done {formatEtaIn(eta.remainingSeconds)}
          </span>
        ) : stale ? (
          'stalled: no recent data'
        ) : (
          'ETA unknown'
        )}
      </p>
    </div>
  );
}
