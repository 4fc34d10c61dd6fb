import { defineRoute } from '@/lib/api/define-route';
import { requireRun } from '@/lib/api/lookups';
import { withPlanErrors } from '@/lib/api/plan-errors';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { setRunPlanStep } from '@/lib/db/plan-steps';
import { planStepRunParamsSchema } from '@/lib/schemas/plan';

// PUT /api/v1/projects/{project}/plan/steps/{step}/runs/{run}: the run carries out this step (moving it from any other).
export const PUT = defineRoute({ params: planStepRunParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const run = await requireRun(db, project, params.run);
  await withPlanErrors(project.slug, {}, () => setRunPlanStep(db, project.id, params.step, run.id, true));
  return Response.json({ stepId: params.step, run: run.key });
});

// DELETE /api/v1/projects/{project}/plan/steps/{step}/runs/{run}: unlink the run from this step (idempotent).
export const DELETE = defineRoute({ params: planStepRunParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'member');
  const run = await requireRun(db, project, params.run);
  await withPlanErrors(project.slug, {}, () => setRunPlanStep(db, project.id, params.step, run.id, false));
  return Response.json({ stepId: null, run: run.key });
});
