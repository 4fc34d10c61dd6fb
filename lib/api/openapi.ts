/**
 * The OpenAPI document, built from the same zod schemas the routes validate with, so the document
 * cannot drift from what the server accepts.
 */
import { z } from 'zod';
import { runDiagnosticsSchema } from '@/lib/schemas/diagnostics';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { fileUploadResultSchema, logChunkQuerySchema, logChunkResultSchema } from '@/lib/schemas/ingest';
import { metricBatchResultSchema, metricBatchSchema, seriesListSchema, seriesQuerySchema } from '@/lib/schemas/metrics';
import { apiKeyCreateSchema, apiKeyCreatedSchema, projectCreateSchema, projectCreatedSchema, projectListSchema, projectSchema, projectUpdateSchema } from '@/lib/schemas/project';
import { projectParamsSchema, runParamsSchema } from '@/lib/schemas/route-params';
import { paperDetailSchema, paperImportQuerySchema, paperImportResultSchema, paperListSchema, paperParamsSchema, reportedResultParamsSchema, reportedResultResponseSchema, reportedResultUpdateSchema } from '@/lib/schemas/papers';
import { shareLinkCreatedSchema, shareLinkCreateSchema, shareLinkListSchema, shareLinkParamsSchema, shareLinkResponseSchema } from '@/lib/schemas/share-links';
import { runAnnotationsResultSchema, runAnnotationsSchema } from '@/lib/schemas/run-edit';
import { paperChartDataSchema, paperChartsQuerySchema } from '@/lib/schemas/paper-charts';
import { clipBenchmarkQuerySchema, clipBenchmarkResultSchema, runLinkSchema, runLinkUpdateSchema, scorecardQuerySchema, scorecardSchema } from '@/lib/schemas/scorecard';
import { tfeventsChunkResultSchema, tfeventsParamsSchema } from '@/lib/schemas/tfevents';
import { runDetailSchema, runListSchema, runUpsertResultSchema, runUpsertSchema } from '@/lib/schemas/run';
import { planOperations } from './openapi-plan';
import { webhookOperations } from './openapi-webhooks';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType | 'text' | 'binary';
  /** Absent for an empty answer (204). */
  response?: z.ZodType;
  status?: number;
  authenticated?: boolean;
}

const operations: Operation[] = [
  { method: 'get', path: '/projects', summary: 'List projects', response: projectListSchema },
  { method: 'post', path: '/projects', summary: 'Create a project; the response holds its first API key, shown once', body: projectCreateSchema, response: projectCreatedSchema, status: 201 },
  { method: 'get', path: '/projects/{project}', summary: 'Get a project', params: projectParamsSchema, response: z.object({ project: projectSchema }) },
  { method: 'patch', path: '/projects/{project}', summary: 'Change project settings (target papers, GPU-hour price, stale limit, hardware and budget, diagnostic thresholds)', params: projectParamsSchema, body: projectUpdateSchema, response: z.object({ project: projectSchema }) },
  { method: 'post', path: '/projects/{project}/keys', summary: 'Create another API key', params: projectParamsSchema, body: apiKeyCreateSchema, response: z.object({ apiKey: apiKeyCreatedSchema }), status: 201, authenticated: true },
  { method: 'get', path: '/projects/{project}/runs', summary: "List a project's runs", params: projectParamsSchema, response: runListSchema },
  { method: 'get', path: '/projects/{project}/runs/{run}', summary: 'Get a run', params: runParamsSchema, response: z.object({ run: runDetailSchema }) },
  { method: 'put', path: '/projects/{project}/runs/{run}', summary: 'Create or update a run (idempotent on the run key); 201 when created', params: runParamsSchema, body: runUpsertSchema, response: runUpsertResultSchema, authenticated: true },
  { method: 'post', path: '/projects/{project}/runs/{run}/out-log', summary: 'Append a chunk of out.log starting at byte `offset`; overlapping bytes are skipped, a gap is 409 offset_gap', params: runParamsSchema, query: logChunkQuerySchema, body: 'text', response: logChunkResultSchema, authenticated: true },
  { method: 'put', path: '/projects/{project}/runs/{run}/params-txt', summary: "Upload the run's params.txt", params: runParamsSchema, body: 'text', response: fileUploadResultSchema, authenticated: true },
  { method: 'put', path: '/projects/{project}/runs/{run}/results-jsonl', summary: "Upload the run's checkpoints/results.jsonl", params: runParamsSchema, body: 'text', response: fileUploadResultSchema, authenticated: true },
  { method: 'post', path: '/projects/{project}/runs/{run}/metrics', summary: 'Append a JSON batch of metric points (all or nothing)', params: runParamsSchema, body: metricBatchSchema, response: metricBatchResultSchema, authenticated: true },
  { method: 'get', path: '/projects/{project}/runs/{run}/metrics', summary: 'Read metric series for charts', params: runParamsSchema, query: seriesQuerySchema, response: seriesListSchema },
  { method: 'post', path: '/projects/{project}/runs/{run}/tfevents/{file}', summary: 'Append a chunk of a TensorBoard event file starting at byte `offset` (same cursor rules as out-log; corrupt records are reported and skipped)', params: tfeventsParamsSchema, query: logChunkQuerySchema, body: 'binary', response: tfeventsChunkResultSchema, authenticated: true },
  { method: 'get', path: '/projects/{project}/scorecard', summary: 'The scorecard: one row per reported result of the target papers with the best linked run, the gap and a verdict', params: projectParamsSchema, query: scorecardQuerySchema, response: scorecardSchema },
  { method: 'get', path: '/projects/{project}/runs/{run}/link', summary: 'The reported result a run reproduces, with suggestions from its config', params: runParamsSchema, response: runLinkSchema },
  { method: 'get', path: '/projects/{project}/runs/{run}/diagnostics', summary: "A run's diagnostics (config mismatch against its linked result, data-loader bottleneck, divergence, throughput, stalled, evaluation gaps) with evidence, a link zoomed on it and a suggested check", params: runParamsSchema, response: runDiagnosticsSchema },
  { method: 'put', path: '/projects/{project}/runs/{run}/link', summary: 'Link a run to a reported result (null unlinks)', params: runParamsSchema, body: runLinkUpdateSchema, response: runLinkSchema },
  { method: 'post', path: '/projects/{project}/runs/{run}/clip-benchmark', summary: 'Attach CLIP_benchmark result files (one JSON object, an array, or JSON lines) to a run at an epoch', params: runParamsSchema, query: clipBenchmarkQuerySchema, body: 'text', response: clipBenchmarkResultSchema, authenticated: true },
  { method: 'get', path: '/projects/{project}/paper-charts', summary: "A project's runs and one paper's reported results on common axes (accuracy %, training GFLOPs, samples, image tokens), run-result links and the published scaling laws", params: projectParamsSchema, query: paperChartsQuerySchema, response: paperChartDataSchema },
  { method: 'patch', path: '/projects/{project}/runs/{run}/annotations', summary: "Edit a run's tags and notes", params: runParamsSchema, body: runAnnotationsSchema, response: runAnnotationsResultSchema },
  { method: 'get', path: '/projects/{project}/share-links', summary: "List a project's share links (never their tokens)", params: projectParamsSchema, response: shareLinkListSchema },
  { method: 'post', path: '/projects/{project}/share-links', summary: 'Store a view and get its short /s/{token} link; the token is shown once', params: projectParamsSchema, body: shareLinkCreateSchema, response: shareLinkCreatedSchema, status: 201 },
  { method: 'post', path: '/share-links/{id}/revoke', summary: 'Revoke a share link (idempotent)', params: shareLinkParamsSchema, response: shareLinkResponseSchema },
  { method: 'get', path: '/papers', summary: 'List papers with their origin and result counts', response: paperListSchema },
  { method: 'get', path: '/papers/{paper}', summary: 'A paper and its reported results grouped by result_key: primary source first, other sources with the values where they differ', params: paperParamsSchema, response: paperDetailSchema },
  { method: 'post', path: '/papers/import', summary: 'Import a CSV of reported results (clipa_reported.csv columns), all or nothing; 400 names line and column, 409 for reference papers or result keys of other papers', query: paperImportQuerySchema, body: 'text', response: paperImportResultSchema, status: 201 },
  { method: 'patch', path: '/reported-results/{id}', summary: "Change a reported result's tolerance (percentage points, > 0 and ≤ 50)", params: reportedResultParamsSchema, body: reportedResultUpdateSchema, response: reportedResultResponseSchema },
];

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function parameters(schema: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const shape = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (shape.required ?? []).includes(name),
    schema: property,
  }));
}

const errorResponse = { description: 'Error', content: { 'application/json': { schema: jsonSchema(apiErrorBodySchema, 'output') } } };

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of [...operations, ...planOperations, ...webhookOperations]) {
    const body =
      operation.body === 'text'
        ? { required: true, content: { 'text/plain': { schema: { type: 'string' } } } }
        : operation.body === 'binary'
          ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
          : operation.body
          ? { required: true, content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } } }
          : undefined;
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
      ...(body ? { requestBody: body } : {}),
      ...(operation.authenticated ? { security: [{ projectKey: [] }] } : {}),
      responses: {
        [String(operation.status ?? 200)]: operation.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(operation.response, 'output') } } }
          : { description: 'No content' },
        '4XX': errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Reproboard API', version: '1' },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { projectKey: { type: 'http', scheme: 'bearer', description: 'A project API key (rb_…)' } } },
    paths,
  };
}
