import { defineRoute } from '@/lib/api/define-route';
import { requireSignedIn } from '@/lib/api/project-access';
import { getDb } from '@/lib/db/client';
import { listPaperSummaries } from '@/lib/db/papers';

// GET /api/v1/papers: every paper (reference data and lab imports) with its origin and result count.
export const GET = defineRoute({}, async ({ request }) => {
  await requireSignedIn(request);
  return Response.json({ papers: await listPaperSummaries(getDb()) });
});
