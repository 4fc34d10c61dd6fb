/**
 * A paper's primary reported results as chart points: the metric as printed, our compute accounting of
 * the schedule (training GFLOPs, lib/compute/accounting.ts) and the paper's own compute figures kept
 * apart, exactly as printed, with their basis.
 *
 * Decisions: samples seen is the total over all stages as written (`total_samples_seen`), else the
 * pre-training count, because a run's samples count every sample it trained on. Image tokens are the
 * pre-training patch tokens without the class token: from the resolution when the row gives one (the
 * token column counts the class token in the CLIPA-v1 README rows), else as stated.
 */
import { accountReportedResult } from '@/lib/compute/accounting';
import { resolveModelGeometry } from '@/lib/compute/model-geometry';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { ModelProfile } from '@/lib/reference/model-profile';
import { isResultType } from '@/lib/reference/seed-types';
import type { PaperChartPaperPoint } from '@/lib/schemas/paper-charts';
import type { ReportedResultRecord } from './papers';

/** The row as a chart point, or null when it does not give the metric. */
export function toPaperChartPoint(record: ReportedResultRecord, metric: CanonicalMetricName, profiles: readonly ModelProfile[]): PaperChartPaperPoint | null {
  const value = record.metrics[metric];
  if (value === undefined) return null;
  const accounting = accountReportedResult(record, profiles);
  const modelName = record.modelOpenclipName?.split(/\s+/)[0] || record.model;
  const geometry = resolveModelGeometry(modelName, profiles, { preferClipa: record.paperId.startsWith('clipa') });
  const resolution = record.pretrainImageRes;
  const imageTokens = resolution !== null && geometry !== null ? Math.floor(resolution / geometry.patchSize) ** 2 : record.pretrainImageTokens;
  const printed = accounting.paper.totalCompute;
  return {
    resultKey: record.resultKey,
    paperId: record.paperId,
    model: record.model,
    label: labelOf(record),
    value,
    source: record.source,
    resultType: isResultType(record.resultType) ? record.resultType : 'main',
    pretrainDataset: record.pretrainDataset,
    samplesSeen: record.totalSamplesSeen ?? record.samplesSeen,
    trainingGflops: accounting.ours?.totalGflops ?? null,
    computeNote: accounting.ours ? null : accounting.unavailable,
    imageTokens,
    imageResolution: resolution,
    textTokens: record.textTokenLen,
    paperGpuHours: record.gpuHours,
    paperGpuHoursBasis: record.gpuHoursBasis,
    paperCostUsd: record.costUsd,
    paperPrintedCompute: printed && { asPrinted: printed.asPrinted, printedUnit: printed.printedUnit, conversion: printed.conversion, trainingGflops: printed.trainingGflops },
    wallclock: record.wallclock,
    isPrimary: record.isPrimary,
  };
}

/** "H/14 · DataComp-1B · 84-224-336": the result_key's last part names the schedule or the ablation. */
function labelOf(record: ReportedResultRecord): string {
  const tail = record.resultKey.split('_').at(-1) ?? record.resultKey;
  return [record.model, record.pretrainDataset, tail].filter((part) => part).join(' · ');
}
