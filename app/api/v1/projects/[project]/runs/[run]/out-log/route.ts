import { ApiError } from '@/lib/api/api-error';
import { requireIngestRun } from '@/lib/api/project-access';
import { defineRoute } from '@/lib/api/define-route';
import { requireLineLimit } from '@/lib/api/ingest-limits';
import { readBodyBytes } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { ingestOutLogChunk, OffsetGapError } from '@/lib/db/ingest-out-log';
import { scheduleDiagnosticsRefresh } from '@/lib/db/run-diagnostics-schedule';
import { logChunkQuerySchema } from '@/lib/schemas/ingest';
import { runParamsSchema } from '@/lib/schemas/route-params';

// POST /api/v1/projects/{project}/runs/{run}/out-log?offset=N: append raw bytes of out.log starting at byte N.
export const POST = defineRoute({ params: runParamsSchema, query: logChunkQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const { runId } = await requireIngestRun(db, request, params.project, params.run);
  const bytes = await readBodyBytes(request, 'REPROBOARD_MAX_LOG_CHUNK_BYTES');
  requireLineLimit(bytes);
  try {
    const result = await ingestOutLogChunk(db, runId, query.offset, bytes);
    scheduleDiagnosticsRefresh(db, runId);
    return Response.json(result);
  } catch (error) {
    if (error instanceof OffsetGapError) {
      throw new ApiError('offset_gap', error.message, undefined, { expectedOffset: error.expectedOffset });
    }
    throw error;
  }
});
