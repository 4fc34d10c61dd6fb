import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { deleteWebhook } from '@/lib/db/webhooks';
import { webhookParamsSchema } from '@/lib/schemas/webhooks';

// DELETE /api/v1/projects/{project}/webhooks/{webhook}: remove a webhook and its pending deliveries (owner).
export const DELETE = defineRoute({ params: webhookParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  if (!(await deleteWebhook(db, project.id, params.webhook))) throw new ApiError('not_found', `webhook: project "${params.project}" has no webhook "${params.webhook}"`);
  return new Response(null, { status: 204 });
});
