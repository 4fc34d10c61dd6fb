'use client';

import { ChartControls } from '@/components/charts/chart-controls';
import { useUrlQuery } from '@/components/charts/chart-controls-url';
import { changeControls, decodeChartControls, encodeChartControls } from '@/lib/charts/compare-view-state';
import type { ChartControls as ChartControlsState } from '@/lib/charts/prepare-training-curves';
import { planTrainingCharts, type ChartSection } from '@/lib/charts/training-chart-plan';
import { useRunOrigins } from '@/lib/queries/compare';
import type { RunDetail } from '@/lib/schemas/run';
import { TrainingCurveChart } from './training-curve-chart';

const SECTIONS: { id: ChartSection; title: string }[] = [
  { id: 'train', title: 'Training' },
  { id: 'eval', title: 'Evaluation' },
  { id: 'other', title: 'Other metrics' },
];

/**
 * The run's training curves, grouped by section, under the controls every metric chart shares
 * (x-axis, log scales, smoothing, outliers, zoom). The controls live in the URL (`?x=samples&ylog=1`),
 * so a copied link opens the same view; the charts poll while the run is live.
 */
export function TrainingCurves({ run, live }: { run: RunDetail; live: boolean }) {
  const [query, writeQuery] = useUrlQuery();
  const controls = decodeChartControls(query);
  const charts = planTrainingCharts(run.metricKeys.map((entry) => entry.key));
  const [origin] = useRunOrigins(run.projectSlug, [{ key: run.key, metricKeys: run.metricKeys.map((entry) => entry.key) }], controls.xAxis === 'relative');
  const context = { wallTimeOrigin: origin?.data ?? null, gflopsPerSample: run.trainingGflopsPerSample ?? null };
  const change = (change: Partial<ChartControlsState>) =>
    writeQuery((current) => encodeChartControls(changeControls(decodeChartControls(current), change), current));

  return (
    <section aria-labelledby="training-curves-heading" className="space-y-4">
      <h2 id="training-curves-heading" className="text-base font-semibold">
        Training curves
      </h2>
      <ChartControls value={controls} onChange={change} />
      {SECTIONS.map((section) => {
        const sectionCharts = charts.filter((chart) => chart.section === section.id);
        if (sectionCharts.length === 0) return null;
        return (
          <div key={section.id} className="space-y-2">
            <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">{section.title}</h3>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {sectionCharts.map((spec) => (
                <TrainingCurveChart
                  key={spec.id}
                  slug={run.projectSlug}
                  runKey={run.key}
                  spec={spec}
                  controls={controls}
                  context={context}
                  onZoom={(zoom) => change({ zoom })}
                  live={live}
                />
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}

