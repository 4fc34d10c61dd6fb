import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { DEFAULT_MAX_POINTS, mergeZoomedSeries } from '@/lib/charts/compare-curves';
import { seriesListSchema, type Series } from '@/lib/schemas/metrics';
import { fetchJson } from './fetch-json';
import { runQueries } from './runs';
import { apiUrls } from './urls';

/** A read of one metric: downsampled to maxPoints over an optional step range, or every point (`full`). */
export interface SeriesRead {
  maxPoints: number;
  range: { from: number; to: number } | null;
  full?: boolean;
}

function metricsUrl(slug: string, runKey: string, keys: readonly string[], read: SeriesRead): string {
  const params = new URLSearchParams({ keys: keys.join(','), maxPoints: String(read.maxPoints) });
  if (read.range) {
    params.set('from', String(read.range.from));
    params.set('to', String(read.range.to));
  }
  if (read.full) params.set('full', '1');
  return `${apiUrls.run(slug, runKey)}/metrics?${params}`;
}

/**
 * Query options of the metric charts' reads. Keys sit under the run's detail key
 * (['runs', slug, 'detail', runKey, 'series', {…}]), so invalidating a run refreshes its charts.
 */
export const chartQueries = {
  series: (slug: string, runKey: string, keys: readonly string[], read: SeriesRead, options: { live?: boolean } = {}) =>
    queryOptions({
      queryKey: [...runQueries.detail(slug, runKey).queryKey, 'series', { keys: [...keys], ...read }] as const,
      queryFn: async ({ signal }): Promise<Series[]> => (await fetchJson(metricsUrl(slug, runKey, keys, read), seriesListSchema, { signal })).series,
      enabled: keys.length > 0,
      refetchInterval: options.live ? 5_000 : false,
      // While a zoomed range loads, the previous lines stay (clipped to the new range by the preparer).
      placeholderData: keepPreviousData,
    }),
  /**
   * The run's first wall time, the origin of the relative-time axis: the server keeps the first
   * point of every downsampled series, so ten points per key suffice.
   */
  origin: (slug: string, runKey: string, keys: readonly string[]) =>
    queryOptions({
      queryKey: [...runQueries.detail(slug, runKey).queryKey, 'origin', { keys: [...keys] }] as const,
      queryFn: async ({ signal }): Promise<number | null> => {
        const answer = await fetchJson(metricsUrl(slug, runKey, keys.slice(0, 20), { maxPoints: 10, range: null }), seriesListSchema, { signal });
        const times = answer.series.flatMap((entry) => entry.points.flatMap((point) => (point.wallTime === null ? [] : [point.wallTime])));
        return times.length > 0 ? Math.min(...times) : null;
      },
      enabled: keys.length > 0,
      staleTime: Infinity,
    }),
};

/** One read outside React Query's cache (exports: a full-resolution read is used once, then dropped). */
export async function fetchSeries(slug: string, runKey: string, keys: readonly string[], read: SeriesRead): Promise<Series[]> {
  return (await fetchJson(metricsUrl(slug, runKey, keys, read), seriesListSchema)).series;
}

export function useRunDetails(slug: string, runKeys: readonly string[]) {
  return useQueries({ queries: runKeys.map((runKey) => ({ ...runQueries.detail(slug, runKey), retry: false })) });
}

/**
 * Starts every chart's overview read as soon as the runs and metrics are known, alongside the run
 * details, at the request size a chart up to 1,000 px wide will ask for (the same query key), so
 * the charts find their data in the cache instead of waiting for layout first.
 */
export function usePrefetchOverviews(slug: string, runKeys: readonly string[], metricKeys: readonly string[]) {
  useQueries({
    queries: runKeys.flatMap((runKey) =>
      metricKeys.map((metricKey) => ({ ...chartQueries.series(slug, runKey, [metricKey], { maxPoints: DEFAULT_MAX_POINTS, range: null }), retry: false })),
    ),
  });
}

export function useRunOrigins(slug: string, runs: readonly { key: string; metricKeys: readonly string[] }[], enabled: boolean) {
  return useQueries({ queries: runs.map((run) => ({ ...chartQueries.origin(slug, run.key, run.metricKeys), enabled: enabled && run.metricKeys.length > 0 })) });
}

export function useChartSeries(slug: string, runKey: string, keys: readonly string[], read: SeriesRead | null, options: { live?: boolean } = {}) {
  const base = chartQueries.series(slug, runKey, keys, read ?? { maxPoints: 10, range: null }, options);
  return useQuery({ ...base, enabled: base.enabled !== false && read !== null });
}

/**
 * One metric for each run of a chart: the overview (whole run, about one point per pixel) and, while
 * zoomed, the zoomed step range read again at the same resolution. `rangeOf` maps the zoom to a
 * run's step range from its overview points (stepRangeForZoom); until the zoomed read arrives the
 * overview is shown.
 */
export function useMetricAcrossRuns(
  slug: string,
  runKeys: readonly string[],
  metricKey: string,
  maxPoints: number,
  rangeOf: (runKey: string, overview: Series | undefined) => { from: number; to: number } | null,
  options: { live?: boolean } = {},
) {
  const overview = useQueries({
    queries: runKeys.map((runKey) => chartQueries.series(slug, runKey, [metricKey], { maxPoints, range: null }, options)),
  });
  const ranges = runKeys.map((runKey, index) => rangeOf(runKey, overview[index]?.data?.[0]));
  const zoomed = useQueries({
    queries: runKeys.map((runKey, index) => ({
      ...chartQueries.series(slug, runKey, [metricKey], { maxPoints, range: ranges[index] ?? null }, options),
      enabled: ranges[index] != null,
    })),
  });
  const seriesByRun = new Map<string, Series | undefined>(
    runKeys.map((runKey, index) => [runKey, mergeZoomedSeries(overview[index]?.data?.[0], zoomed[index]?.data?.[0], ranges[index] ?? null)]),
  );
  return {
    seriesByRun,
    ranges: new Map(runKeys.map((runKey, index) => [runKey, ranges[index] ?? null])),
    isPending: overview.some((query) => query.isPending),
    isFetching: zoomed.some((query) => query.isFetching) || overview.some((query) => query.isFetching),
    errors: [...overview, ...zoomed].flatMap((query) => (query.error ? [query.error] : [])),
    refetch: () => overview.forEach((query) => void query.refetch()),
  };
}
