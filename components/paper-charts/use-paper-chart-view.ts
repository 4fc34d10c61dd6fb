'use client';

import { useState } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parsePaperChartView, serializePaperChartView, type PaperChartViewState } from '@/lib/charts/paper-chart-view-state';

/**
 * The view state of the paper charts, read from the URL on load and written back to it. The
 * state is held here and mirrored to the address bar with the history API: a click shows at once,
 * with no server round trip (router.replace would re-render the page on the server first).
 */
export function usePaperChartView(): { view: PaperChartViewState; update: (patch: Partial<PaperChartViewState>) => void } {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.toString());
  const view = parsePaperChartView(new URLSearchParams(query));
  const update = (patch: Partial<PaperChartViewState>) => {
    const next = serializePaperChartView({ ...view, ...patch }).toString();
    setQuery(next);
    window.history.replaceState(null, '', `${pathname}?${next}`);
  };
  return { view, update };
}
