'use client';

import { Table, Td, Th } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import type { CompareRun } from '@/lib/charts/compare-curves';
import { diffConfigs } from '@/lib/charts/config-diff';

/** params.txt side by side: a row per key, differing rows marked; "Differences only" hides the rest. */
export function ConfigDiffTable({
  runs,
  configs,
  differencesOnly,
  onDifferencesOnlyChange,
}: {
  runs: readonly CompareRun[];
  configs: readonly (Record<string, string> | null)[];
  differencesOnly: boolean;
  onDifferencesOnlyChange: (value: boolean) => void;
}) {
  const rows = diffConfigs(configs);
  const differing = rows.filter((row) => row.differs).length;
  const shown = differencesOnly ? rows.filter((row) => row.differs) : rows;
  const withoutConfig = runs.filter((_, index) => configs[index] === null).map((run) => run.label);
  return (
    <section aria-labelledby="config-diff-heading" className="rounded-lg border border-zinc-200 bg-white shadow-xs" data-testid="config-diff">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5">
        <h2 id="config-diff-heading" className="text-sm font-semibold text-zinc-900">
          Config <span className="font-normal text-zinc-500">({differing} of {rows.length} keys differ)</span>
        </h2>
        <label className="flex items-center gap-2 text-xs text-zinc-700">
          <input type="checkbox" checked={differencesOnly} onChange={(event) => onDifferencesOnlyChange(event.target.checked)} className="accent-indigo-600" />
          Differences only
        </label>
      </div>
      {withoutConfig.length > 0 && <p className="px-4 pb-2 text-xs text-zinc-500">No params.txt uploaded for {withoutConfig.join(', ')}.</p>}
      <div className="max-h-96 overflow-y-auto border-t border-zinc-200">
        {shown.length === 0 ? (
          <p className="px-4 py-4 text-sm text-zinc-600">{rows.length === 0 ? 'No run has a params.txt yet.' : 'Every key has the same value in all runs.'}</p>
        ) : (
          <Table label="Config diff">
            <thead>
              <tr>
                <Th>Key</Th>
                {runs.map((run) => (
                  <Th key={run.key} title={run.key}>
                    <span className="inline-flex items-center gap-1.5 normal-case">
                      <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: run.color }} />
                      {run.label}
                    </span>
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} data-differs={row.differs} className={cn(row.differs && 'bg-amber-50/60')}>
                  <Td className="font-mono text-xs text-zinc-900">{row.key}</Td>
                  {row.values.map((value, index) => (
                    <Td key={runs[index]!.key} className="max-w-64 break-all font-mono text-xs">
                      {value ?? <span className="text-zinc-400">—</span>}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </section>
  );
}
