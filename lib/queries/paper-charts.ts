import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CanonicalMetricName } from '@/lib/metrics/canonical-metrics';
import { paperChartDataSchema } from '@/lib/schemas/paper-charts';
import { fetchJson } from './fetch-json';
import { isLiveStatus, LIVE_REFETCH_MS } from './runs';

const segment = encodeURIComponent;

export interface PaperChartRequest {
  /** null = the project's first target paper. */
  paper: string | null;
  metric: CanonicalMetricName;
}

export const paperChartApiUrls = {
  data: (slug: string, request: PaperChartRequest) => {
    const params = new URLSearchParams({ metric: request.metric });
    if (request.paper !== null) params.set('paper', request.paper);
    return `/api/v1/projects/${segment(slug)}/paper-charts?${params}`;
  },
};

export const paperChartPageUrls = {
  charts: (slug: string, search?: URLSearchParams) => `/projects/${segment(slug)}/charts${search && search.size > 0 ? `?${search}` : ''}`,
};

/** Query options for the paper charts. Keys: ['paper-charts'] ⊃ ['paper-charts', slug] ⊃ ['paper-charts', slug, { paper, metric }]. */
export const paperChartQueries = {
  all: () => ['paper-charts'] as const,
  project: (slug: string) => [...paperChartQueries.all(), slug] as const,
  data: (slug: string, request: PaperChartRequest) =>
    queryOptions({
      queryKey: [...paperChartQueries.project(slug), { paper: request.paper, metric: request.metric }] as const,
      queryFn: ({ signal }) => fetchJson(paperChartApiUrls.data(slug, request), paperChartDataSchema, { signal }),
      // Switching paper or metric keeps the old charts on screen until the new data arrives.
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.runPoints.some((run) => isLiveStatus(run.status)) ? LIVE_REFETCH_MS * 3 : false),
    }),
};

export function usePaperChartData(slug: string, request: PaperChartRequest) {
  return useQuery(paperChartQueries.data(slug, request));
}
