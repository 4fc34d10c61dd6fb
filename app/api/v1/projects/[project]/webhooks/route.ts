import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { createWebhook, listWebhooks } from '@/lib/db/webhooks';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { webhookCreateSchema } from '@/lib/schemas/webhooks';

// GET /api/v1/projects/{project}/webhooks: the project's webhooks with their latest deliveries (owner).
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  return Response.json({ webhooks: await listWebhooks(db, project.id) });
});

// POST /api/v1/projects/{project}/webhooks: add a webhook ({url, format: "slack" | "json", events}) (owner).
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  const input = parseBody(webhookCreateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  return Response.json({ webhook: await createWebhook(db, project.id, input) }, { status: 201 });
});
