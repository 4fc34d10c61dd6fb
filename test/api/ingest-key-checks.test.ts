/**
 * The API-key checks of the two routes every training run calls (out.log chunks and metric
 * batches), which find the key, count it and look the run up in one or two raw statements: each
 * refusal is the status and message of the general key check, names what is wrong, counts
 * against the key and stores nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import { snapshotStoredData } from '../stored-data';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import { createApiKey, hashApiKey } from '@/lib/db/api-keys';
import type { Db } from '@/lib/db/client';
import { createProject } from '@/lib/db/projects';
import { apiErrorBodySchema } from '@/lib/schemas/error';

let db: Db;
let key: string;
let otherKey: string;
let revokedKey: string;

beforeAll(async () => {
  db = useFreshDatabase().db;
  const created = await createProject(db, { name: 'Key checks', slug: 'key-checks' });
  key = created.apiKey.key;
  otherKey = (await createProject(db, { name: 'Other', slug: 'other-project' })).apiKey.key;
  const revoked = await createApiKey(db, created.project.id, 'revoked');
  await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  revokedKey = revoked.key;
  expect((await callRoute(runRoute.PUT, 'PUT', { params: { project: 'key-checks', run: 'r1' }, key, json: {} })).status).toBe(201);
});

const routes = [
  { name: 'out.log', call: (params: Record<string, string>, apiKey: string) => callRoute(outLogRoute.POST, 'POST', { params, key: apiKey, query: { offset: 0 }, text: 'a line\n' }) },
  { name: 'metrics', call: (params: Record<string, string>, apiKey: string) => callRoute(metricsRoute.POST, 'POST', { params, key: apiKey, json: { points: [{ key: 'train/loss', step: 1, value: 1 }] } }) },
];

describe.each(routes)('$name: API key checks', ({ call }) => {
  async function expectRefused(params: Record<string, string>, apiKey: string, status: number, message: RegExp) {
    const before = await snapshotStoredData(db);
    const response = await call(params, apiKey);
    expect(response.status).toBe(status);
    expect(apiErrorBodySchema.parse(response.body).error.message).toMatch(message);
    expect(await snapshotStoredData(db)).toBe(before);
  }

  it('refuses an unknown or revoked key with 401', async () => {
    await expectRefused({ project: 'key-checks', run: 'r1' }, 'rb_not-a-key', 401, /^authorization: the API key is unknown or revoked/);
    await expectRefused({ project: 'key-checks', run: 'r1' }, revokedKey, 401, /^authorization: the API key is unknown or revoked/);
  });

  it('refuses an unknown project with 404 and another project\'s key with 403, counting the request', async () => {
    const counted = async () => (await db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(otherKey) } })).rateWindowCount;
    const before = await counted();
    await expectRefused({ project: 'no-such-project', run: 'r1' }, otherKey, 404, /^project: no project "no-such-project"/);
    await expectRefused({ project: 'key-checks', run: 'r1' }, otherKey, 403, /^authorization: this API key does not belong to project "key-checks"/);
    expect(await counted()).toBe(before + 2);
  });

  it('refuses an unknown run with 404 saying how to create it', async () => {
    await expectRefused({ project: 'key-checks', run: 'no-such-run' }, key, 404, /^run: no run "no-such-run" in project "key-checks"; create it first with PUT/);
  });

  it('accepts the project\'s key and records when it was used', async () => {
    const response = await call({ project: 'key-checks', run: 'r1' }, key);
    expect(response.status).toBe(200);
    const row = await db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(key) } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});
