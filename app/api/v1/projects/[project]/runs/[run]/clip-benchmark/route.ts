import { ApiError } from '@/lib/api/api-error';
import { requireIngestAccess } from '@/lib/api/project-access';
import { defineRoute } from '@/lib/api/define-route';
import { requireRun } from '@/lib/api/lookups';
import { readBodyBytes } from '@/lib/api/read-body';
import { ingestClipBenchmark } from '@/lib/db/clip-benchmark-ingest';
import { getDb } from '@/lib/db/client';
import { parseClipBenchmark } from '@/lib/ingest/clip-benchmark/parse-clip-benchmark';
import { runParamsSchema } from '@/lib/schemas/route-params';
import { clipBenchmarkQuerySchema } from '@/lib/schemas/scorecard';

// POST /api/v1/projects/{project}/runs/{run}/clip-benchmark?epoch=E: CLIP_benchmark result JSON (object, array or JSON lines), stored whole or rejected whole.
export const POST = defineRoute({ params: runParamsSchema, query: clipBenchmarkQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const project = await requireIngestAccess(db, request, params.project);
  const run = await requireRun(db, project, params.run);
  const bytes = await readBodyBytes(request, 'REPROBOARD_MAX_JSON_BYTES');
  const parsed = parseClipBenchmark(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if (!parsed.ok) {
    const [first] = parsed.issues;
    throw new ApiError('bad_request', `${first!.path}: ${first!.message}`, parsed.issues);
  }
  return Response.json(await ingestClipBenchmark(db, run.id, parsed, query.epoch));
});
