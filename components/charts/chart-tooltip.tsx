import { formatValue, type ValueFormat } from '@/lib/charts/format';

export interface TooltipEntry {
  name?: string | number;
  value?: unknown;
  color?: string;
}

/** Tooltip body: the x value, then each series at that x in its own format. */
export function ChartTooltip({
  active,
  label,
  entries,
  xLabel,
  formatX,
  formatOf,
}: {
  active: boolean;
  label: unknown;
  entries: readonly TooltipEntry[];
  xLabel: string;
  formatX: (value: number) => string;
  formatOf: (name: string) => ValueFormat;
}) {
  if (!active || entries.length === 0) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-md">
      {typeof label === 'number' && (
        <p className="mb-1 text-zinc-500">
          {xLabel} <span className="font-medium tabular-nums text-zinc-800">{formatX(label)}</span>
        </p>
      )}
      <ul className="space-y-0.5">
        {entries.map((entry) => (
          <li key={String(entry.name)} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: entry.color }} />
            <span className="text-zinc-600">{entry.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums text-zinc-900">
              {typeof entry.value === 'number' ? formatValue(formatOf(String(entry.name)), entry.value) : 'non-finite'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
