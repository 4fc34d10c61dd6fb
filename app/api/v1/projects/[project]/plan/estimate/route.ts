import { defineRoute, parseBody } from '@/lib/api/define-route';
import { withPlanErrors } from '@/lib/api/plan-errors';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { estimatePlanStep } from '@/lib/db/plan';
import { planEstimateRequestSchema } from '@/lib/schemas/plan';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// POST /api/v1/projects/{project}/plan/estimate: plan a step without saving it (GFLOPs, GPU-hours, wall time, cost, budget with it added).
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  const input = parseBody(planEstimateRequestSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  return Response.json(await withPlanErrors(project.slug, input, () => estimatePlanStep(db, project, input)));
});
