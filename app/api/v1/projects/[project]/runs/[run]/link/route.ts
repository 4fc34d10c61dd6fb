import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireRun } from '@/lib/api/lookups';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { UnknownReportedResultError } from '@/lib/db/runs';
import { refreshDiagnosticsNow } from '@/lib/db/run-diagnostics-schedule';
import { getRunLink, setRunLink } from '@/lib/db/scorecard';
import { runParamsSchema } from '@/lib/schemas/route-params';
import { runLinkUpdateSchema } from '@/lib/schemas/scorecard';

// GET /api/v1/projects/{project}/runs/{run}/link: the reported result the run reproduces, suggestions and the results to choose from.
export const GET = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  const run = await requireRun(db, project, params.run);
  return Response.json(await getRunLink(db, project, run));
});

// PUT /api/v1/projects/{project}/runs/{run}/link: link the run to a reported result ({reportedResultId}), or unlink it with null.
// Open to the browser like PATCH /projects/{project}: there are no user accounts yet; once there are, this needs a signed-in member.
export const PUT = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const run = await requireRun(db, project, params.run);
  const input = parseBody(runLinkUpdateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  try {
    await setRunLink(db, run.id, input.reportedResultId);
  } catch (error) {
    if (error instanceof UnknownReportedResultError) throw new ApiError('bad_request', `body.reportedResultId: no reported result "${error.message}"`);
    throw error;
  }
  await refreshDiagnosticsNow(db, run.id);
  return Response.json(await getRunLink(db, project, { ...run, reportedResultId: input.reportedResultId }));
});
