'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { parsePaperChartView, serializePaperChartView, type PaperChartViewState } from '@/lib/charts/paper-chart-view-state';

/**
 * The view state of the paper charts, read from and written to the URL. The native history API
 * updates useSearchParams at once without a server round trip (router.replace would re-render the
 * page on the server and leave a clicked checkbox unchanged until it returns).
 */
export function usePaperChartView(): { view: PaperChartViewState; update: (patch: Partial<PaperChartViewState>) => void } {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parsePaperChartView(searchParams);
  const update = (patch: Partial<PaperChartViewState>) => {
    window.history.replaceState(null, '', `${pathname}?${serializePaperChartView({ ...view, ...patch }).toString()}`);
  };
  return { view, update };
}
