import 'server-only';
/**
 * What the paper charts of one project draw: the chosen paper's primary results that give the metric,
 * every run of the project, the links between them and the published laws for the metric.
 * Compute is in one unit, training GFLOPs (lib/compute/units.ts); accuracy in percent.
 */
import { TRAINING_GFLOPS_UNIT } from '@/lib/compute/units';
import { getCanonicalMetric, listCanonicalMetrics, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { PaperChartData, PaperChartMetric } from '@/lib/schemas/paper-charts';
import type { Project } from '@/lib/schemas/project';
import type { Db } from './client';
import { toPaperChartPoint } from './paper-chart-paper-points';
import { getModelProfiles, listScalingLawsFor } from './paper-chart-reference';
import { listRunChartPoints } from './paper-chart-run-points';
import { listReportedResults } from './papers';

export class UnknownChartPaperError extends Error {}

function toChartMetric(name: CanonicalMetricName): PaperChartMetric {
  return { name, label: getCanonicalMetric(name).label, unit: '%' };
}

/** Throws UnknownChartPaperError when `paperId` names no paper. */
export async function getPaperChartData(
  db: Db,
  project: Pick<Project, 'id' | 'paperIds' | 'staleAfterSeconds' | 'gpuHourPriceUsd'>,
  query: { paper?: string; metric: CanonicalMetricName },
): Promise<PaperChartData> {
  const paperId = query.paper ?? project.paperIds[0] ?? null;
  const paper = paperId === null ? null : await db.paper.findUnique({ where: { id: paperId }, select: { id: true, shortName: true, title: true } });
  if (paperId !== null && paper === null) throw new UnknownChartPaperError(paperId);

  const profiles = getModelProfiles();
  const primaries = paper === null ? [] : (await listReportedResults(db, { paperId: paper.id })).filter((result) => result.isPrimary);
  const paperPoints = primaries.flatMap((record) => toPaperChartPoint(record, query.metric, profiles) ?? []);
  const runPoints = await listRunChartPoints(db, project, query.metric, profiles);
  const plotted = new Set(paperPoints.map((point) => point.resultKey));
  const reported = new Set(primaries.flatMap((record) => Object.keys(record.metrics)));

  return {
    paper,
    metric: toChartMetric(query.metric),
    availableMetrics: listCanonicalMetrics().filter((metric) => reported.has(metric.name)).map((metric) => toChartMetric(metric.name)),
    computeUnit: TRAINING_GFLOPS_UNIT,
    gpuHourPriceUsd: project.gpuHourPriceUsd,
    paperPoints,
    runPoints,
    links: runPoints.flatMap((run) => (run.linkedResultKey !== null && plotted.has(run.linkedResultKey) ? [{ runKey: run.runKey, resultKey: run.linkedResultKey }] : [])),
    scalingLaws: listScalingLawsFor(query.metric),
  };
}
