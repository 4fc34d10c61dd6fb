import 'server-only';
/**
 * Repository of the scorecard: reads what lib/scorecard/build-scorecard.ts assembles, and a run's link
 * to the reported result it reproduces with the suggestions of lib/scorecard/suggest-link.ts.
 */
import { getCanonicalMetric, isCanonicalMetricName, type CanonicalMetricName, type MetricValues } from '@/lib/metrics/canonical-metrics';
import type { Project } from '@/lib/schemas/project';
import { runStatusSchema } from '@/lib/schemas/run';
import type { LinkResult, RunLink, Scorecard } from '@/lib/schemas/scorecard';
import { buildScorecard, type ScorecardResultRecord } from '@/lib/scorecard/build-scorecard';
import { ETA_WINDOW } from '@/lib/scorecard/eta';
import { formatSchedule } from '@/lib/scorecard/format';
import { profileRun, type RunRecord } from '@/lib/scorecard/run-profile';
import { rankLinkCandidates } from '@/lib/scorecard/suggest-link';
import type { ReportedResult, Run } from '@/prisma/generated/sqlite/client';
import type { Db } from './client';
import { readDiagnosticBadges } from './run-diagnostics';
import { readRecentThroughput, readRunMetricValues } from './run-metrics';
import { displayStatusOf, UnknownReportedResultError } from './runs';

type ScorecardProject = Pick<Project, 'id' | 'paperIds' | 'staleAfterSeconds'>;

export async function getScorecard(db: Db, project: ScorecardProject, metric: CanonicalMetricName): Promise<Scorecard> {
  const runs = await db.run.findMany({ where: { projectId: project.id }, orderBy: { createdAt: 'asc' } });
  const linkedIds = [...new Set(runs.flatMap((run) => (run.reportedResultId ? [run.reportedResultId] : [])))];
  const keyRows = await db.reportedResult.findMany({
    where: { OR: [{ paperId: { in: project.paperIds }, isPrimary: true }, { id: { in: linkedIds } }] },
    select: { resultKey: true },
    distinct: ['resultKey'],
  });
  const results = await db.reportedResult.findMany({ where: { resultKey: { in: keyRows.map((row) => row.resultKey) } } });
  const linkedRuns = runs.filter((run) => run.reportedResultId !== null);
  const values = await readRunMetricValues(db, linkedRuns.map((run) => run.id), [metric]);
  const running = linkedRuns.filter((run) => displayStatusOf(run, project.staleAfterSeconds) === 'running');
  const throughput = await readRecentThroughput(db, running.map((run) => run.id), ETA_WINDOW);

  const { counts, rows: builtRows, hiddenResults } = buildScorecard({
    metric,
    targetPaperIds: project.paperIds,
    results: results.map(toResultRecord),
    runs: linkedRuns.map((run) => {
      const value = values.get(run.id)?.[metric];
      return {
        id: run.id,
        key: run.key,
        name: run.name,
        status: runStatusSchema.parse(run.status),
        displayStatus: displayStatusOf(run, project.staleAfterSeconds),
        reportedResultId: run.reportedResultId,
        samplesSeen: run.samplesSeen,
        plannedSamples: profileRun(toRunRecord(run)).plannedSamples,
        value: value ? { percent: value.percent, key: value.key, epoch: value.epoch } : null,
      };
    }),
    throughput,
  });
  // The best run's diagnostics sit next to its gap: a config mismatch is the first cause to rule out.
  const badges = await readDiagnosticBadges(db, linkedRuns, project.staleAfterSeconds);
  const idByKey = new Map(linkedRuns.map((run) => [run.key, run.id]));
  const rows = builtRows.map((row) => (row.bestRun ? { ...row, bestRun: { ...row.bestRun, diagnostics: badges.get(idByKey.get(row.bestRun.key) ?? '') ?? [] } } : row));
  const paperIds = [...new Set(rows.map((row) => row.result.paperId))];
  const papers = await db.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, shortName: true, title: true } });
  const { name, label, shortLabel } = getCanonicalMetric(metric);
  return {
    metric: { name, label, shortLabel },
    paperIds: project.paperIds,
    papers: paperIds.map((id) => papers.find((paper) => paper.id === id) ?? { id, shortName: id, title: id }),
    counts,
    rows,
    hiddenResults,
  };
}

/** The run's current link, suggestions ranked against the candidate results, and every candidate to choose from. */
export async function getRunLink(db: Db, project: Pick<Project, 'paperIds'>, run: Run): Promise<RunLink> {
  const where = project.paperIds.length > 0 ? { paperId: { in: project.paperIds }, isPrimary: true } : { isPrimary: true, resultType: { not: 'benchmark' } };
  const candidates = (await db.reportedResult.findMany({ where })).map(toResultRecord);
  const current = run.reportedResultId ? await db.reportedResult.findUnique({ where: { id: run.reportedResultId } }) : null;
  const typeOrder = ['main', 'pretrain-only', 'baseline', 'ablation', 'benchmark'];
  const choices = [...candidates].sort(
    (a, b) => a.paperId.localeCompare(b.paperId) || typeOrder.indexOf(a.resultType) - typeOrder.indexOf(b.resultType) || a.resultKey.localeCompare(b.resultKey),
  );
  return {
    current: current ? toLinkResult(toResultRecord(current)) : null,
    suggestions: rankLinkCandidates(toRunRecord(run), candidates).map(({ result, score, reasons, clear }) => ({ result: toLinkResult(result), score, reasons, clear })),
    choices: choices.map(toLinkResult),
  };
}

/** Links the run to a reported result (any row, by id), or unlinks it with null. */
export async function setRunLink(db: Db, runId: string, reportedResultId: string | null): Promise<void> {
  if (reportedResultId !== null) {
    const exists = await db.reportedResult.findUnique({ where: { id: reportedResultId }, select: { id: true } });
    if (!exists) throw new UnknownReportedResultError(reportedResultId);
  }
  await db.run.update({ where: { id: runId }, data: { reportedResultId } });
}

function toLinkResult(result: ScorecardResultRecord): LinkResult {
  return {
    id: result.id,
    key: result.resultKey,
    paperId: result.paperId,
    resultType: result.resultType,
    model: result.model,
    pretrainDataset: result.pretrainDataset,
    schedule: formatSchedule(result),
    zeroshotTop1: result.metrics.zeroshot_in1k_top1 ?? null,
  };
}

function toResultRecord(row: ReportedResult): ScorecardResultRecord & { pretrainImageTokens: number | null } {
  return {
    id: row.id,
    paperId: row.paperId,
    resultKey: row.resultKey,
    isPrimary: row.isPrimary,
    resultType: row.resultType,
    model: row.model,
    pretrainDataset: row.pretrainDataset,
    source: row.source,
    reportedBy: row.reportedBy,
    tolerancePp: row.tolerancePp,
    metrics: readMetricValues(row.metrics),
    samplesSeen: row.samplesSeen,
    pretrainImageRes: row.pretrainImageRes,
    pretrainImageTokens: row.pretrainImageTokens,
    textTokenLen: row.textTokenLen,
    finetuneSamplesSeen: row.finetuneSamplesSeen,
    totalSamplesSeen: row.totalSamplesSeen,
  };
}

function readMetricValues(value: unknown): MetricValues {
  const metrics: MetricValues = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return metrics;
  for (const [name, percent] of Object.entries(value)) {
    if (isCanonicalMetricName(name) && typeof percent === 'number' && Number.isFinite(percent)) metrics[name] = percent;
  }
  return metrics;
}

function toRunRecord(run: Run): RunRecord {
  const config = run.config && typeof run.config === 'object' && !Array.isArray(run.config) ? Object.fromEntries(Object.entries(run.config).map(([key, value]) => [key, String(value)])) : null;
  return { key: run.key, name: run.name, model: run.model, samplesPerEpoch: run.samplesPerEpoch, epochs: run.epochs, config };
}

