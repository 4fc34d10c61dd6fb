'use client';

import { usePathname, useRouter } from 'next/navigation';
import { listCanonicalMetrics, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';

/** The metric the scorecard compares; kept in the URL (`?metric=`) so a view can be shared. */
export function MetricSelect({ metric }: { metric: CanonicalMetricName }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      Metric
      <select
        value={metric}
        onChange={(event) => router.replace(`${pathname}?${new URLSearchParams({ metric: event.target.value })}`, { scroll: false })}
        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-xs"
      >
        {listCanonicalMetrics().map((option) => (
          <option key={option.name} value={option.name}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
