import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as keysRoute from '@/app/api/v1/projects/[project]/keys/route';
import * as keyRoute from '@/app/api/v1/projects/[project]/keys/[id]/route';
import * as runsRoute from '@/app/api/v1/projects/[project]/runs/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { projectCreatedSchema, projectListSchema } from '@/lib/schemas/project';
import { runListSchema, runUpsertResultSchema } from '@/lib/schemas/run';
import { hashApiKey } from '@/lib/db/api-keys';
import type { Db } from '@/lib/db/client';

let db: Db;
beforeAll(() => {
  db = useFreshDatabase().db;
});

async function createProject(name: string, slug?: string) {
  const response = await callRoute(projectsRoute.POST, 'POST', { json: { name, slug } });
  expect(response.status).toBe(201);
  return projectCreatedSchema.parse(response.body);
}

describe('projects API', () => {
  it('creates a project with a key shown once and stored only as a hash', async () => {
    const created = await createProject('CLIPA-v2 H/14 reproduction');
    expect(created.project.slug).toBe('clipa-v2-h-14-reproduction');
    expect(created.apiKey.key).toMatch(/^rb_[\w-]{43}$/);
    const stored = await db.apiKey.findMany({ where: { projectId: created.project.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hash).toBe(hashApiKey(created.apiKey.key));
    expect(JSON.stringify(stored)).not.toContain(created.apiKey.key);

    const list = projectListSchema.parse((await callRoute(projectsRoute.GET, 'GET')).body);
    expect(list.projects.map((project) => project.slug)).toContain('clipa-v2-h-14-reproduction');
  });

  it('refuses a taken slug with 409 and a missing name with 400 naming the field', async () => {
    await createProject('Taken', 'taken');
    const conflict = await callRoute(projectsRoute.POST, 'POST', { json: { name: 'Again', slug: 'taken' } });
    expect(conflict.status).toBe(409);
    expect(apiErrorBodySchema.parse(conflict.body).error.message).toContain('slug');

    const missing = await callRoute(projectsRoute.POST, 'POST', { json: { slug: 'nameless' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('bad_request');
    expect(missing.body.error.message).toMatch(/^body\.name:/);
    expect(await db.project.count({ where: { slug: 'nameless' } })).toBe(0);
  });

  it('rejects malformed JSON and a wrong content type', async () => {
    const malformed = await callRoute(projectsRoute.POST, 'POST', { text: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('not valid JSON');
    const wrongType = await callRoute(projectsRoute.POST, 'POST', { text: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBe(415);
  });

  it('answers 404 for an unknown project', async () => {
    const response = await callRoute(projectRoute.GET, 'GET', { params: { project: 'nope' } });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('"nope"');
  });
});

describe('runs API', () => {
  it('creates a run once and updates it on a second PUT with the same key', async () => {
    const { project, apiKey } = await createProject('Runs');
    const params = { project: project.slug, run: 'vit-b-16 [I50,T16]' };
    const first = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { name: 'B/16 I50 T16', tags: ['pilot'] } });
    expect(first.status).toBe(201);
    expect(runUpsertResultSchema.parse(first.body).created).toBe(true);

    const second = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { status: 'finished', notes: 'done' } });
    expect(second.status).toBe(200);
    const run = runUpsertResultSchema.parse(second.body).run;
    expect(run).toMatchObject({ name: 'B/16 I50 T16', status: 'finished', notes: 'done', tags: ['pilot'] });
    expect(run.endedAt).not.toBeNull();

    const list = runListSchema.parse((await callRoute(runsRoute.GET, 'GET', { params: { project: project.slug } })).body);
    expect(list.runs).toHaveLength(1);
    expect(await db.run.count({ where: { projectId: project.id } })).toBe(1);
  });

  it('needs a key of the same project: 401 without or with a wrong key, 403 with another project key', async () => {
    const a = await createProject('Project A', 'project-a');
    const b = await createProject('Project B', 'project-b');
    const params = { project: 'project-a', run: 'r1' };
    const none = await callRoute(runRoute.PUT, 'PUT', { params, json: {}, as: 'anonymous' });
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/authorization/);
    const wrong = await callRoute(runRoute.PUT, 'PUT', { params, key: 'rb_not-a-real-key', json: {} });
    expect(wrong.status).toBe(401);
    const other = await callRoute(runRoute.PUT, 'PUT', { params, key: b.apiKey.key, json: {} });
    expect(other.status).toBe(403);
    const unknownProject = await callRoute(runRoute.PUT, 'PUT', { params: { project: 'no-such', run: 'r1' }, key: a.apiKey.key, json: {} });
    expect(unknownProject.status).toBe(404);
    expect(await db.run.count()).toBe(1);
  });

  it('rejects invalid fields naming them, and an unknown reported result', async () => {
    const { project, apiKey } = await createProject('Validation');
    const params = { project: project.slug, run: 'r1' };
    const badStatus = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { status: 'exploded' } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toMatch(/^body\.status:/);
    const badTags = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { tags: 'not-a-list' } });
    expect(badTags.body.error.issues[0].path).toBe('body.tags');
    const unknownResult = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { reportedResultId: 'nope' } });
    expect(unknownResult.status).toBe(400);
    expect(unknownResult.body.error.message).toContain('reportedResultId');
    expect(await db.run.count({ where: { projectId: project.id } })).toBe(0);
  });

  it('lets an owner issue, list and revoke keys, and a key cannot issue keys', async () => {
    const { project, apiKey } = await createProject('Keys');
    const params = { project: project.slug };
    const byKey = await callRoute(keysRoute.POST, 'POST', { params, key: apiKey.key, json: { name: 'cluster' } });
    expect(byKey.status).toBe(403);
    const created = await callRoute(keysRoute.POST, 'POST', { params, json: { name: 'cluster' } });
    expect(created.status).toBe(201);
    const put = await callRoute(runRoute.PUT, 'PUT', { params: { project: project.slug, run: 'x' }, key: created.body.apiKey.key, json: {} });
    expect(put.status).toBe(201);

    const listed = await callRoute(keysRoute.GET, 'GET', { params });
    expect(listed.body.apiKeys.map((key: { name: string }) => key.name)).toEqual(['cluster', 'default']);
    expect(listed.body.apiKeys[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey.key);

    const revoked = await callRoute(keyRoute.DELETE, 'DELETE', { params: { ...params, id: created.body.apiKey.id } });
    expect(revoked.status).toBe(204);
    const refused = await callRoute(runRoute.PUT, 'PUT', { params: { project: project.slug, run: 'y' }, key: created.body.apiKey.key, json: {} });
    expect(refused.status).toBe(401);
    expect((await callRoute(keysRoute.GET, 'GET', { params })).body.apiKeys[0].revokedAt).not.toBeNull();
  });

  it('shows a running run as stale once its heartbeat is older than the limit', async () => {
    const { project, apiKey } = await createProject('Stale');
    await callRoute(runRoute.PUT, 'PUT', { params: { project: project.slug, run: 'old' }, key: apiKey.key, json: {} });
    await db.run.updateMany({ where: { projectId: project.id }, data: { lastHeartbeatAt: new Date(Date.now() - (project.staleAfterSeconds + 60) * 1000) } });
    const list = runListSchema.parse((await callRoute(runsRoute.GET, 'GET', { params: { project: project.slug } })).body);
    expect(list.runs[0]!.displayStatus).toBe('stale');
    await callRoute(runRoute.PUT, 'PUT', { params: { project: project.slug, run: 'old' }, key: apiKey.key, json: { heartbeat: true } });
    const again = runListSchema.parse((await callRoute(runsRoute.GET, 'GET', { params: { project: project.slug } })).body);
    expect(again.runs[0]!.displayStatus).toBe('running');
  });
});

describe('project settings and run links to reported results', () => {
  it('sets target papers and price, refusing an unknown paper by name', async () => {
    const { seedReferenceData } = await import('@/lib/db/papers');
    await seedReferenceData(db);
    const { project } = await createProject('Targets');
    const ok = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project: project.slug }, json: { paperIds: ['clipa-v2'], gpuHourPriceUsd: 2.1 } });
    expect(ok.status).toBe(200);
    expect(ok.body.project).toMatchObject({ paperIds: ['clipa-v2'], gpuHourPriceUsd: 2.1 });
    const bad = await callRoute(projectRoute.PATCH, 'PATCH', { params: { project: project.slug }, json: { paperIds: ['no-such-paper'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('body.paperIds: no paper "no-such-paper"');
    const stored = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.paperIds).toEqual(['clipa-v2']);
  });

  it('links a run by result_key to the primary row of that result', async () => {
    const { project, apiKey } = await createProject('Links');
    const params = { project: project.slug, run: 'h14' };
    const linked = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336' } });
    expect(linked.status).toBe(201);
    const primary = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_H14_datacomp1b_84-224-336', isPrimary: true } });
    expect(linked.body.run.reportedResultId).toBe(primary.id);
    const unknown = await callRoute(runRoute.PUT, 'PUT', { params, key: apiKey.key, json: { reportedResultKey: 'made-up' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('body.reportedResultKey');
  });
});
