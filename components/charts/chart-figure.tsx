import type { ReactNode } from 'react';

/**
 * The frame every chart sits in: a <figure> named by its metric (aria-label and figcaption), with
 * `data-testid="chart-<id>"`, notes under the caption (non-finite counts, dropped points) and the
 * chart or a sentence saying why there is none.
 */
export function ChartFigure({
  id,
  title,
  metricKeys = [],
  notes = [],
  legend,
  children,
}: {
  id: string;
  title: string;
  /** Every metric key drawn, space-separated in `data-metrics` (select with `[data-metrics~="key"]`). */
  metricKeys?: readonly string[];
  notes?: readonly { text: string; tone?: 'muted' | 'warning' }[];
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure
      data-testid={`chart-${id}`}
      data-metrics={metricKeys.join(' ')}
      aria-label={title}
      className="flex min-w-0 flex-col rounded-lg border border-zinc-200 bg-white p-3 shadow-xs"
    >
      <figcaption className="mb-2 space-y-1">
        <span className="block text-sm font-semibold text-zinc-900">{title}</span>
        {notes.map((note) => (
          <span
            key={note.text}
            data-testid="chart-note"
            className={`block text-xs ${note.tone === 'warning' ? 'text-amber-700' : 'text-zinc-500'}`}
          >
            {note.text}
          </span>
        ))}
      </figcaption>
      {legend}
      <div className="mt-auto">{children}</div>
    </figure>
  );
}

/** What a chart shows instead of an empty box: the reason it cannot draw. */
export function ChartMessage({ children }: { children: ReactNode }) {
  return (
    <div
      data-testid="chart-empty"
      className="grid h-52 place-items-center rounded-md border border-dashed border-zinc-200 bg-zinc-50 px-4 text-center text-sm text-zinc-500"
    >
      {children}
    </div>
  );
}
