'use client';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useNow } from '@/components/ui/use-now';
import { formatDuration, formatTimestamp } from '@/lib/charts/format';
import type { RunSummary } from '@/lib/schemas/run';

const TONES: Record<RunSummary['displayStatus'], BadgeTone> = {
  running: 'green',
  stale: 'amber',
  finished: 'blue',
  failed: 'red',
  crashed: 'red',
};

/** running pulses green; stale (running, but silent) says for how long; finished, failed, crashed are static. */
export function RunStatusBadge({ run }: { run: Pick<RunSummary, 'displayStatus' | 'lastHeartbeatAt' | 'createdAt'> }) {
  const now = useNow();
  const status = run.displayStatus;
  const lastSign = run.lastHeartbeatAt ?? run.createdAt;
  const silentFor = now === null ? null : formatDuration(now - Date.parse(lastSign));
  const label = status === 'stale' && silentFor ? `stale — no data for ${silentFor}` : status;
  return (
    <span data-testid="run-status" data-status={status}>
      <Badge tone={TONES[status]} title={status === 'stale' ? `Last data received ${formatTimestamp(lastSign)}` : undefined}>
        {status === 'running' && (
          <span aria-hidden="true" className="relative flex size-2">
            <span className="absolute inline-flex size-full rounded-full bg-emerald-400 opacity-75 motion-safe:animate-ping" />
            <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
          </span>
        )}
        {status === 'stale' && <span aria-hidden="true" className="size-2 rounded-full bg-amber-500" />}
        {label}
      </Badge>
    </span>
  );
}
