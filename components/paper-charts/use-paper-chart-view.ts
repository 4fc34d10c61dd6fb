'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { parsePaperChartView, serializePaperChartView, type PaperChartViewState } from '@/lib/charts/paper-chart-view-state';

/** The view state of the paper charts, read from and written to the URL (router.replace, no scroll). */
export function usePaperChartView(): { view: PaperChartViewState; update: (patch: Partial<PaperChartViewState>) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parsePaperChartView(searchParams);
  const update = (patch: Partial<PaperChartViewState>) => {
    router.replace(`${pathname}?${serializePaperChartView({ ...view, ...patch }).toString()}`, { scroll: false });
  };
  return { view, update };
}
