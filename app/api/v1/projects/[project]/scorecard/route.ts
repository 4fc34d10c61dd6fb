import { defineRoute } from '@/lib/api/define-route';
import { requireProject } from '@/lib/api/lookups';
import { getDb } from '@/lib/db/client';
import { getScorecard } from '@/lib/db/scorecard';
import { projectParamsSchema } from '@/lib/schemas/route-params';
import { scorecardQuerySchema } from '@/lib/schemas/scorecard';

// GET /api/v1/projects/{project}/scorecard?metric=zeroshot_in1k_top1: one row per reported result with its best linked run, gap and verdict.
export const GET = defineRoute({ params: projectParamsSchema, query: scorecardQuerySchema }, async ({ params, query }) => {
  const db = getDb();
  const project = await requireProject(db, params.project);
  return Response.json(await getScorecard(db, project, query.metric));
});
