import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requirePointLimit } from '@/lib/api/ingest-limits';
import { requireRun } from '@/lib/api/lookups';
import { requireIngestRun, requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { ingestMetricBatch } from '@/lib/db/ingest-metric-batch';
import { readSeries, SeriesTooLargeError } from '@/lib/db/metric-points';
import { scheduleDiagnosticsRefresh } from '@/lib/db/run-diagnostics-schedule';
import { metricBatchSchema, seriesQuerySchema } from '@/lib/schemas/metrics';
import { runParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/runs/{run}/metrics?keys=a,b&from=&to=&full=: series for charts, reduced to maxPoints per key.
export const GET = defineRoute({ params: runParamsSchema, query: seriesQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  const run = await requireRun(db, project, params.run);
  try {
    return Response.json({ series: await readSeries(db, run.id, query.keys, query.maxPoints, query) });
  } catch (error) {
    if (error instanceof SeriesTooLargeError) throw new ApiError('payload_too_large', error.message, [{ path: 'query.full', message: error.message }]);
    throw error;
  }
});

// POST /api/v1/projects/{project}/runs/{run}/metrics: a JSON batch of points, stored whole or rejected whole.
export const POST = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const { runId } = await requireIngestRun(db, request, params.project, params.run);
  const body = await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES');
  requirePointLimit(body);
  const batch = parseBody(metricBatchSchema, body);
  const result = await ingestMetricBatch(db, runId, batch.points);
  scheduleDiagnosticsRefresh(db, runId);
  return Response.json(result);
});
