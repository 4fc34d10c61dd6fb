import { defineRoute } from '@/lib/api/define-route';
import { requireProject } from '@/lib/api/lookups';
import { getDb } from '@/lib/db/client';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}: one project.
export const GET = defineRoute({ params: projectParamsSchema }, async ({ params }) =>
  Response.json({ project: await requireProject(getDb(), params.project) }),
);
