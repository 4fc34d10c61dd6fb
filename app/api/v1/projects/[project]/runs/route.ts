import { defineRoute } from '@/lib/api/define-route';
import { requireProject } from '@/lib/api/lookups';
import { getDb } from '@/lib/db/client';
import { listRuns } from '@/lib/db/runs';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/runs: the project's runs, newest first, with their latest progress.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ params }) => {
  const db = getDb();
  const project = await requireProject(db, params.project);
  return Response.json({ runs: await listRuns(db, project) });
});
