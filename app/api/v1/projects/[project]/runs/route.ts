import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { attachDiagnosticBadges } from '@/lib/db/run-diagnostics';
import { listRuns } from '@/lib/db/runs';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/runs: the project's runs, newest first, with their latest progress and diagnostics badges.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ request, params }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  return Response.json({ runs: await attachDiagnosticBadges(db, project, await listRuns(db, project)) });
});
