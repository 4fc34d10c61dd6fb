/**
 * Which result groups the paper page shows, and which metric columns it needs. A group is filtered by
 * its primary row (the one charts draw); its other sources always travel with it.
 */
import { listCanonicalMetricNames, type CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import type { ResultGroup } from '@/lib/schemas/papers';
import type { ResultType } from '@/lib/reference/seed-types';

/**
 * Shown by default: the headline rows. `benchmark` is the only type of the open_clip benchmark tables,
 * so hiding it would leave that page empty.
 */
export const HEADLINE_RESULT_TYPES: readonly ResultType[] = ['main', 'baseline', 'pretrain-only', 'benchmark'];

export interface ResultFilter {
  showAllTypes: boolean;
  search: string;
}

export function filterResultGroups(groups: readonly ResultGroup[], filter: ResultFilter): ResultGroup[] {
  const needle = filter.search.trim().toLowerCase();
  return groups.filter((group) => {
    if (!filter.showAllTypes && !HEADLINE_RESULT_TYPES.includes(group.primary.resultType)) return false;
    if (needle === '') return true;
    const haystack = [group.resultKey, group.primary.model, group.primary.modelOpenclipName ?? '', group.primary.pretrainDataset ?? ''];
    return haystack.some((text) => text.toLowerCase().includes(needle));
  });
}

/** Canonical metrics that any shown primary row gives, in the canonical display order. */
export function metricColumnsOf(groups: readonly ResultGroup[]): CanonicalMetricName[] {
  return listCanonicalMetricNames().filter((name) => groups.some((group) => group.primary.metrics[name] !== undefined));
}

/** How many groups each hidden result type holds, for the "show all" hint. */
export function countHiddenTypes(groups: readonly ResultGroup[]): { type: ResultType; count: number }[] {
  const counts = new Map<ResultType, number>();
  for (const group of groups) {
    const type = group.primary.resultType;
    if (!HEADLINE_RESULT_TYPES.includes(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts.entries()].map(([type, count]) => ({ type, count }));
}
