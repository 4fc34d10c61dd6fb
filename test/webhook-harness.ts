/**
 * What the webhook tests share: a fresh database with the reference data, delivery workers and
 * local receivers that are stopped after each test, and the calls that set up a project's hooks.
 */
import { afterEach, beforeAll, expect } from 'vitest';
import * as projectsRoute from '@/app/api/v1/projects/route';
import * as webhooksRoute from '@/app/api/v1/projects/[project]/webhooks/route';
import { DeliveryWorker, type DeliveryWorkerOptions } from '@/lib/alerts/delivery-worker';
import { getDb, type Db } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/db/papers';
import { useFreshDatabase } from './fresh-database';
import { callRoute } from './route-caller';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

export interface WebhookHarness {
  db: Db;
  url: string;
}

/** Registers the file's set-up and clean-up; `harness.db` and `harness.url` are set in beforeAll. */
export function useWebhookHarness(): WebhookHarness {
  const harness = {} as WebhookHarness;
  beforeAll(async () => {
    Object.assign(harness, useFreshDatabase());
    await seedReferenceData(harness.db);
  });
  afterEach(async () => {
    await stopWorkers();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    // Workers serve every project's queue: each test starts with an empty one.
    await harness.db.webhook.deleteMany();
  });
  return harness;
}

const receivers: WebhookReceiver[] = [];
const workers: DeliveryWorker[] = [];

/** Stops every worker the current test started. */
export async function stopWorkers(): Promise<void> {
  await Promise.all(workers.splice(0).map((started) => started.stop()));
}

/** A worker that only delivers when told to (tick) or woken, with short retries for tests. */
export function worker(options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const created = new DeliveryWorker({ db: getDb, pollMs: 60_000, timeoutMs: 1000, retry: { maxAttempts: 3, baseMs: 50, maxMs: 1000 }, publicUrl: 'https://rb.lab.example', sweepEveryMs: 0, ...options });
  workers.push(created);
  return created;
}

export async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

export async function createProject(slug: string) {
  const created = await callRoute(projectsRoute.POST, 'POST', { json: { name: `Alerts ${slug}`, slug } });
  expect(created.status).toBe(201);
  return { slug, key: created.body.apiKey.key as string, id: created.body.project.id as string };
}

export async function addWebhook(project: string, hookUrl: string, format: 'slack' | 'json' = 'json', events: string[] = []) {
  const created = await callRoute(webhooksRoute.POST, 'POST', { params: { project }, json: { url: hookUrl, format, events } });
  expect(created.status).toBe(201);
  return created.body.webhook.id as string;
}
