import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { paperListSchema } from '@/lib/schemas/papers';
import { projectSchema } from '@/lib/schemas/project';
import { runLinkSchema, scorecardSchema } from '@/lib/schemas/scorecard';
import { fetchJson, jsonBody } from './fetch-json';
import { projectQueries } from './projects';
import { LIVE_REFETCH_MS, runQueries } from './runs';
import { apiUrls } from './urls';

export const scorecardUrls = {
  scorecard: (slug: string, metric: CanonicalMetricName) => `${apiUrls.project(slug)}/scorecard?${new URLSearchParams({ metric })}`,
  link: (slug: string, runKey: string) => `${apiUrls.run(slug, runKey)}/link`,
  papers: () => '/api/v1/papers',
};

/**
 * Query options of the scorecard. Keys: ['scorecard', slug] ⊃ ['scorecard', slug, 'metric', name],
 * ['scorecard', slug, 'link', runKey]; linking a run invalidates the project's prefix.
 */
export const scorecardQueries = {
  project: (slug: string) => ['scorecard', slug] as const,
  detail: (slug: string, metric: CanonicalMetricName) =>
    queryOptions({
      queryKey: [...scorecardQueries.project(slug), 'metric', metric] as const,
      queryFn: ({ signal }) => fetchJson(scorecardUrls.scorecard(slug, metric), scorecardSchema, { signal }),
      // In-progress rows move while their runs train.
      refetchInterval: (query) => ((query.state.data?.counts.in_progress ?? 0) > 0 ? LIVE_REFETCH_MS * 2 : false),
    }),
  link: (slug: string, runKey: string) =>
    queryOptions({
      queryKey: [...scorecardQueries.project(slug), 'link', runKey] as const,
      queryFn: ({ signal }) => fetchJson(scorecardUrls.link(slug, runKey), runLinkSchema, { signal }),
    }),
  papers: () =>
    queryOptions({
      queryKey: ['papers', 'list'] as const,
      queryFn: async ({ signal }) => (await fetchJson(scorecardUrls.papers(), paperListSchema, { signal })).papers,
      staleTime: 60_000,
    }),
};

export function useScorecard(slug: string, metric: CanonicalMetricName) {
  return useQuery(scorecardQueries.detail(slug, metric));
}

export function useRunLink(slug: string, runKey: string) {
  return useQuery(scorecardQueries.link(slug, runKey));
}

export function usePaperList() {
  return useQuery(scorecardQueries.papers());
}

/** PUT …/runs/{run}/link; refreshes the link, the project's scorecard and the run. */
export function useSetRunLink(slug: string, runKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reportedResultId: string | null) => fetchJson(scorecardUrls.link(slug, runKey), runLinkSchema, jsonBody('PUT', { reportedResultId })),
    onSuccess: (link) => {
      queryClient.setQueryData(scorecardQueries.link(slug, runKey).queryKey, link);
      void queryClient.invalidateQueries({ queryKey: scorecardQueries.project(slug) });
      void queryClient.invalidateQueries({ queryKey: runQueries.project(slug) });
    },
  });
}

/** PATCH /projects/{slug} {paperIds}: the papers whose results the scorecard lists. */
export function useSetTargetPapers(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paperIds: string[]) =>
      fetchJson(apiUrls.project(slug), z.object({ project: projectSchema }), {
        method: 'PATCH',
        body: JSON.stringify({ paperIds }),
        headers: { 'content-type': 'application/json' },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectQueries.all() });
      void queryClient.invalidateQueries({ queryKey: scorecardQueries.project(slug) });
    },
  });
}
