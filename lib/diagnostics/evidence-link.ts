/**
 * Where a finding's evidence link goes: the run page with every chart zoomed on the evidence's steps
 * (`?from=…&to=…` on the default step axis, the URL state the run page's charts already read). A
 * single-step range is widened so the chart has something on both sides of it.
 */
import { encodeChartControls } from '@/lib/charts/compare-view-state';
import { DEFAULT_CHART_CONTROLS } from '@/lib/charts/prepare-training-curves';
import { pageUrls } from '@/lib/queries/urls';
import type { DiagnosticEvidence } from './types';

/** Steps either side of a single-step range, at least. */
const MIN_HALF_WIDTH = 10;

export function evidenceZoom(evidence: Pick<DiagnosticEvidence, 'fromStep' | 'toStep'>): { from: number; to: number } | null {
  const { fromStep, toStep } = evidence;
  if (fromStep === undefined || toStep === undefined || !Number.isFinite(fromStep) || !Number.isFinite(toStep)) return null;
  if (toStep > fromStep) return { from: fromStep, to: toStep };
  const half = Math.max(MIN_HALF_WIDTH, Math.round(fromStep * 0.02));
  return { from: Math.max(0, fromStep - half), to: fromStep + half };
}

/** The run page path zoomed on the evidence, or null when the evidence has no step range. */
export function evidenceHref(slug: string, runKey: string, evidence: Pick<DiagnosticEvidence, 'fromStep' | 'toStep'>): string | null {
  const zoom = evidenceZoom(evidence);
  if (!zoom) return null;
  return `${pageUrls.run(slug, runKey)}?${encodeChartControls({ ...DEFAULT_CHART_CONTROLS, zoom }).toString()}`;
}
