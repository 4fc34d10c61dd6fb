/**
 * The webhook API contract: a project's webhooks (Slack-compatible or plain JSON) with the alert kinds
 * they receive and their recent deliveries, and the requests that add, remove and test them.
 */
import { z } from 'zod';
import { ALERT_KINDS, SUBSCRIBABLE_ALERT_KINDS } from '@/lib/alerts/alert';
import { projectSlugSchema } from './project';

export const webhookFormatSchema = z.enum(['slack', 'json']);

export const webhookCreateSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' })
    .max(2000)
    .describe('Where alerts are POSTed; a Slack incoming-webhook URL for "slack".'),
  format: webhookFormatSchema.describe('"slack": {text, blocks} for Slack-compatible receivers; "json": the alert as plain JSON.'),
  events: z
    .array(z.enum(SUBSCRIBABLE_ALERT_KINDS))
    .max(SUBSCRIBABLE_ALERT_KINDS.length)
    .refine((events) => new Set(events).size === events.length, 'list each event once')
    .default([])
    .describe('Alert kinds to receive; empty (the default) means all.'),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  alertKind: z.enum(ALERT_KINDS),
  alertTitle: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('When a pending delivery is tried next.'),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string().describe('The address with its path shortened: webhook URLs are secrets.'),
  format: webhookFormatSchema,
  events: z.array(z.enum(SUBSCRIBABLE_ALERT_KINDS)),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  deliveries: z.array(webhookDeliverySchema).describe('The latest deliveries, newest first.'),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookResponseSchema = z.object({ webhook: webhookSchema });
export const webhookTestResultSchema = z.object({ alertId: z.string(), deliveries: z.number().int() });

export const webhookParamsSchema = z.object({ project: projectSlugSchema, webhook: z.string().min(1).max(100) });
