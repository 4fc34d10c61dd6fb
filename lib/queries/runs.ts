import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { seriesListSchema, type Series } from '@/lib/schemas/metrics';
import { runDetailSchema, runListSchema, type RunDisplayStatus } from '@/lib/schemas/run';
import { fetchJson } from './fetch-json';
import { apiUrls } from './urls';

/** How often live views poll while a run is (or may still be) writing. */
export const LIVE_REFETCH_MS = 5_000;
/** Points per key asked of the API: about one per pixel of a chart, with min/max/last buckets kept. */
export const SERIES_MAX_POINTS = 1_500;
/** The metrics endpoint accepts at most this many keys per request. */
const KEYS_PER_REQUEST = 20;

const runResponseSchema = z.object({ run: runDetailSchema });

export function isLiveStatus(status: RunDisplayStatus): boolean {
  return status === 'running' || status === 'stale';
}

/**
 * Query options for runs. Keys nest so one invalidation covers a project:
 * ['runs'] ⊃ ['runs', slug] ⊃ ['runs', slug, 'list'], ['runs', slug, 'detail', runKey]
 * ⊃ ['runs', slug, 'detail', runKey, 'series', { keys, maxPoints }].
 */
export const runQueries = {
  all: () => ['runs'] as const,
  project: (slug: string) => [...runQueries.all(), slug] as const,
  list: (slug: string) =>
    queryOptions({
      queryKey: [...runQueries.project(slug), 'list'] as const,
      queryFn: async ({ signal }) => (await fetchJson(apiUrls.runs(slug), runListSchema, { signal })).runs,
      refetchInterval: (query) => (query.state.data?.some((run) => isLiveStatus(run.displayStatus)) ? LIVE_REFETCH_MS : false),
    }),
  detail: (slug: string, runKey: string) =>
    queryOptions({
      queryKey: [...runQueries.project(slug), 'detail', runKey] as const,
      queryFn: async ({ signal }) => (await fetchJson(apiUrls.run(slug, runKey), runResponseSchema, { signal })).run,
      refetchInterval: (query) => (query.state.data && isLiveStatus(query.state.data.displayStatus) ? LIVE_REFETCH_MS : false),
    }),
  series: (slug: string, runKey: string, keys: readonly string[], options: { live?: boolean; maxPoints?: number } = {}) => {
    const maxPoints = options.maxPoints ?? SERIES_MAX_POINTS;
    return queryOptions({
      queryKey: [...runQueries.detail(slug, runKey).queryKey, 'series', { keys: [...keys], maxPoints }] as const,
      queryFn: ({ signal }) => fetchSeries(slug, runKey, keys, maxPoints, signal),
      enabled: keys.length > 0,
      refetchInterval: options.live ? LIVE_REFETCH_MS : false,
      // New keys appear while a run trains; keep drawing the old lines until the new set arrives.
      placeholderData: keepPreviousData,
    });
  },
};

async function fetchSeries(slug: string, runKey: string, keys: readonly string[], maxPoints: number, signal: AbortSignal): Promise<Series[]> {
  const chunks: string[][] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) chunks.push(keys.slice(start, start + KEYS_PER_REQUEST));
  const answers = await Promise.all(
    chunks.map((chunk) => fetchJson(apiUrls.metrics(slug, runKey, chunk, maxPoints), seriesListSchema, { signal })),
  );
  return answers.flatMap((answer) => answer.series);
}

export function useRuns(slug: string) {
  return useQuery(runQueries.list(slug));
}

export function useRun(slug: string, runKey: string) {
  return useQuery(runQueries.detail(slug, runKey));
}

export function useRunSeries(slug: string, runKey: string, keys: readonly string[], options: { live?: boolean } = {}) {
  return useQuery(runQueries.series(slug, runKey, keys, options));
}
