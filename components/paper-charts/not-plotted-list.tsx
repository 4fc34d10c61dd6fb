import type { NotPlotted } from '@/lib/charts/paper-scatter-model';

/** Points a chart could not draw, each with the reason, so nothing disappears silently. */
export function NotPlottedList({ items }: { items: readonly NotPlotted[] }) {
  if (items.length === 0) return null;
  return (
    <div data-testid="not-plotted" className="mt-2 border-t border-zinc-100 pt-2 text-xs text-zinc-500">
      <p className="font-medium text-zinc-600">Not plotted ({items.length})</p>
      <ul className="mt-1 max-h-28 space-y-0.5 overflow-y-auto">
        {items.map((item) => (
          <li key={`${item.source}:${item.name}`}>
            <span className="text-zinc-700">{item.name}</span> <span className="text-zinc-400">({item.source})</span>: {item.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
