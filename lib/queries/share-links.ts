import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  shareLinkCreatedSchema,
  shareLinkListSchema,
  shareLinkResponseSchema,
  type ShareLinkCreateInput,
} from '@/lib/schemas/share-links';
import { fetchJson, jsonBody } from './fetch-json';
import { apiUrls } from './urls';

export const shareLinkUrls = {
  list: (slug: string) => `${apiUrls.project(slug)}/share-links`,
  revoke: (id: string) => `/api/v1/share-links/${encodeURIComponent(id)}/revoke`,
};

/** Query options for share links. Keys: ['share-links'] ⊃ ['share-links', slug]. */
export const shareLinkQueries = {
  all: () => ['share-links'] as const,
  list: (slug: string) =>
    queryOptions({
      queryKey: [...shareLinkQueries.all(), slug] as const,
      queryFn: async ({ signal }) => (await fetchJson(shareLinkUrls.list(slug), shareLinkListSchema, { signal })).shareLinks,
    }),
};

export function useShareLinks(slug: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...shareLinkQueries.list(slug), enabled: options.enabled ?? true });
}

/** POST a view; the answer holds the short link's token, which the server never shows again. */
export function useCreateShareLink(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareLinkCreateInput) => fetchJson(shareLinkUrls.list(slug), shareLinkCreatedSchema, jsonBody('POST', input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinkQueries.list(slug).queryKey }),
  });
}

export function useRevokeShareLink(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson(shareLinkUrls.revoke(id), shareLinkResponseSchema, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shareLinkQueries.list(slug).queryKey }),
  });
}
