/** OpenAPI operations of the alert webhooks (owner only), registered in lib/api/openapi.ts. */
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { webhookCreateSchema, webhookListSchema, webhookParamsSchema, webhookResponseSchema, webhookTestResultSchema } from '@/lib/schemas/webhooks';
import type { Operation } from './openapi';

export const webhookOperations: Operation[] = [
  { method: 'get', path: '/projects/{project}/webhooks', summary: "The project's webhooks with their latest deliveries (owner)", params: projectParamsSchema, response: webhookListSchema },
  { method: 'post', path: '/projects/{project}/webhooks', summary: 'Add a webhook: Slack-compatible {text, blocks} or plain JSON, for some or all alert kinds (owner)', params: projectParamsSchema, body: webhookCreateSchema, response: webhookResponseSchema, status: 201 },
  { method: 'delete', path: '/projects/{project}/webhooks/{webhook}', summary: 'Remove a webhook and its pending deliveries (owner)', params: webhookParamsSchema, status: 204 },
  { method: 'post', path: '/projects/{project}/webhooks/{webhook}/test', summary: 'Queue a test alert for this webhook only; sent in the background (owner)', params: webhookParamsSchema, response: webhookTestResultSchema, status: 202 },
];
