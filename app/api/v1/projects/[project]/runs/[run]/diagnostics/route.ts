import { defineRoute } from '@/lib/api/define-route';
import { requireRun } from '@/lib/api/lookups';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { listRunDiagnostics } from '@/lib/db/run-diagnostics';
import { runParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/runs/{run}/diagnostics: the run's diagnostics (evidence, suggested check, a link zoomed on the evidence) and the thresholds in force.
export const GET = defineRoute({ params: runParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  const run = await requireRun(db, project, params.run);
  return Response.json(await listRunDiagnostics(db, project, run));
});
