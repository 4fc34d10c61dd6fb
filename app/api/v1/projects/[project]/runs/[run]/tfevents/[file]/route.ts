import { ApiError } from '@/lib/api/api-error';
import { requireIngestAccess } from '@/lib/api/project-access';
import { defineRoute } from '@/lib/api/define-route';
import { requireRun } from '@/lib/api/lookups';
import { readBodyBytes } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { OffsetGapError } from '@/lib/db/ingest-out-log';
import { ingestTfeventsChunk } from '@/lib/db/ingest-tfevents';
import { scheduleDiagnosticsRefresh } from '@/lib/db/run-diagnostics-schedule';
import { logChunkQuerySchema } from '@/lib/schemas/ingest';
import { tfeventsParamsSchema } from '@/lib/schemas/tfevents';

/** Event files are binary: a text or form content type means a client that may have mangled the bytes. */
function requireOctetStream(request: Request): void {
  const type = request.headers.get('content-type');
  if (type && !type.toLowerCase().startsWith('application/octet-stream')) {
    throw new ApiError('unsupported_media_type', `content-type: expected application/octet-stream for event file bytes, got "${type}"`);
  }
}

// POST /api/v1/projects/{project}/runs/{run}/tfevents/{file}?offset=N: append raw bytes of a TensorBoard event file starting at byte N.
export const POST = defineRoute({ params: tfeventsParamsSchema, query: logChunkQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const project = await requireIngestAccess(db, request, params.project);
  const run = await requireRun(db, project, params.run);
  requireOctetStream(request);
  const bytes = await readBodyBytes(request, 'REPROBOARD_MAX_LOG_CHUNK_BYTES');
  try {
    const result = await ingestTfeventsChunk(db, run.id, params.file, query.offset, bytes);
    scheduleDiagnosticsRefresh(db, run.id);
    return Response.json(result);
  } catch (error) {
    if (error instanceof OffsetGapError) {
      throw new ApiError('offset_gap', error.message, undefined, { expectedOffset: error.expectedOffset });
    }
    throw error;
  }
});
