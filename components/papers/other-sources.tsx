import { getCanonicalMetric, listCanonicalMetricNames } from '@/lib/metrics/canonical-metrics';
import type { OtherSource, ReportedResult } from '@/lib/schemas/papers';
import { differenceLabel, formatDifferenceValue, formatMetric } from './format-reported';
import { ResultTypeBadge } from './result-type-badge';
import { ToleranceInput } from './tolerance-input';

/** The other sources of one result_key: each one's source text, the values where it differs, and every accuracy it gives. */
export function OtherSources({ paperId, primary, others }: { paperId: string; primary: ReportedResult; others: readonly OtherSource[] }) {
  return (
    <div className="sticky left-4 max-w-5xl space-y-3 py-1">
      <p className="text-xs text-zinc-500">
        The row above is the primary source (drawn in charts). Other sources for <code className="font-mono">{primary.resultKey}</code>:
      </p>
      <ul className="space-y-3">
        {others.map((other) => {
          const given = listCanonicalMetricNames().filter((name) => other.metrics[name] !== undefined);
          return (
            <li key={other.id} className="rounded-md border border-zinc-200 bg-white p-3" data-source-id={other.id}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <ResultTypeBadge type={other.resultType} />
                    {other.reportedBy && <span className="text-xs text-zinc-500">{other.reportedBy}</span>}
                  </div>
                  <p className="text-sm break-words text-zinc-800">{other.source}</p>
                </div>
                <ToleranceInput paperId={paperId} result={other} label={`Tolerance for ${other.source} (percentage points)`} />
              </div>
              {other.differences.length > 0 ? (
                <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                  {other.differences.map((difference) => (
                    <li key={difference.field} className="rounded bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-amber-200 ring-inset">
                      {differenceLabel(difference.field)}: <strong>{formatDifferenceValue(difference.field, difference.value, other)}</strong>{' '}
                      <span className="text-amber-800/80">(primary {formatDifferenceValue(difference.field, difference.primaryValue, primary)})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-xs text-zinc-500">Agrees with the primary source on every value both give.</p>
              )}
              {given.length > 0 && (
                <p className="mt-2 text-xs text-zinc-600">
                  Its accuracies:{' '}
                  {given.map((name, index) => (
                    <span key={name}>
                      {index > 0 && ' · '}
                      <abbr title={getCanonicalMetric(name).label}>{getCanonicalMetric(name).shortLabel}</abbr> {formatMetric(other, name)}
                    </span>
                  ))}
                </p>
              )}
              {other.wallclock && <p className="mt-1 text-xs text-zinc-600">Wall-clock: {other.wallclock}</p>}
              {other.notes && (
                <details className="mt-2 text-xs text-zinc-600">
                  <summary className="cursor-pointer text-zinc-500">Notes</summary>
                  <p className="mt-1 whitespace-pre-line">{other.notes}</p>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
