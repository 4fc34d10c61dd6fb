/**
 * Every API route, found on disk (a new route is checked without editing this file), is called as
 * an anonymous visitor, a viewer, a member, a key of another project and a share-link holder; the
 * answers must follow the access rules of the README's "Accounts" section.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/db/papers';
import { createShareLink } from '@/lib/db/share-links';
import { useFreshDatabase } from '../fresh-database';
import { callRoute, type CallOptions } from '../route-caller';
import { createSignedInUser, type TestUser } from '../sessions';

type Handler = Parameters<typeof callRoute>[0];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

const modules = import.meta.glob<Record<string, unknown>>('/app/api/**/route.ts', { eager: true });

interface Endpoint {
  path: string;
  method: Method;
  handler: Handler;
}

const name = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

const endpoints: Endpoint[] = Object.entries(modules).flatMap(([file, module]) => {
  const path = file.replace(/^\/app/, '').replace(/\/route\.ts$/, '');
  return METHODS.filter((method) => typeof module[method] === 'function').map((method) => ({ path, method, handler: module[method] as Handler }));
});

/** Open by design: Better Auth's own endpoints (sign-in itself), the API description, and the one-time set-up. */
const PUBLIC = new Set(['/api/auth/[...all]', '/api/v1/openapi.json', '/api/v1/setup']);
/** Writes any signed-in user may make (creating a project makes them its owner). */
const ANY_SIGNED_IN_WRITES = new Set(['POST /api/v1/projects']);
/** POSTs that only compute an answer from what the caller may read. */
const READ_POSTS = new Set(['POST /api/v1/projects/[project]/plan/estimate']);
const isRead = (endpoint: Endpoint) => endpoint.method === 'GET' || READ_POSTS.has(name(endpoint));
/** Reads that show what only those who manage it should see: keys and webhooks (owner), share links (member). */
const PRIVILEGED_READS = new Set([
  'GET /api/v1/projects/[project]/keys',
  'GET /api/v1/projects/[project]/webhooks',
  'GET /api/v1/projects/[project]/share-links',
]);
const isProjectRoute = (endpoint: Endpoint) => endpoint.path.startsWith('/api/v1/projects/[project]');
/** Ingestion accepts the project's API key (and a member's session). */
const INGEST = new Set([
  'PUT /api/v1/projects/[project]/runs/[run]',
  'POST /api/v1/projects/[project]/runs/[run]/metrics',
  'POST /api/v1/projects/[project]/runs/[run]/out-log',
  'PUT /api/v1/projects/[project]/runs/[run]/params-txt',
  'PUT /api/v1/projects/[project]/runs/[run]/results-jsonl',
  'POST /api/v1/projects/[project]/runs/[run]/tfevents/[file]',
  'POST /api/v1/projects/[project]/runs/[run]/clip-benchmark',
]);

let db: Db;
let projectA: { id: string; slug: string; key: string };
let projectB: { id: string; slug: string; key: string };
let viewer: TestUser;
let member: TestUser;
let outsider: TestUser;
let ids: Record<string, string>;
let shareCookie: string;

async function createProject(slug: string) {
  const { callRoute: call } = await import('../route-caller');
  const projectsRoute = await import('@/app/api/v1/projects/route');
  const created = await call(projectsRoute.POST, 'POST', { json: { name: slug, slug } });
  expect(created.status).toBe(201);
  return { id: created.body.project.id as string, slug, key: created.body.apiKey.key as string };
}

beforeAll(async () => {
  ({ db } = useFreshDatabase());
  await seedReferenceData(db);
  projectA = await createProject('access-a');
  projectB = await createProject('access-b');
  const run = await db.run.create({ data: { projectId: projectA.id, key: 'run-a', name: 'run a' } });
  viewer = await createSignedInUser(db, { projects: [{ projectId: projectA.id, role: 'viewer' }] });
  member = await createSignedInUser(db, { projects: [{ projectId: projectA.id, role: 'member' }] });
  outsider = await createSignedInUser(db, { projects: [{ projectId: projectB.id, role: 'owner' }] });
  const share = await createShareLink(db, projectA.id, { viewPath: `/projects/${projectA.slug}` });
  shareCookie = `reproboard_share=${share.token}`;
  const apiKey = await db.apiKey.findFirstOrThrow({ where: { projectId: projectA.id } });
  const reported = await db.reportedResult.findFirstOrThrow();
  ids = {
    project: projectA.slug,
    run: run.key,
    id: apiKey.id,
    userId: viewer.id,
    paper: reported.paperId,
    file: 'events.out.tfevents.1',
    step: 'step-x',
  };
  // [id] means a share link under /share-links and a reported result under /reported-results.
  ids['share-link'] = share.shareLink.id;
  ids['reported-result'] = reported.id;
});

function paramsFor(endpoint: Endpoint): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of endpoint.path.matchAll(/\[(\w+)\]/g)) {
    const param = match[1]!;
    if (param === 'id' && endpoint.path.includes('/share-links/')) params.id = ids['share-link']!;
    else if (param === 'id' && endpoint.path.includes('/reported-results/')) params.id = ids['reported-result']!;
    else params[param] = ids[param] ?? 'x';
  }
  return params;
}

async function call(endpoint: Endpoint, options: CallOptions) {
  const body = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? {} : { json: {} };
  // A valid query for the routes that require one, so the answer is about access, not the query.
  const query = { offset: 0, keys: 'train/loss' };
  return callRoute(endpoint.handler, endpoint.method, { params: paramsFor(endpoint), query, ...body, ...options });
}

const guarded = endpoints.filter((endpoint) => !PUBLIC.has(endpoint.path));

describe('access to every API route', () => {
  it('finds the routes on disk', () => {
    expect(endpoints.length).toBeGreaterThan(30);
    expect(guarded.map(name)).toContain('PATCH /api/v1/projects/[project]/runs/[run]/annotations');
  });

  it.each(guarded.map((endpoint) => [name(endpoint), endpoint] as const))('%s: anonymous gets 401', async (_name, endpoint) => {
    const response = await call(endpoint, { as: 'anonymous' });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/^authorization: /);
  });

  const writes = guarded.filter(
    (endpoint) => (!isRead(endpoint) || PRIVILEGED_READS.has(name(endpoint))) && !ANY_SIGNED_IN_WRITES.has(name(endpoint)),
  );
  it.each(writes.map((endpoint) => [name(endpoint), endpoint] as const))('%s: a viewer cannot write (403)', async (_name, endpoint) => {
    const response = await call(endpoint, { as: viewer });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/^role: |^project: /);
  });

  const projectWrites = writes.filter(isProjectRoute);
  it.each(projectWrites.map((endpoint) => [name(endpoint), endpoint] as const))(
    '%s: a key of another project cannot write (403)',
    async (_name, endpoint) => {
      const response = await call(endpoint, { key: projectB.key });
      expect(response.status).toBe(403);
    },
  );

  it.each(projectWrites.map((endpoint) => [name(endpoint), endpoint] as const))(
    '%s: an owner of another project cannot write (403)',
    async (_name, endpoint) => {
      const response = await call(endpoint, { as: outsider });
      expect(response.status).toBe(403);
    },
  );

  it.each(projectWrites.map((endpoint) => [name(endpoint), endpoint] as const))(
    '%s: a share link holder cannot write (403, read-only)',
    async (_name, endpoint) => {
      const response = await call(endpoint, { as: 'anonymous', headers: { cookie: shareCookie } });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/share link is read-only/);
    },
  );

  const projectReads = guarded.filter((endpoint) => isProjectRoute(endpoint) && isRead(endpoint) && !PRIVILEGED_READS.has(name(endpoint)));
  it.each(projectReads.map((endpoint) => [name(endpoint), endpoint] as const))(
    '%s: a share link holder may read the shared project, not another one',
    async (_name, endpoint) => {
      const allowed = await call(endpoint, { as: 'anonymous', headers: { cookie: shareCookie } });
      expect([401, 403]).not.toContain(allowed.status);
      const other = await callRoute(endpoint.handler, endpoint.method, {
        params: { ...paramsFor(endpoint), project: projectB.slug },
        query: { offset: 0, keys: 'train/loss' },
        as: 'anonymous',
        headers: { cookie: shareCookie },
      });
      expect(other.status).toBe(401);
    },
  );

  it.each(projectReads.map((endpoint) => [name(endpoint), endpoint] as const))(
    '%s: a viewer may read; an owner of another project may not',
    async (_name, endpoint) => {
      const allowed = await call(endpoint, { as: viewer });
      expect([401, 403]).not.toContain(allowed.status);
      const refused = await call(endpoint, { as: outsider });
      expect(refused.status).toBe(403);
    },
  );

  it('lets a member do member things and nothing an owner does', async () => {
    const annotations = modules['/app/api/v1/projects/[project]/runs/[run]/annotations/route.ts']!.PATCH as Handler;
    const edited = await callRoute(annotations, 'PATCH', { params: { project: projectA.slug, run: 'run-a' }, json: { notes: 'by a member' }, as: member });
    expect(edited.status).toBe(200);
    const keys = modules['/app/api/v1/projects/[project]/keys/route.ts']!.POST as Handler;
    const key = await callRoute(keys, 'POST', { params: { project: projectA.slug }, json: { name: 'nope' }, as: member });
    expect(key.status).toBe(403);
    expect(key.body.error.message).toContain('owner');
  });

  it('shows a signed-in user only the projects they belong to', async () => {
    const projects = modules['/app/api/v1/projects/route.ts']!.GET as Handler;
    const listed = await callRoute(projects, 'GET', { as: viewer });
    expect(listed.body.projects.map((project: { slug: string }) => project.slug)).toEqual(['access-a']);
  });

  it('never lets an ingestion key into another project, and the rejected write stores nothing', async () => {
    const metrics = modules['/app/api/v1/projects/[project]/runs/[run]/metrics/route.ts']!.POST as Handler;
    const before = await db.metricPoint.count();
    const response = await callRoute(metrics, 'POST', {
      params: { project: projectA.slug, run: 'run-a' },
      key: projectB.key,
      json: { points: [{ key: 'train/loss', step: 1, value: 1 }] },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('does not belong to project "access-a"');
    expect(await db.metricPoint.count()).toBe(before);
  });

  it('keeps the one-time set-up closed once an account exists', async () => {
    const setup = modules['/app/api/v1/setup/route.ts']!.POST as Handler;
    const response = await callRoute(setup, 'POST', { as: 'anonymous', json: { email: 'evil@x.example', name: 'Evil', password: 'long enough password' } });
    expect(response.status).toBe(409);
    expect(await db.user.count({ where: { email: 'evil@x.example' } })).toBe(0);
  });

  it('checks ingestion routes accept the project key', () => {
    for (const route of INGEST) expect(guarded.map(name)).toContain(route);
  });
});
