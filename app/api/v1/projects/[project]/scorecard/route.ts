import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { getScorecard } from '@/lib/db/scorecard';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { scorecardQuerySchema } from '@/lib/schemas/scorecard';

// GET /api/v1/projects/{project}/scorecard?metric=zeroshot_in1k_top1: one row per reported result with its best linked run, gap and verdict.
export const GET = defineRoute({ params: projectParamsSchema, query: scorecardQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  return Response.json(await getScorecard(db, project, query.metric));
});
