import { defineRoute, parseBody } from '@/lib/api/define-route';
import { withPlanErrors } from '@/lib/api/plan-errors';
import { requireProjectRole } from '@/lib/api/project-access';
import { readJsonBody } from '@/lib/api/read-body';
import { getDb } from '@/lib/db/client';
import { getPlan } from '@/lib/db/plan';
import { deletePlanStep, updatePlanStep } from '@/lib/db/plan-steps';
import { planStepParamsSchema, planStepUpdateSchema } from '@/lib/schemas/plan';

// PATCH /api/v1/projects/{project}/plan/steps/{step}: change the fields given; answers with the step as planned.
export const PATCH = defineRoute({ params: planStepParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const input = parseBody(planStepUpdateSchema, await readJsonBody(request, 'REPROBOARD_MAX_JSON_BYTES'));
  await withPlanErrors(project.slug, input, () => updatePlanStep(db, project.id, params.step, input));
  const step = (await getPlan(db, project)).steps.find((candidate) => candidate.id === params.step);
  return Response.json({ step });
});

// DELETE /api/v1/projects/{project}/plan/steps/{step}: remove the step; its runs stay, unlinked.
export const DELETE = defineRoute({ params: planStepParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  await withPlanErrors(project.slug, {}, () => deletePlanStep(db, project.id, params.step));
  return new Response(null, { status: 204 });
});
