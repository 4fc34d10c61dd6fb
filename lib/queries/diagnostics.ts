import { queryOptions, useQuery } from '@tanstack/react-query';
import { runDiagnosticsSchema } from '@/lib/schemas/diagnostics';
import { fetchJson } from './fetch-json';
import { LIVE_REFETCH_MS, runQueries } from './runs';
import { apiUrls } from './urls';

export function runDiagnosticsUrl(slug: string, runKey: string): string {
  return `${apiUrls.run(slug, runKey)}/diagnostics`;
}

/**
 * A run's diagnostics, keyed under the run (['runs', slug, 'detail', runKey, 'diagnostics']) so that
 * linking the run or editing the project's runs refetches them with everything else.
 */
export const diagnosticQueries = {
  run: (slug: string, runKey: string, options: { live?: boolean } = {}) =>
    queryOptions({
      queryKey: [...runQueries.detail(slug, runKey).queryKey, 'diagnostics'] as const,
      queryFn: ({ signal }) => fetchJson(runDiagnosticsUrl(slug, runKey), runDiagnosticsSchema, { signal }),
      refetchInterval: options.live ? LIVE_REFETCH_MS : false,
    }),
};

export function useRunDiagnostics(slug: string, runKey: string, options: { live?: boolean } = {}) {
  return useQuery(diagnosticQueries.run(slug, runKey, options));
}
