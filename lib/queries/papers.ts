import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  paperDetailSchema,
  paperImportResultSchema,
  paperListSchema,
  reportedResultResponseSchema,
  type PaperDetail,
  type ReportedResult,
} from '@/lib/schemas/papers';
import { fetchJson } from './fetch-json';

const segment = encodeURIComponent;

export const paperApiUrls = {
  papers: () => '/api/v1/papers',
  paper: (id: string) => `/api/v1/papers/${segment(id)}`,
  importCsv: (fileName?: string) => `/api/v1/papers/import${fileName ? `?${new URLSearchParams({ fileName })}` : ''}`,
  reportedResult: (id: string) => `/api/v1/reported-results/${segment(id)}`,
};

export const paperPageUrls = {
  papers: () => '/papers',
  paper: (id: string) => `/papers/${segment(id)}`,
};

/** Query options for papers. Keys: ['papers'] ⊃ ['papers', 'list'], ['papers', 'detail', id]. */
export const paperQueries = {
  all: () => ['papers'] as const,
  list: () =>
    queryOptions({
      queryKey: [...paperQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await fetchJson(paperApiUrls.papers(), paperListSchema, { signal })).papers,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...paperQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchJson(paperApiUrls.paper(id), paperDetailSchema, { signal }),
    }),
};

export function usePapers() {
  return useQuery(paperQueries.list());
}

export function usePaper(id: string) {
  return useQuery(paperQueries.detail(id));
}

/** POST /api/v1/papers/import with the CSV text as the body; all or nothing on the server. */
export function useImportResultsCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, fileName }: { text: string; fileName?: string }) =>
      fetchJson(paperApiUrls.importCsv(fileName), paperImportResultSchema, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paperQueries.all() }),
  });
}

/** PATCH a reported result's tolerance; the cached paper is updated in place with the server's row. */
export function useUpdateTolerance(paperId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, tolerancePp }: { id: string; tolerancePp: number }) =>
      (
        await fetchJson(paperApiUrls.reportedResult(id), reportedResultResponseSchema, {
          method: 'PATCH',
          body: JSON.stringify({ tolerancePp }),
          headers: { 'content-type': 'application/json' },
        })
      ).result,
    onSuccess: (result) => {
      queryClient.setQueryData(paperQueries.detail(paperId).queryKey, (detail) => (detail ? replaceResult(detail, result) : detail));
    },
  });
}

function replaceResult(detail: PaperDetail, result: ReportedResult): PaperDetail {
  return {
    ...detail,
    groups: detail.groups.map((group) => ({
      ...group,
      primary: group.primary.id === result.id ? result : group.primary,
      others: group.others.map((other) => (other.id === result.id ? { ...other, tolerancePp: result.tolerancePp } : other)),
    })),
  };
}
