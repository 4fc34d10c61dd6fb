import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { updateRunAnnotations } from '@/lib/db/run-annotations';
import { runAnnotationsSchema } from '@/lib/schemas/run-edit';
import { runParamsSchema } from '@/lib/schemas/route-params';

// PATCH /api/v1/projects/{project}/runs/{run}/annotations: a person's edit of a run's tags and notes.
export const PATCH = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const input = parseBody(runAnnotationsSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  const run = await updateRunAnnotations(db, project, params.run, input);
  if (!run) throw new ApiError('not_found', `run: no run "${params.run}" in project "${params.project}"`);
  return Response.json({ run });
});
