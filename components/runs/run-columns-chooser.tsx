'use client';

import { useId, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { BUILTIN_COLUMNS, CONFIG_PREFIX, METRIC_PREFIX, type RunKeys } from '@/lib/runs-explorer/columns';

interface Option {
  id: string;
  label: string;
}

function OptionList({
  title,
  options,
  chosen,
  onToggle,
  mono = false,
}: {
  title: string;
  options: Option[];
  chosen: readonly string[];
  onToggle: (id: string) => void;
  mono?: boolean;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="space-y-0.5">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</legend>
      {options.map((option) => (
        <label key={option.id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-zinc-50">
          <input type="checkbox" checked={chosen.includes(option.id)} onChange={() => onToggle(option.id)} />
          <span className={mono ? 'truncate font-mono text-xs' : 'truncate'} title={option.label}>
            {option.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "Columns" button with a popover listing built-in columns, params.txt keys and metric keys. A
 * column turned on is added at the end; the browser's popover handles Escape and outside clicks.
 */
export function RunColumnsChooser({ keys, chosen, onChange }: { keys: RunKeys; chosen: readonly string[]; onChange: (columns: string[] | null) => void }) {
  const popoverId = useId();
  const anchor = `--run-columns-${popoverId.replace(/[^\w-]/g, '')}`;
  const [find, setFind] = useState('');
  const needle = find.trim().toLowerCase();
  const matches = (option: Option) => needle === '' || option.label.toLowerCase().includes(needle);
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((item) => item !== id) : [...chosen, id]);
  const builtins = BUILTIN_COLUMNS.map((column) => ({ id: column.id, label: column.label })).filter(matches);
  const config = keys.configKeys.map((key) => ({ id: `${CONFIG_PREFIX}${key}`, label: key })).filter(matches);
  const metrics = keys.metricKeys.map((key) => ({ id: `${METRIC_PREFIX}${key}`, label: key })).filter(matches);
  return (
    <>
      <button type="button" popoverTarget={popoverId} className={buttonClasses('secondary', 'sm')} style={{ anchorName: anchor }}>
        Columns ({chosen.length})
      </button>
      <div
        id={popoverId}
        popover="auto"
        aria-label="Choose columns"
        // Below the button, at most as tall as the room left under it (the area is its containing block).
        style={{ positionAnchor: anchor, positionArea: 'bottom span-left', maxHeight: 'min(32rem, calc(100% - 0.5rem))' }}
        className="m-0 mt-1 w-80 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-3 shadow-lg"
      >
        <div className="mb-2 flex items-center gap-2">
          <input
            type="search"
            aria-label="Find a column"
            placeholder="Find a key…"
            value={find}
            onChange={(event) => setFind(event.target.value)}
            className="min-w-0 flex-1 rounded-md border-0 px-2 py-1 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
          />
          <button type="button" onClick={() => onChange(null)} className={buttonClasses('ghost', 'sm')}>
            Reset
          </button>
        </div>
        <div className="space-y-3">
          <OptionList title="Run" options={builtins} chosen={chosen} onToggle={toggle} />
          <OptionList title="params.txt" options={config} chosen={chosen} onToggle={toggle} mono />
          <OptionList title="Latest metrics" options={metrics} chosen={chosen} onToggle={toggle} mono />
          {builtins.length + config.length + metrics.length === 0 && <p className="text-sm text-zinc-500">No column matches “{find}”.</p>}
        </div>
      </div>
    </>
  );
}
