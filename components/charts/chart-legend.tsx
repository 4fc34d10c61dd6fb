import type { PreparedLine } from '@/lib/charts/prepare-training-curves';

/** Series names with their colours; a right-axis series is marked so its scale is not misread. */
export function ChartLegend({ lines }: { lines: readonly Pick<PreparedLine, 'key' | 'label' | 'color' | 'axis'>[] }) {
  if (lines.length < 2 && !lines.some((line) => line.axis === 'right')) return null;
  return (
    <ul aria-label="Series" className="mb-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600">
      {lines.map((line) => (
        <li key={line.key} className="flex items-center gap-1.5" title={line.key}>
          <span aria-hidden="true" className="h-0.5 w-3 rounded-full" style={{ backgroundColor: line.color }} />
          {line.label}
          {line.axis === 'right' && <span className="text-zinc-400">(right axis)</span>}
        </li>
      ))}
    </ul>
  );
}
