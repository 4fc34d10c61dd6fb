import { ApiError } from '@/lib/api/api-error';
import { defineRoute } from '@/lib/api/define-route';
import { requireProjectRole } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { getPaperChartData, UnknownChartPaperError } from '@/lib/db/paper-chart-data';
import { paperChartsQuerySchema } from '@/lib/schemas/paper-charts';
import { projectParamsSchema } from '@/lib/schemas/route-params';

// GET /api/v1/projects/{project}/paper-charts?paper=&metric=: runs and a paper's reported results on common axes.
export const GET = defineRoute({ params: projectParamsSchema, query: paperChartsQuerySchema }, async ({ request, params, query }) => {
  const db = getDb();
  const project = await requireProjectRole(db, request, params.project, 'viewer');
  try {
    return Response.json(await getPaperChartData(db, project, query));
  } catch (error) {
    if (error instanceof UnknownChartPaperError) {
      const message = `no paper "${error.message}"`;
      throw new ApiError('bad_request', `query.paper: ${message}`, [{ path: 'query.paper', message }]);
    }
    throw error;
  }
});
