import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as shareLinksRoute from '@/app/api/v1/projects/[project]/share-links/route';
import * as revokeRoute from '@/app/api/v1/share-links/[id]/revoke/route';
import { hashShareToken, resolveShareToken } from '@/lib/db/share-links';
import type { Db } from '@/lib/db/client';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { projectCreatedSchema } from '@/lib/schemas/project';
import { shareLinkCreatedSchema, shareLinkListSchema, shareLinkResponseSchema } from '@/lib/schemas/share-links';

const DAY_MS = 24 * 60 * 60 * 1000;

let db: Db;
beforeAll(() => {
  db = useFreshDatabase().db;
});

async function createProject(slug: string) {
  const response = await callRoute(projectsRoute.POST, 'POST', { json: { name: slug, slug } });
  expect(response.status).toBe(201);
  return projectCreatedSchema.parse(response.body).project;
}

async function share(slug: string, json: unknown) {
  return callRoute(shareLinksRoute.POST, 'POST', { params: { project: slug }, json });
}

async function createLink(slug: string, json: Record<string, unknown>) {
  const response = await share(slug, json);
  expect(response.status).toBe(201);
  return shareLinkCreatedSchema.parse(response.body);
}

describe('share links API', () => {
  it('creates a link whose token has at least 128 random bits and is stored only as a hash', async () => {
    const project = await createProject('share-create');
    const viewPath = `/projects/${project.slug}?q=warmup&sel=a,b&sort=-top1`;
    const created = await createLink(project.slug, { viewPath, title: '  H/14 vs paper  ' });

    expect(created.token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(created.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(created.shareLink).toMatchObject({ url: `/s/${created.token}`, viewPath, title: 'H/14 vs paper', status: 'active', expiresAt: null, revokedAt: null });

    const rows = await db.shareLink.findMany({ where: { projectId: project.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashShareToken(created.token));
    expect(rows[0]!.tokenHash).not.toBe(created.token);
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const other = await createLink(project.slug, { viewPath });
    expect(other.token).not.toBe(created.token);
  });

  it('lists links newest first without tokens or token URLs', async () => {
    const project = await createProject('share-list');
    const first = await createLink(project.slug, { viewPath: `/projects/${project.slug}/charts?x=samples` });
    const second = await createLink(project.slug, { viewPath: '/papers/clipa-v2?type=zero-shot' });
    await createLink((await createProject('share-list-other')).slug, { viewPath: '/papers' });

    const response = await callRoute(shareLinksRoute.GET, 'GET', { params: { project: project.slug } });
    expect(response.status).toBe(200);
    const list = shareLinkListSchema.parse(response.body);
    expect(list.shareLinks.map((link) => link.id)).toEqual([second.shareLink.id, first.shareLink.id]);
    const text = JSON.stringify(response.body);
    for (const created of [first, second]) expect(text).not.toContain(created.token);
    expect(text).not.toContain('/s/');
    expect(text).not.toContain('tokenHash');
  });

  it('refuses a view outside this server or this project with 400 naming body.viewPath', async () => {
    const project = await createProject('share-bad');
    await createProject('share-bad-neighbour');
    const bad = [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example/x',
      'projects/share-bad',
      '/projects/share-bad-neighbour?q=x',
      '/projects/share-badx',
      '/projects/share-bad/../share-bad-neighbour',
      '/api/v1/projects',
      `/projects/${project.slug}?q=${'x'.repeat(4000)}`,
    ];
    for (const viewPath of bad) {
      const response = await share(project.slug, { viewPath });
      expect(response.status, viewPath).toBe(400);
      const { error } = apiErrorBodySchema.parse(response.body);
      expect(error.code).toBe('bad_request');
      expect(error.message, viewPath).toMatch(/^body\.viewPath:/);
    }
    const missing = await share(project.slug, { title: 'no view' });
    expect(missing.body.error.message).toMatch(/^body\.viewPath:/);
    const badDays = await share(project.slug, { viewPath: `/projects/${project.slug}`, expiresInDays: 400 });
    expect(badDays.status).toBe(400);
    expect(badDays.body.error.message).toMatch(/^body\.expiresInDays:/);
    expect(await db.shareLink.count({ where: { projectId: project.id } })).toBe(0);
  });

  it('normalises dot segments that stay inside the project', async () => {
    const project = await createProject('share-dots');
    const created = await createLink(project.slug, { viewPath: `/projects/${project.slug}/runs/../charts?x=gflops#fit` });
    expect(created.shareLink.viewPath).toBe(`/projects/${project.slug}/charts?x=gflops#fit`);
  });

  it('answers 404 naming the project when it does not exist', async () => {
    const response = await share('no-such-project', { viewPath: '/papers' });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('"no-such-project"');
  });

  it('computes the expiry from expiresInDays, and an expired link resolves as expired', async () => {
    const project = await createProject('share-expiry');
    const before = Date.now();
    const created = await createLink(project.slug, { viewPath: `/projects/${project.slug}`, expiresInDays: 7 });
    const expiresAt = Date.parse(created.shareLink.expiresAt!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);
    expect(await resolveShareToken(db, created.token)).toEqual({ status: 'active', viewPath: `/projects/${project.slug}` });

    const past = new Date(Date.now() - 1000);
    await db.shareLink.update({ where: { id: created.shareLink.id }, data: { expiresAt: past } });
    expect(await resolveShareToken(db, created.token)).toEqual({ status: 'expired', expiresAt: past.toISOString() });
    const list = shareLinkListSchema.parse((await callRoute(shareLinksRoute.GET, 'GET', { params: { project: project.slug } })).body);
    expect(list.shareLinks[0]!.status).toBe('expired');
  });

  it('revokes idempotently, keeping the first revocation time', async () => {
    const project = await createProject('share-revoke');
    const created = await createLink(project.slug, { viewPath: `/projects/${project.slug}?q=x` });
    const params = { id: created.shareLink.id };

    const first = await callRoute(revokeRoute.POST, 'POST', { params });
    expect(first.status).toBe(200);
    const revoked = shareLinkResponseSchema.parse(first.body).shareLink;
    expect(revoked.status).toBe('revoked');
    expect(revoked.revokedAt).not.toBeNull();

    const again = await callRoute(revokeRoute.POST, 'POST', { params });
    expect(again.status).toBe(200);
    expect(shareLinkResponseSchema.parse(again.body).shareLink.revokedAt).toBe(revoked.revokedAt);
    expect(await resolveShareToken(db, created.token)).toEqual({ status: 'revoked', revokedAt: revoked.revokedAt });
  });

  it('answers 404 for revoking an unknown link, and resolves unknown or malformed tokens as unknown', async () => {
    const response = await callRoute(revokeRoute.POST, 'POST', { params: { id: 'nope' } });
    expect(response.status).toBe(404);
    expect(apiErrorBodySchema.parse(response.body).error.message).toMatch(/^id: .*"nope"/);

    expect(await resolveShareToken(db, 'A'.repeat(32))).toEqual({ status: 'unknown' });
    expect(await resolveShareToken(db, 'short')).toEqual({ status: 'unknown' });
    expect(await resolveShareToken(db, '../../etc/passwd')).toEqual({ status: 'unknown' });
  });
});
