/**
 * A minimal HTTP server that mounts the real App Router handlers of `/api/v1`, dispatching by URL
 * pattern the way Next does (params as a Promise), so CLI tests and the import benchmark exercise
 * the real parsing, auth and storage without a slow `next build`. The tfevents route is mounted when
 * its module exists; otherwise its URL answers Next's HTML 404, like a server that predates it.
 * `GET /__route-server/timings` reports the time spent inside each route handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as authRoute from '@/app/api/auth/[...all]/route';
import { ensureInitialAdmin } from '@/lib/auth/initial-admin';
import { getDb } from '@/lib/db/client';
import { ROUTE_SERVER_ADMIN } from './route-server-admin';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as keysRoute from '@/app/api/v1/projects/[project]/keys/route';
import * as runsRoute from '@/app/api/v1/projects/[project]/runs/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as resultsRoute from '@/app/api/v1/projects/[project]/runs/[run]/results-jsonl/route';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  load: () => Promise<RouteModule | null>;
}

/** Optional: another engineer's route; the path is a variable so the type checker does not require it. */
const TFEVENTS_MODULE = '@/app/api/v1/projects/[project]/runs/[run]/tfevents/[file]/route';

async function loadOptional(specifier: string): Promise<RouteModule | null> {
  try {
    return (await import(/* @vite-ignore */ specifier)) as RouteModule;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/.test(String(error))) return null;
    throw error;
  }
}

function route(template: string, module: RouteModule | (() => Promise<RouteModule | null>)): Route {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { template, pattern: new RegExp(`^${source}$`), names, load: typeof module === 'function' ? module : async () => module };
}


const baseRoutes: Route[] = [
  route('/api/auth/{action}', authRoute as RouteModule),
  route('/api/auth/{area}/{action}', authRoute as RouteModule),
  route('/api/v1/projects', projectsRoute as RouteModule),
  route('/api/v1/projects/{project}', projectRoute as RouteModule),
  route('/api/v1/projects/{project}/keys', keysRoute as RouteModule),
  route('/api/v1/projects/{project}/runs', runsRoute as RouteModule),
  route('/api/v1/projects/{project}/runs/{run}', runRoute as RouteModule),
  route('/api/v1/projects/{project}/runs/{run}/metrics', metricsRoute as RouteModule),
  route('/api/v1/projects/{project}/runs/{run}/out-log', outLogRoute as RouteModule),
  route('/api/v1/projects/{project}/runs/{run}/params-txt', paramsRoute as RouteModule),
  route('/api/v1/projects/{project}/runs/{run}/results-jsonl', resultsRoute as RouteModule),
];
const tfeventsRoute = route('/api/v1/projects/{project}/runs/{run}/tfevents/{file}', () => loadOptional(TFEVENTS_MODULE));

/** Whether this checkout has the tfevents route (it is mounted when present). */
export async function hasTfeventsRoute(): Promise<boolean> {
  return (await tfeventsRoute.load()) !== null;
}

export interface HandlerTiming {
  count: number;
  totalMs: number;
}

const NEXT_NOT_FOUND = '<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body>404</body></html>';

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `tfevents: false` plays a server that predates the tfevents route. */
export function createRouteServer(options: { tfevents?: boolean } = {}): Server {
  const timings: Record<string, HandlerTiming> = {};
  const routes = options.tfevents === false ? baseRoutes : [...baseRoutes, tfeventsRoute];
  let adminReady: Promise<unknown> | null = null;

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
    const method = incoming.method ?? 'GET';
    if (url.pathname === '/__route-server/timings') {
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(timings));
      return;
    }
    adminReady ??= ensureInitialAdmin(getDb(), {
      REPROBOARD_ADMIN_EMAIL: ROUTE_SERVER_ADMIN.email,
      REPROBOARD_ADMIN_PASSWORD: ROUTE_SERVER_ADMIN.password,
    });
    await adminReady;
    let handler: Handler | undefined;
    let params: Record<string, string> = {};
    let template = '';
    for (const candidate of routes) {
      const match = candidate.pattern.exec(url.pathname);
      if (!match) continue;
      const module = await candidate.load();
      if (!module) break;
      handler = module[method];
      template = candidate.template;
      params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
      if (!handler) {
        outgoing.writeHead(405, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'bad_request', message: `${method} not allowed` } }));
        return;
      }
      break;
    }
    if (!handler) {
      outgoing.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(NEXT_NOT_FOUND);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(incoming));
    const started = performance.now();
    const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
    const bytes = Buffer.from(await response.arrayBuffer());
    const timing = (timings[`${method} ${template}`] ??= { count: 0, totalMs: 0 });
    timing.count += 1;
    timing.totalMs += performance.now() - started;
    const responseHeaders: Record<string, string | string[]> = Object.fromEntries(response.headers);
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) responseHeaders['set-cookie'] = cookies;
    outgoing.writeHead(response.status, responseHeaders).end(bytes);
  }

  return createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      console.error('route server:', error);
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ error: { code: 'internal', message: 'Internal server error' } }));
    });
  });
}
