import { defineFileUploadRoute } from '@/lib/api/file-upload-route';
import { ingestResultsJsonl } from '@/lib/db/ingest-files';

// PUT /api/v1/projects/{project}/runs/{run}/results-jsonl: the whole checkpoints/results.jsonl (eval metrics per epoch).
export const PUT = defineFileUploadRoute('results.jsonl', ingestResultsJsonl);
