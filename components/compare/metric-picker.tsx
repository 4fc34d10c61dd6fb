'use client';

/** Which metrics to chart: any key present in a compared run; the order of choice is the order of charts. */
export function MetricPicker({
  available,
  selected,
  onChange,
}: {
  available: readonly string[];
  selected: readonly string[];
  onChange: (metrics: string[]) => void;
}) {
  const chosen = new Set(selected);
  const toggle = (key: string) => onChange(chosen.has(key) ? selected.filter((metric) => metric !== key) : [...selected, key]);
  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 shadow-xs ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50">
        Metrics ({selected.length}) ▾
      </summary>
      <fieldset className="absolute left-0 z-20 mt-1 max-h-80 w-72 overflow-y-auto rounded-md border border-zinc-200 bg-white p-2 shadow-md">
        <legend className="sr-only">Metrics to chart</legend>
        {available.map((key) => (
          <label key={key} className="flex items-center gap-2 rounded px-1.5 py-1 font-mono text-xs text-zinc-800 hover:bg-zinc-50">
            <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} className="accent-indigo-600" />
            {key}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
