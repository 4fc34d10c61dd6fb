/**
 * What a webhook receives for an alert. "slack": a Slack-compatible incoming-webhook body, `text` as
 * the notification fallback plus `blocks` (a section with the linked title and text, a context line);
 * Slack's mrkdwn needs &, < and > escaped. "json": the alert as plain JSON, versioned, with its ids so a
 * receiver can drop a repeat (a retry after a timeout may reach it twice).
 */
import type { AlertPayload } from './alert';

export type WebhookFormat = 'slack' | 'json';

export interface DeliveredAlert {
  id: string;
  dedupeKey: string;
  createdAt: Date;
  payload: AlertPayload;
}

export interface SlackBody {
  text: string;
  blocks: (
    | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
    | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  )[];
}

/** The page's absolute URL, or null when the app does not know its public address. */
export function alertUrl(payload: AlertPayload, publicUrl: string | null): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${payload.path}` : null;
}

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toSlackBody(alert: DeliveredAlert, publicUrl: string | null): SlackBody {
  const { payload } = alert;
  const url = alertUrl(payload, publicUrl);
  const title = url ? `<${url}|${escapeSlack(payload.title)}>` : escapeSlack(payload.title);
  const context = [`Project *${escapeSlack(payload.project.name)}*`, payload.run ? `run \`${escapeSlack(payload.run.key)}\`` : null, payload.run ? `status ${escapeSlack(payload.run.status)}` : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return {
    text: `[Reproboard] ${payload.title} (${payload.project.name})`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${escapeSlack(payload.text)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}

export function toJsonBody(alert: DeliveredAlert, publicUrl: string | null) {
  const { payload } = alert;
  return {
    version: 1,
    alertId: alert.id,
    dedupeKey: alert.dedupeKey,
    kind: payload.kind,
    createdAt: alert.createdAt.toISOString(),
    title: payload.title,
    text: payload.text,
    project: payload.project,
    run: payload.run,
    verdict: payload.verdict,
    diagnostic: payload.diagnostic,
    url: alertUrl(payload, publicUrl),
  };
}

export function renderWebhookBody(format: WebhookFormat, alert: DeliveredAlert, publicUrl: string | null): string {
  return JSON.stringify(format === 'slack' ? toSlackBody(alert, publicUrl) : toJsonBody(alert, publicUrl));
}
