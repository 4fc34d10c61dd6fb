import 'server-only';
import type { z } from 'zod';
import { ApiError, errorResponse } from './api-error';

type RouteParams = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<RouteParams>;
}

interface RouteSpec<P extends z.ZodType, Q extends z.ZodType> {
  params?: P;
  query?: Q;
}

interface HandlerInput<P, Q> {
  request: Request;
  params: P;
  query: Q;
}

/**
 * A route handler with its path params and query validated by zod. The handler returns a Response
 * (so it controls status and body); anything thrown becomes the one JSON error shape.
 */
export function defineRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<P, Q>,
  handle: (input: HandlerInput<z.output<P>, z.output<Q>>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const rawParams = await context.params;
      const params = parsePart(spec.params, rawParams, 'path') as z.output<P>;
      const query = parsePart(spec.query, Object.fromEntries(new URL(request.url).searchParams), 'query') as z.output<Q>;
      return await handle({ request, params, query });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ApiError.fromZod(parsed.error, where);
  return parsed.data;
}

/** Validates a JSON body with a schema, naming the offending field in the error. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw ApiError.fromZod(parsed.error, 'body');
  return parsed.data;
}
