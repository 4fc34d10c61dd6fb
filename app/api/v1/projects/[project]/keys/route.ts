import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { createApiKey, listApiKeys } from '@/lib/db/api-keys';
import { getDb } from '@/lib/db/client';
import { apiKeyCreateSchema } from '@/lib/schemas/project';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/keys: the project's API keys with their last use (never their secrets).
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  return Response.json({ apiKeys: await listApiKeys(db, project.id) });
});

// POST /api/v1/projects/{project}/keys: a new API key for ingestion; its secret is shown only in this response.
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  const input = parseBody(apiKeyCreateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  return Response.json({ apiKey: await createApiKey(db, project.id, input.name) }, { status: 201 });
});
