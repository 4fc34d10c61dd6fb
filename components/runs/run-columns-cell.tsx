'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { RelativeTime } from '@/components/ui/relative-time';
import { formatNumber } from '@/lib/charts/format';
import { formatSamples, formatTop1, progressOf } from '@/lib/charts/run-format';
import { METRIC_PREFIX, ownValue, type RunColumn } from '@/lib/runs-explorer/columns';
import { pageUrls } from '@/lib/queries/urls';
import type { RunSummary } from '@/lib/schemas/run';
import { EditableNotes } from './editable-notes';
import { EditableTags } from './editable-tags';
import { DiagnosticBadges } from './diagnostic-badges';
import { RunStatusBadge } from './run-status-badge';

const missing = <span className="text-zinc-400">—</span>;

function SamplesCell({ run }: { run: RunSummary }) {
  const progress = progressOf(run);
  return (
    <>
      <div>{formatSamples(run)}</div>
      {progress !== null && (
        <div className="ml-auto mt-1 h-1 w-24 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
          <div className="h-full rounded-full bg-accent-500" style={{ width: `${progress * 100}%` }} />
        </div>
      )}
    </>
  );
}

function MetricCell({ run, metricKey }: { run: RunSummary; metricKey: string }) {
  const value = ownValue(run.latestMetrics, metricKey);
  if (value === undefined) return missing;
  if (value === null) return <span title="The latest logged value was NaN or infinite" className="text-red-700">non-finite</span>;
  return <span title={String(value)}>{formatNumber(value)}</span>;
}

const BUILTIN_CELLS: Record<string, (run: RunSummary, slug: string) => ReactNode> = {
  name: (run, slug) => (
    <>
      <Link href={pageUrls.run(slug, run.key)} className="whitespace-nowrap font-medium text-zinc-900 hover:text-accent-600 hover:underline">
        {run.name}
      </Link>
      {run.name !== run.key && <div className="whitespace-nowrap font-mono text-xs text-zinc-400">{run.key}</div>}
    </>
  ),
  status: (run) => <RunStatusBadge run={run} />,
  diagnostics: (run) => <DiagnosticBadges badges={run.diagnostics} />,
  samples: (run) => <SamplesCell run={run} />,
  top1: (run) => <span className="font-medium text-zinc-900">{formatTop1(run.latestTop1)}</span>,
  tags: (run, slug) => <EditableTags slug={slug} run={run} />,
  notes: (run, slug) => <EditableNotes slug={slug} run={run} />,
  created: (run) => <RelativeTime iso={run.createdAt} />,
  updated: (run) => <RelativeTime iso={run.lastHeartbeatAt ?? run.updatedAt} />,
};

/** One cell of the runs table: rich cells for built-in columns, the raw value for the rest. */
export function RunCell({ column, run, slug }: { column: RunColumn; run: RunSummary; slug: string }) {
  const builtin = column.source === 'run' ? BUILTIN_CELLS[column.id] : undefined;
  if (builtin) return builtin(run, slug);
  if (column.source === 'metric') return <MetricCell run={run} metricKey={column.id.slice(METRIC_PREFIX.length)} />;
  const value = column.value(run);
  if (value === null) return missing;
  const mono = column.source === 'config' || column.id === 'model' || column.id === 'precision';
  return <span className={mono ? 'font-mono text-xs' : undefined}>{value}</span>;
}

/** Extra classes for a column's cells (the last-update time is grey, as it always was). */
export function cellClassName(column: RunColumn): string | undefined {
  return column.id === 'updated' || column.id === 'created' ? 'text-zinc-500' : undefined;
}
