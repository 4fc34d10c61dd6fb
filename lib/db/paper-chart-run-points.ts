import 'server-only';
/**
 * A project's runs as chart points: the latest value of a canonical metric from their stored points,
 * compute from params.txt × samples seen (lib/compute/run-stages.ts), GPU-hours from the span of their
 * logged wall times × GPUs, and cost at the project's price.
 *
 * Decisions: a run's value is the scorecard's (lib/db/run-metrics.ts), so the charts and the
 * scorecard never disagree; a non-finite latest value is reported, not skipped for an older finite
 * one. Wall time needs two timestamped points; one point would claim zero hours.
 */
import { accountRun } from '@/lib/compute/run-stages';
import { resolveModelGeometry } from '@/lib/compute/model-geometry';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { ModelProfile } from '@/lib/reference/model-profile';
import type { PaperChartRunPoint } from '@/lib/schemas/paper-charts';
import type { Db } from './client';
import { readRunMetricValues } from './run-metrics';
import { displayStatusOf } from './runs';

export async function listRunChartPoints(
  db: Db,
  project: { id: string; staleAfterSeconds: number; gpuHourPriceUsd: number },
  metric: CanonicalMetricName,
  profiles: readonly ModelProfile[],
): Promise<PaperChartRunPoint[]> {
  const runs = await db.run.findMany({
    where: { projectId: project.id },
    orderBy: { createdAt: 'asc' },
    include: { reportedResult: { select: { resultKey: true } } },
  });
  const runIds = runs.map((run) => run.id);
  const [values, spans] = await Promise.all([
    readRunMetricValues(db, runIds, [metric]),
    db.metricPoint.groupBy({
      by: ['runId'],
      where: { runId: { in: runIds }, wallTime: { not: null } },
      _min: { wallTime: true },
      _max: { wallTime: true },
      _count: { wallTime: true },
    }),
  ]);
  const spanOf = new Map(spans.map((span) => [span.runId, span]));

  return runs.map((run): PaperChartRunPoint => {
    const config = readConfig(run.config);
    const params = config.model === undefined && run.model ? { ...config, model: run.model } : config;
    const span = spanOf.get(run.id);
    const wallSeconds = span && span._count.wallTime >= 2 && span._min.wallTime !== null && span._max.wallTime !== null ? (span._max.wallTime - span._min.wallTime) / 1000 : null;
    const compute = accountSafely(params, run.samplesSeen, wallSeconds, run.gpus, project.gpuHourPriceUsd, profiles);
    const point = values.get(run.id)?.[metric];
    const stage = compute.compute?.perStage[0];
    const model = params.model ?? null;
    const geometry = model ? resolveModelGeometry(model, profiles) : null;
    return {
      runKey: run.key,
      runName: run.name,
      status: displayStatusOf(run, project.staleAfterSeconds),
      model,
      value: point?.percent ?? null,
      valueKey: point?.key ?? null,
      valueNote: point === undefined ? `no ${metric} points yet` : point.percent === null ? `latest value (step ${point.step}) is not finite` : null,
      samplesSeen: run.samplesSeen,
      trainingGflops: compute.compute?.totalGflops ?? null,
      computeNote: compute.compute ? null : compute.unavailable,
      gpus: compute.gpus,
      wallSeconds,
      gpuHours: compute.gpuHours,
      gpuHoursNote: compute.gpuHours !== null ? null : wallSeconds === null ? 'fewer than two timestamped points' : 'GPU count unknown (no gpus or world_size)',
      costUsd: compute.costUsd,
      imageTokens: stage?.tokens.keptPatchTokens ?? null,
      imageResolution: stage?.stage.imageResolution ?? geometry?.profile.imageSize ?? null,
      textTokens: stage?.tokens.textTokens ?? null,
      linkedResultKey: run.reportedResult?.resultKey ?? null,
    };
  });
}

function accountSafely(
  params: Record<string, string>,
  samplesSeen: number | null,
  wallSeconds: number | null,
  gpus: number | null,
  pricePerGpuHour: number,
  profiles: readonly ModelProfile[],
) {
  const worldSize = Number(params.world_size);
  const knownGpus = gpus ?? (Number.isInteger(worldSize) && worldSize > 0 ? worldSize : null);
  try {
    const result = accountRun({ params, samplesSeen: samplesSeen ?? 0, wallSeconds, gpus: knownGpus, pricePerGpuHour }, profiles);
    if (samplesSeen === null) return { ...result, compute: null, unavailable: 'no samples seen logged yet', gpus: knownGpus };
    if (Object.keys(params).length === 0) return { ...result, compute: null, unavailable: 'no params.txt uploaded', gpus: knownGpus };
    return { ...result, gpus: knownGpus };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { compute: null, unavailable: reason, gpuHours: null, costUsd: null, gpus: knownGpus };
  }
}

function readConfig(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}
