import { defineFileUploadRoute } from '@/lib/api/file-upload-route';
import { ingestParamsTxt } from '@/lib/db/ingest-files';

// PUT /api/v1/projects/{project}/runs/{run}/params-txt: the run's params.txt; replaces its config.
export const PUT = defineFileUploadRoute('params.txt', ingestParamsTxt);
