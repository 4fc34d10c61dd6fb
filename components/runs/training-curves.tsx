'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { planTrainingCharts, type ChartSection } from '@/lib/charts/training-chart-plan';
import { parseXAxis, type XAxis } from '@/lib/charts/x-axis';
import type { RunDetail } from '@/lib/schemas/run';
import { TrainingCurveChart } from './training-curve-chart';
import { XAxisSwitch } from './x-axis-switch';

const SECTIONS: { id: ChartSection; title: string }[] = [
  { id: 'train', title: 'Training' },
  { id: 'eval', title: 'Evaluation' },
  { id: 'other', title: 'Other metrics' },
];

/**
 * The run's training curves, grouped by section. The x-axis lives in the URL (`?x=samples`), so a
 * copied link opens the same view; the charts poll while the run is live.
 */
export function TrainingCurves({ run, live }: { run: RunDetail; live: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const xAxis = parseXAxis(searchParams.get('x'));
  const charts = planTrainingCharts(run.metricKeys.map((entry) => entry.key));

  const selectXAxis = (axis: XAxis) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set('x', axis);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };

  return (
    <section aria-labelledby="training-curves-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="training-curves-heading" className="text-base font-semibold">
          Training curves
        </h2>
        <div className="flex items-center gap-2 text-xs text-zinc-500">
          <span aria-hidden="true">X axis</span>
          <XAxisSwitch value={xAxis} onChange={selectXAxis} />
        </div>
      </div>
      {SECTIONS.map((section) => {
        const sectionCharts = charts.filter((chart) => chart.section === section.id);
        if (sectionCharts.length === 0) return null;
        return (
          <div key={section.id} className="space-y-2">
            <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">{section.title}</h3>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {sectionCharts.map((spec) => (
                <TrainingCurveChart key={spec.id} slug={run.projectSlug} runKey={run.key} spec={spec} xAxis={xAxis} live={live} />
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}
