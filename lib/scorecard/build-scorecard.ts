/**
 * Assembles a project's scorecard for one metric from its reported results and runs (already read).
 *
 * Decisions:
 * - One row per result_key, represented by its primary row (the one in a target paper when several
 *   papers have a primary row for the key). A run linked to any row of the key counts for the key.
 * - Rows: the primary results of the target papers of type main, pretrain-only, baseline or benchmark
 *   (benchmark rows exist only in the open_clip benchmarks paper, which would otherwise have none),
 *   plus every result a run of the project links to (ablations appear only this way).
 * - The reported value is the primary row's; when it lacks the metric, the first other source of the
 *   same result that gives it (by result type: main, pretrain-only, baseline, ablation, re-evaluation,
 *   benchmark, abstract claim), shown with that source. This is how the 38-dataset average, which only
 *   open_clip's re-evaluations report, gets onto CLIPA-v2 rows. A result no source reports the metric
 *   for has no row; linked ones are counted in `hiddenResults`.
 * - Progress and ETA only for in-progress rows; the target is the run's own plan (samples per epoch ×
 *   epochs) when known, else the result's total (else pre-training) samples. No ETA for a stale run.
 * - Order: target papers in the project's order, then other papers; within a paper by result type, then
 *   reported value (highest first), then key.
 */
import type { CanonicalMetricName, MetricValues } from '@/lib/metrics/canonical-metrics';
import type { ScorecardRow } from '@/lib/schemas/scorecard';
import { countVerdicts, judgeResult, type RunStatus } from './verdict';
import { pickBestRun } from './best-run';
import { estimateEta, type ThroughputPoint } from './eta';
import { formatSchedule, type ScheduleFacts } from './format';

export interface ScorecardResultRecord extends ScheduleFacts {
  id: string;
  paperId: string;
  resultKey: string;
  isPrimary: boolean;
  resultType: string;
  model: string;
  pretrainDataset: string | null;
  source: string;
  reportedBy: string;
  tolerancePp: number;
  metrics: MetricValues;
}

export interface ScorecardRunRecord {
  id: string;
  key: string;
  name: string;
  status: RunStatus;
  displayStatus: RunStatus | 'stale';
  reportedResultId: string | null;
  samplesSeen: number | null;
  plannedSamples: number | null;
  /** The run's latest value of the metric. */
  value: { percent: number | null; key: string; epoch: number | null } | null;
}

export interface ScorecardInput {
  metric: CanonicalMetricName;
  targetPaperIds: readonly string[];
  /** Every row of every result_key that may appear (targets' and linked results' keys, all sources). */
  results: readonly ScorecardResultRecord[];
  runs: readonly ScorecardRunRecord[];
  /** Recent training points of running runs, for ETAs. */
  throughput: ReadonlyMap<string, readonly ThroughputPoint[]>;
}

export const SCORECARD_RESULT_TYPES: ReadonlySet<string> = new Set(['main', 'pretrain-only', 'baseline', 'benchmark']);
const TYPE_ORDER = ['main', 'pretrain-only', 'baseline', 'benchmark', 'ablation', 're-evaluation', 'abstract-claim'];

const typeRank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);

export function buildScorecard(input: ScorecardInput) {
  const targets = new Set(input.targetPaperIds);
  const keyOfId = new Map(input.results.map((result) => [result.id, result.resultKey]));
  const runsByKey = new Map<string, ScorecardRunRecord[]>();
  for (const run of input.runs) {
    const key = run.reportedResultId ? keyOfId.get(run.reportedResultId) : undefined;
    if (key !== undefined) runsByKey.set(key, [...(runsByKey.get(key) ?? []), run]);
  }
  const rowsByKey = new Map<string, ScorecardResultRecord[]>();
  for (const result of input.results) rowsByKey.set(result.resultKey, [...(rowsByKey.get(result.resultKey) ?? []), result]);

  let hiddenResults = 0;
  const rows: ScorecardRow[] = [];
  for (const [key, group] of rowsByKey) {
    const primary = group.find((row) => row.isPrimary && targets.has(row.paperId)) ?? group.find((row) => row.isPrimary);
    const runs = runsByKey.get(key) ?? [];
    if (!primary) continue;
    const isTarget = targets.has(primary.paperId) && SCORECARD_RESULT_TYPES.has(primary.resultType);
    if (!isTarget && runs.length === 0) continue;
    const reported = reportedValue(primary, group, input.metric);
    if (!reported) {
      if (runs.length > 0) hiddenResults += 1;
      continue;
    }
    rows.push(buildRow(primary, reported, runs, isTarget, input.throughput));
  }

  const paperOrder = (paperId: string) => (targets.has(paperId) ? input.targetPaperIds.indexOf(paperId) : input.targetPaperIds.length);
  rows.sort(
    (a, b) =>
      paperOrder(a.result.paperId) - paperOrder(b.result.paperId) ||
      a.result.paperId.localeCompare(b.result.paperId) ||
      typeRank(a.result.resultType) - typeRank(b.result.resultType) ||
      b.result.reported - a.result.reported ||
      a.result.key.localeCompare(b.result.key),
  );
  return { counts: countVerdicts(rows.map((row) => row.verdict)), rows, hiddenResults };
}

function reportedValue(primary: ScorecardResultRecord, group: readonly ScorecardResultRecord[], metric: CanonicalMetricName) {
  const ordered = [primary, ...group.filter((row) => row !== primary).sort((a, b) => typeRank(a.resultType) - typeRank(b.resultType) || a.source.localeCompare(b.source))];
  const row = ordered.find((candidate) => candidate.metrics[metric] !== undefined);
  return row ? { value: row.metrics[metric]!, row } : null;
}

function buildRow(
  primary: ScorecardResultRecord,
  reported: { value: number; row: ScorecardResultRecord },
  runs: readonly ScorecardRunRecord[],
  isTarget: boolean,
  throughput: ScorecardInput['throughput'],
): ScorecardRow {
  const candidates = runs.map((run) => ({ run, status: run.status, value: run.value?.percent ?? null, samplesSeen: run.samplesSeen }));
  const best = pickBestRun(candidates, reported.value, primary.tolerancePp)?.run ?? null;
  const { verdict, gap } = judgeResult({ reported: reported.value, tolerancePp: primary.tolerancePp, value: best?.value?.percent ?? null, status: best?.status ?? null });
  const resultTarget = primary.totalSamplesSeen ?? primary.samplesSeen;
  const target = best?.plannedSamples ? { samples: best.plannedSamples, from: 'run-plan' as const } : resultTarget ? { samples: resultTarget, from: 'result' as const } : null;
  const inProgress = verdict === 'in_progress' && best !== null;
  const progress =
    inProgress && target && best.samplesSeen !== null
      ? { samplesSeen: best.samplesSeen, targetSamples: target.samples, targetFrom: target.from, fraction: Math.min(1, best.samplesSeen / target.samples) }
      : null;
  const eta = inProgress && target && best.displayStatus === 'running' ? estimateEta(throughput.get(best.id) ?? [], target.samples) : null;
  return {
    result: {
      id: primary.id,
      key: primary.resultKey,
      paperId: primary.paperId,
      resultType: primary.resultType,
      model: primary.model,
      pretrainDataset: primary.pretrainDataset,
      schedule: formatSchedule(primary),
      reported: reported.value,
      source: reported.row.source,
      reportedBy: reported.row.reportedBy,
      fromPrimarySource: reported.row === primary,
      tolerancePp: primary.tolerancePp,
      samplesSeen: primary.samplesSeen,
      totalSamplesSeen: primary.totalSamplesSeen,
      isTarget,
    },
    bestRun: best && {
      key: best.key,
      name: best.name,
      status: best.status,
      displayStatus: best.displayStatus,
      value: best.value?.percent ?? null,
      valueKey: best.value?.key ?? null,
      valueEpoch: best.value?.epoch ?? null,
      samplesSeen: best.samplesSeen,
      plannedSamples: best.plannedSamples,
    },
    gap,
    verdict,
    progress,
    eta: eta && {
      samplesPerSecond: eta.samplesPerSecond,
      remainingSeconds: eta.remainingSeconds,
      etaAt: new Date(eta.etaAt).toISOString(),
      measuredAt: new Date(eta.measuredAt).toISOString(),
    },
    linkedRuns: runs.length,
    runningRuns: runs.filter((run) => run.status === 'running').length,
  };
}
