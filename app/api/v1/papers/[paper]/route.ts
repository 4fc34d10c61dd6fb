import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireSignedIn } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { getPaperDetail } from '@/lib/db/papers';
import { paperParamsSchema } from '@/lib/schemas/papers';

// GET /api/v1/papers/{paper}: the paper and its reported results grouped by result_key, primary source first.
export const GET = defineRoute({ params: paperParamsSchema }, async ({ request, params }) => {
  await requireSignedIn(request);
  const detail = await getPaperDetail(getDb(), params.paper);
  if (!detail) throw new ApiError('not_found', `paper: no paper "${params.paper}"`);
  return Response.json(detail);
});
