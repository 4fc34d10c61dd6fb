import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { formatSamples, formatTop1, progressOf } from '@/lib/charts/run-format';
import type { RunDetail } from '@/lib/schemas/run';
import { RunStatusBadge } from './run-status-badge';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm font-medium tabular-nums text-zinc-900">{children}</dd>
    </div>
  );
}

const dash = <span className="text-zinc-400">—</span>;

/** Name, status and the numbers a person checks first: model, scale, progress, latest accuracy. */
export function RunHeader({ run }: { run: RunDetail }) {
  const progress = progressOf(run);
  const lastUpdate = run.lastHeartbeatAt ?? run.updatedAt;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight break-all">{run.name}</h1>
        <RunStatusBadge run={run} />
        {run.unparsedLines > 0 && (
          <Badge tone="amber" title="Log lines the parser could not read; the rest of the log was ingested">
            <span data-testid="unparsed-lines">{run.unparsedLines.toLocaleString('en')}</span> unparsed log{' '}
            {run.unparsedLines === 1 ? 'line' : 'lines'}
          </Badge>
        )}
        {run.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
      </div>
      {run.name !== run.key && <p className="-mt-2 font-mono text-xs text-zinc-500">key: {run.key}</p>}
      {run.notes && <p className="max-w-3xl whitespace-pre-line text-sm text-zinc-600">{run.notes}</p>}
      <dl className="flex flex-wrap gap-x-8 gap-y-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs">
        <Stat label="Model">
          {run.model ? (
            <span className="font-mono text-xs" title={run.model}>
              {run.model}
            </span>
          ) : (
            dash
          )}
        </Stat>
        <Stat label="GPUs">{run.gpus ?? dash}</Stat>
        <Stat label="Global batch">{run.globalBatchSize !== null ? run.globalBatchSize.toLocaleString('en') : dash}</Stat>
        <Stat label="Precision">{run.precision ?? dash}</Stat>
        <Stat label="Samples seen">
          {formatSamples(run)}
          {progress !== null && <span className="ml-1 text-xs font-normal text-zinc-500">({Math.round(progress * 100)}%)</span>}
        </Stat>
        <Stat label="Epochs">{run.epochs ?? dash}</Stat>
        <Stat label="Zero-shot top-1">{formatTop1(run.latestTop1)}</Stat>
        <Stat label="Last update">
          <RelativeTime iso={lastUpdate} />
        </Stat>
      </dl>
    </div>
  );
}
