import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { getPlan } from '@/lib/db/plan';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/plan: the steps with planned and spent compute, status, projected finish, totals and the budget check.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  return Response.json(await getPlan(db, project));
});
