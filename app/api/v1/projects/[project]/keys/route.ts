import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectKey } from '@/lib/api/authenticate';
import { readJsonBody } from '@/lib/api/read-body';
import { createApiKey } from '@/lib/db/api-keys';
import { getDb } from '@/lib/db/client';
import { readEnv } from '@/lib/env';
import { apiKeyCreateSchema } from '@/lib/schemas/project';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// POST /api/v1/projects/{project}/keys: another API key for the project (authorised by an existing one).
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectKey(db, request, params.project);
  const input = parseBody(apiKeyCreateSchema, await readJsonBody(request, readEnv().REPROBOARD_MAX_JSON_BYTES));
  return Response.json({ apiKey: await createApiKey(db, project.id, input.name) }, { status: 201 });
});
