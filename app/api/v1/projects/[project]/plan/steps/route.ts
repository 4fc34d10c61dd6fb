import { defineRoute, parseBody } from '@/lib/api/define-route';
import { withPlanErrors } from '@/lib/api/plan-errors';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { getPlan } from '@/lib/db/plan';
import { createPlanStep } from '@/lib/db/plan-steps';
import { planStepCreateSchema } from '@/lib/schemas/plan';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// POST /api/v1/projects/{project}/plan/steps: add a step (a reported result, or a pilot); 201 with the step as planned.
export const POST = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const input = parseBody(planStepCreateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  const id = await withPlanErrors(project.slug, input, () => createPlanStep(db, project.id, input));
  const step = (await getPlan(db, project)).steps.find((candidate) => candidate.id === id);
  return Response.json({ step }, { status: 201 });
});
