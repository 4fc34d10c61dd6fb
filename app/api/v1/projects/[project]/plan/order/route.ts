import { defineRoute, parseBody } from '@/lib/api/define-route';
import { withPlanErrors } from '@/lib/api/plan-errors';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { getPlan } from '@/lib/db/plan';
import { reorderPlanSteps } from '@/lib/db/plan-steps';
import { planOrderSchema } from '@/lib/schemas/plan';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// PUT /api/v1/projects/{project}/plan/order: put the steps in this order ({stepIds}: every step once); answers with the plan.
export const PUT = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const input = parseBody(planOrderSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  await withPlanErrors(project.slug, {}, () => reorderPlanSteps(db, project.id, input.stepIds));
  return Response.json(await getPlan(db, project));
});
