import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { revokeApiKey } from '@/lib/db/api-keys';
import { getDb } from '@/lib/db/client';
import { apiKeyParamsSchema } from '@/lib/schemas/route-params';

// DELETE /api/v1/projects/{project}/keys/{id}: revoke a key; clients using it get 401 from then on (idempotent).
export const DELETE = defineRoute({ params: apiKeyParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'owner');
  if (!(await revokeApiKey(db, project.id, params.id))) throw new ApiError('not_found', `id: project "${params.project}" has no API key "${params.id}"`);
  return new Response(null, { status: 204 });
});
