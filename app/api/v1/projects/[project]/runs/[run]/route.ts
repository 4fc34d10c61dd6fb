import { ApiError } from '@/lib/api/api-error';
import { requireProjectKey } from '@/lib/api/authenticate';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireProject } from '@/lib/api/lookups';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { getRunDetail, UnknownReportedResultError, upsertRun } from '@/lib/db/runs';
import { readEnv } from '@/lib/env';
import { runParamsSchema } from '@/lib/schemas/route-params';
import { runUpsertSchema } from '@/lib/schemas/run';

// GET /api/v1/projects/{project}/runs/{run}: one run with its config, metric keys and ingest cursors.
export const GET = defineRoute({ params: runParamsSchema }, async ({ params }) => {
  const db = getDb();
  const project = await requireProject(db, params.project);
  const run = await getRunDetail(db, project, params.run);
  if (!run) throw new ApiError('not_found', `run: no run "${params.run}" in project "${params.project}"`);
  return Response.json({ run });
});

// PUT /api/v1/projects/{project}/runs/{run}: create the run with this key, or update the fields given.
export const PUT = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectKey(db, request, params.project);
  const input = parseBody(runUpsertSchema, await readJsonBody(request, readEnv().REPROBOARD_MAX_JSON_BYTES));
  try {
    const { created } = await upsertRun(db, project.id, params.run, input);
    const run = await getRunDetail(db, project, params.run);
    return Response.json({ run, created }, { status: created ? 201 : 200 });
  } catch (error) {
    if (error instanceof UnknownReportedResultError) {
      const field = input.reportedResultKey ? 'reportedResultKey' : 'reportedResultId';
      throw new ApiError('bad_request', `body.${field}: no reported result "${error.message}"`);
    }
    throw error;
  }
});
