import { buildOpenApiDocument } from '@/lib/api/openapi';

// GET /api/v1/openapi.json: the API description, generated from the request and response schemas.
export function GET() {
  return Response.json(buildOpenApiDocument());
}
