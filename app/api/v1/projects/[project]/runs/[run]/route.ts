import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireIngestAccess, requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { refreshDiagnosticsNow } from '@/lib/db/run-diagnostics-schedule';
import { getRunDetail, UnknownReportedResultError, upsertRun } from '@/lib/db/runs';
import { runParamsSchema } from '@/lib/schemas/route-params';
import { runUpsertSchema } from '@/lib/schemas/run';

// GET /api/v1/projects/{project}/runs/{run}: one run with its config, metric keys and ingest cursors.
export const GET = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  const run = await getRunDetail(db, project, params.run);
  if (!run) throw new ApiError('not_found', `run: no run "${params.run}" in project "${params.project}"`);
  return Response.json({ run });
});

// PUT /api/v1/projects/{project}/runs/{run}: create the run with this key, or update the fields given.
export const PUT = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireIngestAccess(db, request, params.project);
  const input = parseBody(runUpsertSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  try {
    const { created } = await upsertRun(db, project.id, params.run, input);
    const run = await getRunDetail(db, project, params.run);
    // Ending a run or changing its link changes its diagnostics; the response's caller sees them at once.
    const ended = input.status !== undefined && input.status !== 'running';
    if (run && (ended || input.reportedResultId !== undefined || input.reportedResultKey !== undefined)) await refreshDiagnosticsNow(db, run.id);
    return Response.json({ run, created }, { status: created ? 201 : 200 });
  } catch (error) {
    if (error instanceof UnknownReportedResultError) {
      const field = input.reportedResultKey ? 'reportedResultKey' : 'reportedResultId';
      throw new ApiError('bad_request', `body.${field}: no reported result "${error.message}"`);
    }
    throw error;
  }
});
