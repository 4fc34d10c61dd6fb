import { randomUUID } from 'node:crypto';
import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { buildTestAlert } from '@/lib/alerts/alert';
import { raiseAlert } from '@/lib/db/alerts';
import { getDb } from '@/lib/db/client';
import { findWebhook } from '@/lib/db/webhooks';
import { webhookParamsSchema } from '@/lib/schemas/webhooks';

// POST /api/v1/projects/{project}/webhooks/{webhook}/test: queue a test alert for this webhook only; 202, sent in the background (owner).
export const POST = defineRoute({ params: webhookParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  const webhook = await findWebhook(db, project.id, params.webhook);
  if (!webhook) throw new ApiError('not_found', `webhook: project "${params.project}" has no webhook "${params.webhook}"`);
  const alert = buildTestAlert(project, randomUUID());
  const raised = await raiseAlert(db, { projectId: project.id, runId: null, ...alert, webhookIds: [webhook.id] });
  return Response.json({ alertId: raised.alertId, deliveries: raised.deliveries }, { status: 202 });
});
