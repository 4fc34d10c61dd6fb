import { ApiError } from '@/lib/api/api-error';
import { defineRoute, parseBody } from '@/lib/api/define-route';
import { requireLabWriter } from '@/lib/api/lab-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { updateReportedResultTolerance } from '@/lib/db/papers';
import { reportedResultParamsSchema, reportedResultUpdateSchema } from '@/lib/schemas/papers';

// PATCH /api/v1/reported-results/{id}: change a reported result's tolerance (percentage points).
export const PATCH = defineRoute({ params: reportedResultParamsSchema }, async ({ request, params }) => {
  await requireLabWriter(getDb(), request);
  const input = parseBody(reportedResultUpdateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  const result = await updateReportedResultTolerance(getDb(), params.id, input.tolerancePp);
  if (!result) throw new ApiError('not_found', `id: no reported result "${params.id}"`);
  return Response.json({ result });
});
