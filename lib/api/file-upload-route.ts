import 'server-only';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { scheduleDiagnosticsRefresh } from '@/lib/db/run-diagnostics-schedule';
import { runParamsSchema } from '@/lib/schemas/route-params';
import { ApiError } from './api-error';
import { requireIngestAccess } from './project-access';
import { defineRoute } from './define-route';
import { requireLineLimit } from './ingest-limits';
import { requireRun } from './lookups';
import { readBodyBytes } from './read-body';

/** A PUT that takes one whole text file of a run folder (params.txt, results.jsonl) as the body. */
export function defineFileUploadRoute(
  fileName: string,
  ingest: (db: Db, runId: string, text: string) => Promise<unknown>,
) {
  return defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
    const db = getDb();
    const project = await requireIngestAccess(db, request, params.project);
    const run = await requireRun(db, project, params.run);
    const bytes = await readBodyBytes(request, 'REPROBOARD_MAX_LOG_CHUNK_BYTES');
    requireLineLimit(bytes);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000')) throw new ApiError('bad_request', `body: ${fileName} must be text; it contains NUL bytes`);
    const result = await ingest(db, run.id, text);
    scheduleDiagnosticsRefresh(db, run.id);
    return Response.json(result);
  });
}
