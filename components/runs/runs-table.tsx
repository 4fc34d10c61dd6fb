import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { pageUrls } from '@/lib/queries/urls';
import type { RunSummary } from '@/lib/schemas/run';
import { formatSamples, formatTop1, progressOf } from '@/lib/charts/run-format';
import { RunStatusBadge } from './run-status-badge';

export function RunsTable({ slug, runs }: { slug: string; runs: readonly RunSummary[] }) {
  return (
    <Table label="Runs">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Status</Th>
          <Th>Model</Th>
          <Th numeric>GPUs</Th>
          <Th numeric>Samples seen</Th>
          <Th numeric>Zero-shot top-1</Th>
          <Th numeric>Last update</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const progress = progressOf(run);
          return (
            <tr key={run.id} className="hover:bg-zinc-50" data-run-key={run.key}>
              <Td>
                <Link href={pageUrls.run(slug, run.key)} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline">
                  {run.name}
                </Link>
                {run.name !== run.key && <div className="font-mono text-xs text-zinc-400">{run.key}</div>}
              </Td>
              <Td>
                <RunStatusBadge run={run} />
              </Td>
              <Td className="font-mono text-xs">{run.model ?? <span className="text-zinc-400">—</span>}</Td>
              <Td numeric>{run.gpus ?? '—'}</Td>
              <Td numeric>
                <div>{formatSamples(run)}</div>
                {progress !== null && (
                  <div className="ml-auto mt-1 h-1 w-24 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
                    <div className="h-full rounded-full bg-accent-500" style={{ width: `${progress * 100}%` }} />
                  </div>
                )}
              </Td>
              <Td numeric className="font-medium text-zinc-900">
                {formatTop1(run.latestTop1)}
              </Td>
              <Td numeric className="text-zinc-500">
                <RelativeTime iso={run.lastHeartbeatAt ?? run.updatedAt} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
