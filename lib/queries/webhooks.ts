import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { webhookListSchema, webhookResponseSchema, webhookTestResultSchema, type WebhookCreateInput } from '@/lib/schemas/webhooks';
import { fetchJson, jsonBody } from './fetch-json';
import { apiUrls } from './urls';

const segment = encodeURIComponent;

export const webhookUrls = {
  list: (slug: string) => `${apiUrls.project(slug)}/webhooks`,
  webhook: (slug: string, id: string) => `${apiUrls.project(slug)}/webhooks/${segment(id)}`,
  test: (slug: string, id: string) => `${apiUrls.project(slug)}/webhooks/${segment(id)}/test`,
};

/** Key: ['webhooks', slug]. Polled while a delivery is pending, so a test send shows its outcome. */
export const webhookQueries = {
  list: (slug: string) =>
    queryOptions({
      queryKey: ['webhooks', slug] as const,
      queryFn: async ({ signal }) => (await fetchJson(webhookUrls.list(slug), webhookListSchema, { signal })).webhooks,
      refetchInterval: (query) => (query.state.data?.some((hook) => hook.deliveries.some((delivery) => delivery.status === 'pending')) ? 2_000 : false),
    }),
};

export function useWebhooks(slug: string, enabled: boolean) {
  return useQuery({ ...webhookQueries.list(slug), enabled });
}

function useWebhookMutation<TInput, TOutput>(slug: string, mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: webhookQueries.list(slug).queryKey }) });
}

export function useCreateWebhook(slug: string) {
  return useWebhookMutation(slug, (input: WebhookCreateInput) => fetchJson(webhookUrls.list(slug), webhookResponseSchema, jsonBody('POST', input)));
}

export function useDeleteWebhook(slug: string) {
  return useWebhookMutation(slug, (id: string) => fetchJson(webhookUrls.webhook(slug, id), z.null(), { method: 'DELETE' }));
}

export function useTestWebhook(slug: string) {
  return useWebhookMutation(slug, (id: string) => fetchJson(webhookUrls.test(slug, id), webhookTestResultSchema, { method: 'POST' }));
}
