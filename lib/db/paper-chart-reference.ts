import 'server-only';
/**
 * The shipped reference files the paper charts need on every request, parsed once per process: they
 * are part of the build, so they cannot change while the server runs.
 */
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { loadModelProfiles, loadScalingLaws } from '@/lib/reference/load-reference';
import type { ModelProfile } from '@/lib/reference/model-profile';
import type { PaperChartScalingLaw } from '@/lib/schemas/paper-charts';

let profiles: ModelProfile[] | null = null;
let laws: PaperChartScalingLaw[] | null = null;

/** scaling_laws.csv `task` values that fit a canonical metric (the retrieval laws are R@5, which is not one). */
const LAW_TASKS: Partial<Record<CanonicalMetricName, string>> = {
  zeroshot_in1k_top1: 'ImageNet-1k zero-shot classification',
};

export function getModelProfiles(): readonly ModelProfile[] {
  profiles ??= loadModelProfiles();
  return profiles;
}

/** The published laws whose error is 1 − this metric; empty for metrics no law covers. */
export function listScalingLawsFor(metric: CanonicalMetricName): PaperChartScalingLaw[] {
  laws ??= loadScalingLaws().map((law) => ({
    modelFamily: law.modelFamily,
    task: law.task,
    formula: law.formula,
    a: law.a,
    alpha: law.alpha,
    computeUnit: law.computeUnit,
    source: `${law.sourceRepo}@${law.sourceCommit}:${law.sourcePath}; ${law.sourceLocation}`,
  }));
  const task = LAW_TASKS[metric];
  return task === undefined ? [] : laws.filter((law) => law.task === task);
}
