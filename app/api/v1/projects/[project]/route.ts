import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { UnknownPaperError, updateProject } from '@/lib/db/projects';
import { scheduleProjectDiagnosticsRefresh } from '@/lib/db/run-diagnostics-schedule';
import { projectUpdateSchema } from '@/lib/schemas/project';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}: one project.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) =>
  Response.json({ project: await requireProjectRole(getDb(), request, params.project, 'viewer') }),
);

// PATCH /api/v1/projects/{project}: settings (target papers, GPU-hour price, stale limit, name, diagnostic thresholds).
export const PATCH = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  await requireProjectRole(getDb(), request, params.project, 'owner');
  const input = parseBody(projectUpdateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  try {
    const project = await updateProject(getDb(), params.project, input);
    if (!project) throw new ApiError('not_found', `project: no project "${params.project}"`);
    if (input.diagnosticThresholds !== undefined) await scheduleProjectDiagnosticsRefresh(getDb(), project.id);
    return Response.json({ project });
  } catch (error) {
    if (error instanceof UnknownPaperError) throw new ApiError('bad_request', `body.paperIds: no paper "${error.message}"`);
    throw error;
  }
});
