import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callRoute } from '../route-caller';
import { addWebhook, createProject, receiver, stopWorkers, useWebhookHarness, worker } from '../webhook-harness';
import { closedUrl, startReceiver } from '../webhook-receiver';
import * as projectRoute from '@/app/api/v1/projects/[project]/route';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import { buildTestAlert } from '@/lib/alerts/alert';
import { raiseAlert } from '@/lib/db/alerts';
import { createDb } from '@/lib/db/client';
import { settleDiagnosticsRefreshes } from '@/lib/db/run-diagnostics-schedule';
import { claimDueDeliveries } from '@/lib/db/webhook-deliveries';

const harness = useWebhookHarness();

async function putRun(project: { slug: string; key: string }, run: string, json: Record<string, unknown>) {
  const started = performance.now();
  const response = await callRoute(runRoute.PUT, 'PUT', { params: { project: project.slug, run }, key: project.key, json });
  expect(response.status).toBeLessThan(300);
  return performance.now() - started;
}

const deliveriesOf = (projectId: string) => harness.db.webhookDelivery.findMany({ where: { alert: { projectId } }, orderBy: { createdAt: 'asc' }, include: { alert: true } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('one delivery per event', () => {
  it('raises a crash once however often it is reported, and delivers it once', async () => {
    const project = await createProject('once');
    const hook = await receiver();
    await addWebhook(project.slug, hook.url);
    await putRun(project, 'r1', { name: 'R1' });
    await putRun(project, 'r1', { status: 'crashed' });
    await putRun(project, 'r1', { status: 'crashed' });
    const [alert] = await harness.db.alert.findMany({ where: { projectId: project.id } });
    const again = await raiseAlert(harness.db, { projectId: project.id, runId: alert!.runId, kind: 'run_crashed', dedupeKey: alert!.dedupeKey, payload: alert!.payload as never });
    expect(again).toEqual({ raised: false, alertId: alert!.id, deliveries: 0 });
    expect(await harness.db.alert.count({ where: { projectId: project.id } })).toBe(1);

    expect(await worker().tick()).toEqual({ delivered: 1, retried: 0, failed: 0, stalledRaised: 0 });
    expect(await worker().tick()).toEqual({ delivered: 0, retried: 0, failed: 0, stalledRaised: 0 });
    expect(hook.requests).toHaveLength(1);
    const [delivery] = await deliveriesOf(project.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastError: null, claimedUntil: null });
    expect(hook.requests[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-reproboard-delivery': delivery!.id, 'x-reproboard-alert': alert!.id, 'x-reproboard-attempt': '1' });
    expect(hook.requests[0]!.body).toMatchObject({
      version: 1,
      kind: 'run_crashed',
      alertId: alert!.id,
      title: 'Run R1 crashed',
      project: { slug: 'once' },
      run: { key: 'r1', status: 'crashed' },
      url: 'https://rb.lab.example/projects/once/runs/r1',
    });
  });

  it('sends a finished run with its verdict, only to the webhooks that subscribe to it', async () => {
    const project = await createProject('finished');
    const slack = await receiver();
    const crashesOnly = await receiver();
    await addWebhook(project.slug, slack.url, 'slack', ['run_finished']);
    await addWebhook(project.slug, crashesOnly.url, 'json', ['run_crashed']);
    await putRun(project, 'h14', { name: 'H/14 336', reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336' });
    const points = [{ key: 'val/imagenet-zeroshot-val-top1', step: 100, epoch: 1, value: 0.815 }];
    expect((await callRoute(metricsRoute.POST, 'POST', { params: { project: project.slug, run: 'h14' }, key: project.key, json: { points } })).status).toBe(200);
    await putRun(project, 'h14', { status: 'finished' });

    const [alert] = await harness.db.alert.findMany({ where: { projectId: project.id } });
    expect(alert!.payload).toMatchObject({ kind: 'run_finished', verdict: { verdict: 'reproduced', value: 81.5, reported: 81.8, gap: -0.3, tolerancePp: 0.5, target: 'clipa-v2_H14_datacomp1b_84-224-336' } });
    expect(await worker().tick()).toMatchObject({ delivered: 1 });
    expect(crashesOnly.requests).toHaveLength(0);
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]!.body).toEqual({
      text: '[Reproboard] Run H/14 336 finished (Alerts finished)',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*<https://rb.lab.example/projects/finished/runs/h14|Run H/14 336 finished>*\nRun H/14 336 finished: 81.5% zero-shot IN-1k top-1 vs 81.8% (clipa-v2_H14_datacomp1b_84-224-336): reproduced, −0.3 pp (tolerance 0.5 pp).',
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Project *Alerts finished* · run `h14` · status finished' }] },
      ],
    });
  });

  it('wakes a running worker right after the alert is raised, without waiting for its poll', async () => {
    const project = await createProject('kick');
    const hook = await receiver();
    await addWebhook(project.slug, hook.url);
    worker({ pollMs: 600_000 }).start();
    await until(() => true);
    await putRun(project, 'r1', { status: 'failed' });
    await until(() => hook.requests.length === 1, 3000);
    expect(hook.requests[0]!.body).toMatchObject({ kind: 'run_crashed', title: 'Run r1 failed' });
  });
});

describe('retries', () => {
  it('retries after a 500 with backoff, then delivers', async () => {
    const project = await createProject('retry');
    const hook = await receiver();
    hook.answers.push(500);
    await addWebhook(project.slug, hook.url);
    await putRun(project, 'r1', { status: 'crashed' });
    let clock = Date.now();
    const sender = worker({ now: () => new Date(clock) });

    expect(await sender.tick()).toMatchObject({ retried: 1, delivered: 0 });
    const [pending] = await deliveriesOf(project.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500: answer 500', claimedUntil: null });
    // The first retry waits the base delay, 50 ms.
    expect(pending!.nextAttemptAt.getTime()).toBe(clock + 50);
    clock += 49;
    expect(await sender.tick()).toMatchObject({ retried: 0, delivered: 0 });

    clock += 1;
    expect(await sender.tick()).toMatchObject({ delivered: 1 });
    expect(await deliveriesOf(project.id)).toMatchObject([{ status: 'delivered', attempts: 2 }]);
    expect(hook.requests.map((request) => request.headers['x-reproboard-attempt'])).toEqual(['1', '2']);
    expect(new Set(hook.requests.map((request) => request.headers['x-reproboard-delivery'])).size).toBe(1);
  });

  it('fails after the last attempt with the last error, and at once on a refusal', async () => {
    const project = await createProject('give-up');
    const broken = await receiver(503);
    const gone = await receiver(404);
    await addWebhook(project.slug, broken.url);
    await addWebhook(project.slug, gone.url);
    await putRun(project, 'r1', { status: 'crashed' });
    let clock = Date.now();
    const sender = worker({ now: () => new Date(clock) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await sender.tick();
      clock += 10_000;
    }
    const deliveries = await deliveriesOf(project.id);
    expect(deliveries.map((delivery) => [delivery.status, delivery.attempts, delivery.lastError]).sort()).toEqual([
      ['failed', 1, 'HTTP 404: answer 404 (after 1 attempt)'],
      ['failed', 3, 'HTTP 503: answer 503 (after 3 attempts)'],
    ]);
    expect(broken.requests).toHaveLength(3);
    expect(gone.requests).toHaveLength(1);
  });
});

describe('a receiver that is down', () => {
  it('never slows ingestion: runs, out-log and metrics answer at once while the worker waits on it', async () => {
    const project = await createProject('down');
    const hanging = await receiver('hang');
    await addWebhook(project.slug, hanging.url);
    await addWebhook(project.slug, await closedUrl());
    worker({ pollMs: 50, timeoutMs: 3000 }).start();

    const latencies = [await putRun(project, 'r1', { status: 'crashed' })];
    await until(() => hanging.requests.length === 1);
    await putRun(project, 'r2', { name: 'R2' });
    const log = readFileSync('test/fixtures/openclip/classic-host.out.log');
    const chunk = Math.ceil(log.length / 4);
    for (let offset = 0; offset < log.length; offset += chunk) {
      const started = performance.now();
      const response = await callRoute(outLogRoute.POST, 'POST', { params: { project: project.slug, run: 'r2' }, key: project.key, query: { offset }, text: log.subarray(offset, offset + chunk) });
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
    for (let batch = 0; batch < 5; batch += 1) {
      const started = performance.now();
      const points = [{ key: 'custom/grad_norm', step: batch, value: 1.5 }];
      const response = await callRoute(metricsRoute.POST, 'POST', { params: { project: project.slug, run: 'r2' }, key: project.key, json: { points } });
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
    // The hanging receiver holds the worker for 3 s; every request finished well within that.
    expect(Math.max(...latencies)).toBeLessThan(1000);
    expect(await harness.db.webhookDelivery.count({ where: { alert: { projectId: project.id }, status: 'delivered' } })).toBe(0);

    await stopWorkers();
    const errors = (await deliveriesOf(project.id)).map((delivery) => delivery.lastError ?? '').sort();
    expect(errors[0]).toMatch(/^network error: ECONNREFUSED/);
    expect(errors[1]).toBe('no answer within 3000 ms');
  });

  it('delivers after a worker restart what the stopped worker could not send, and what a dead worker had claimed', async () => {
    const project = await createProject('restart');
    const first = await startReceiver();
    const port = Number(new URL(first.url).port);
    await first.close();
    await addWebhook(project.slug, first.url);

    await putRun(project, 'r1', { status: 'crashed' });
    const before = worker({ retry: { maxAttempts: 3, baseMs: 10_000, maxMs: 60_000 } });
    expect(await before.tick()).toMatchObject({ retried: 1 });
    await before.stop();
    // A process that claimed the second alert's delivery and died before sending it.
    await putRun(project, 'r2', { status: 'crashed' });
    expect(await claimDueDeliveries(harness.db, { now: new Date(), leaseMs: 60_000, limit: 10 })).toHaveLength(1);

    const back = await receiver(200, port);
    const later = Date.now() + 120_000;
    expect(await worker({ now: () => new Date(later) }).tick()).toMatchObject({ delivered: 2 });
    expect((await deliveriesOf(project.id)).map((delivery) => [delivery.status, delivery.attempts])).toEqual([
      ['delivered', 2],
      ['delivered', 2],
    ]);
    expect(back.requests.map((request) => (request.body as { run: { key: string } }).run.key).sort()).toEqual(['r1', 'r2']);
  });
});

describe('two workers at once', () => {
  it('deliver each alert once', async () => {
    const project = await createProject('two-workers');
    const hook = await receiver();
    await addWebhook(project.slug, hook.url);
    await addWebhook(project.slug, hook.url, 'slack');
    for (let index = 0; index < 25; index += 1) {
      const { payload } = buildTestAlert({ slug: project.slug, name: 'two' }, `n${index}`);
      await raiseAlert(harness.db, { projectId: project.id, runId: null, kind: 'run_crashed', dedupeKey: `bulk-${index}`, payload });
    }
    const [dbA, dbB] = [createDb(harness.url), createDb(harness.url)];
    const [a, b] = [worker({ db: () => dbA, batchSize: 4 }), worker({ db: () => dbB, batchSize: 4 })];
    let delivered = 0;
    for (let round = 0; round < 40 && (await harness.db.webhookDelivery.count({ where: { status: 'pending', alert: { projectId: project.id } } })) > 0; round += 1) {
      const results = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      delivered += results.reduce((sum, result) => sum + result.delivered, 0);
    }
    await Promise.all([dbA.$disconnect(), dbB.$disconnect()]);
    expect(delivered).toBe(50);
    const perDelivery = new Map<string, number>();
    for (const request of hook.requests) perDelivery.set(String(request.headers['x-reproboard-delivery']), (perDelivery.get(String(request.headers['x-reproboard-delivery'])) ?? 0) + 1);
    expect(perDelivery.size).toBe(50);
    expect([...perDelivery.values()].every((count) => count === 1)).toBe(true);
    expect(await harness.db.webhookDelivery.count({ where: { alert: { projectId: project.id }, status: 'delivered', attempts: 1 } })).toBe(50);
  });
});

describe('stalled runs', () => {
  it('alert once per silence, found by the worker sweep', async () => {
    const project = await createProject('stalled');
    expect((await callRoute(projectRoute.PATCH, 'PATCH', { params: { project: project.slug }, json: { staleAfterSeconds: 60 } })).status).toBe(200);
    const hook = await receiver();
    await addWebhook(project.slug, hook.url, 'json', ['run_stalled']);
    await putRun(project, 'quiet', { name: 'Quiet' });
    const silence = async (minutes: number) => harness.db.run.update({ where: { projectId_key: { projectId: project.id, key: 'quiet' } }, data: { lastHeartbeatAt: new Date(Date.now() - minutes * 60_000) } });
    await silence(10);

    const sweeper = worker({ sweepEveryMs: 1 });
    expect(await sweeper.tick()).toMatchObject({ stalledRaised: 1, delivered: 1 });
    await sleep(5);
    expect(await sweeper.tick()).toMatchObject({ stalledRaised: 0, delivered: 0 });
    await putRun(project, 'quiet', { heartbeat: true });
    await sleep(5);
    expect(await sweeper.tick()).toMatchObject({ stalledRaised: 0 });
    await silence(5);
    await sleep(5);
    expect(await sweeper.tick()).toMatchObject({ stalledRaised: 1, delivered: 1 });
    expect(hook.requests.map((request) => (request.body as { kind: string; text: string }).kind)).toEqual(['run_stalled', 'run_stalled']);
    expect((hook.requests[0]!.body as { text: string }).text).toBe("No data from Quiet for 10 min (the project's stale limit is 1 min); it is still marked running.");
  });
});

describe('diagnostics', () => {
  it('alert once when a high-severity diagnostic fires, however often the run is diagnosed again', async () => {
    const project = await createProject('diagnosed');
    const hook = await receiver();
    await addWebhook(project.slug, hook.url, 'json', ['diagnostic_high']);
    await putRun(project, 'nan', { name: 'NaN run' });
    const points = Array.from({ length: 12 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: index < 8 ? 6 - index * 0.2 : 'nan' }));
    expect((await callRoute(metricsRoute.POST, 'POST', { params: { project: project.slug, run: 'nan' }, key: project.key, json: { points } })).status).toBe(200);
    await settleDiagnosticsRefreshes();
    const more = [{ key: 'train/loss', step: 130, value: 'nan' }];
    expect((await callRoute(metricsRoute.POST, 'POST', { params: { project: project.slug, run: 'nan' }, key: project.key, json: { points: more } })).status).toBe(200);
    await settleDiagnosticsRefreshes();

    const alerts = await harness.db.alert.findMany({ where: { projectId: project.id } });
    expect(alerts.map((alert) => alert.kind)).toEqual(['diagnostic_high']);
    expect(await worker().tick()).toMatchObject({ delivered: 1 });
    expect(hook.requests[0]!.body).toMatchObject({ kind: 'diagnostic_high', diagnostic: { code: 'loss_non_finite', severity: 'high' }, run: { key: 'nan' } });
  });
});
