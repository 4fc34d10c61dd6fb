'use client';

import { useState } from 'react';
import { Table, Td, Th } from '@/components/ui/table';

/** params.txt as a compact key/value table, collapsed by default, with a filter over keys and values. */
export function RunConfigPanel({ config }: { config: Record<string, string> | null }) {
  const [filter, setFilter] = useState('');
  const entries = Object.entries(config ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const needle = filter.trim().toLowerCase();
  const shown = needle ? entries.filter(([key, value]) => `${key} ${value}`.toLowerCase().includes(needle)) : entries;
  return (
    <details className="group rounded-lg border border-zinc-200 bg-white shadow-xs" data-testid="run-config">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-2.5 text-sm">
        <h2 className="font-semibold text-zinc-900">
          Config <span className="font-normal text-zinc-500">(params.txt{config ? ` · ${entries.length} keys` : ''})</span>
        </h2>
        <span aria-hidden="true" className="text-zinc-400 transition-transform group-open:rotate-90">
          ▸
        </span>
      </summary>
      <div className="border-t border-zinc-200">
        {config === null ? (
          <p className="px-4 py-4 text-sm text-zinc-600">No params.txt uploaded for this run yet.</p>
        ) : (
          <>
            <div className="px-4 py-2">
              <label htmlFor="config-filter" className="sr-only">
                Filter config
              </label>
              <input
                id="config-filter"
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                placeholder="Filter keys and values…"
                className="w-full max-w-sm rounded-md border-0 px-2.5 py-1.5 text-sm shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
              />
            </div>
            <div className="max-h-96 overflow-y-auto">
              <Table label="Config">
                <thead>
                  <tr>
                    <Th>Key</Th>
                    <Th>Value</Th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map(([key, value]) => (
                    <tr key={key}>
                      <Td className="w-1/3 py-1 font-mono text-xs text-zinc-500">{key}</Td>
                      <Td className="py-1 font-mono text-xs break-all text-zinc-900">{value}</Td>
                    </tr>
                  ))}
                  {shown.length === 0 && (
                    <tr>
                      <Td colSpan={2} className="text-zinc-500">
                        No key or value matches “{filter}”.
                      </Td>
                    </tr>
                  )}
                </tbody>
              </Table>
            </div>
          </>
        )}
      </div>
    </details>
  );
}
