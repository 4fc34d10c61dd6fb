import { describe, expect, it } from 'vitest';
import { callRoute } from '../route-caller';
import { createSignedInUser } from '../sessions';
import { createProject, receiver, useWebhookHarness, worker } from '../webhook-harness';
import * as webhooksRoute from '@/app/api/v1/projects/[project]/webhooks/route';
import * as webhookRoute from '@/app/api/v1/projects/[project]/webhooks/[webhook]/route';
import * as webhookTestRoute from '@/app/api/v1/projects/[project]/webhooks/[webhook]/test/route';
import { webhookListSchema } from '@/lib/schemas/webhooks';

const harness = useWebhookHarness();

describe('webhooks API', () => {
  it('adds, lists with deliveries, test-sends and removes webhooks, naming refused fields', async () => {
    const project = await createProject('hooks');
    const params = { project: project.slug };
    const refuse = async (json: unknown, message: string) => {
      const response = await callRoute(webhooksRoute.POST, 'POST', { params, json });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(message);
    };
    await refuse({ url: 'ftp://example.org/x', format: 'json' }, 'body.url: url must be an http:// or https:// address');
    await refuse({ url: 'https://example.org/x', format: 'xml' }, 'body.format: Invalid option: expected one of "slack"|"json"');
    await refuse({ url: 'https://example.org/x', format: 'json', events: ['run_exploded'] }, 'body.events.0: Invalid option: expected one of "run_crashed"|"run_stalled"|"run_finished"|"diagnostic_high"');
    expect(await harness.db.webhook.count({ where: { projectId: project.id } })).toBe(0);

    const hook = await receiver();
    const created = await callRoute(webhooksRoute.POST, 'POST', { params, json: { url: `${hook.url}/T0123456789/secret`, format: 'slack', events: ['run_crashed'] } });
    expect(created.status).toBe(201);
    expect(created.body.webhook).toMatchObject({ format: 'slack', events: ['run_crashed'], deliveries: [] });
    expect(created.body.webhook.url).toBe(`${new URL(hook.url).origin}/hook/T01234…`);
    const id = created.body.webhook.id as string;

    const tested = await callRoute(webhookTestRoute.POST, 'POST', { params: { ...params, webhook: id } });
    expect(tested.status).toBe(202);
    expect(tested.body).toMatchObject({ deliveries: 1 });
    await worker().tick();
    expect(hook.requests[0]!.body).toMatchObject({ text: '[Reproboard] Test alert from Reproboard (Alerts hooks)' });

    const listed = webhookListSchema.parse((await callRoute(webhooksRoute.GET, 'GET', { params })).body);
    expect(listed.webhooks).toHaveLength(1);
    expect(listed.webhooks[0]!.deliveries).toMatchObject([{ alertKind: 'test', alertTitle: 'Test alert from Reproboard', status: 'delivered', attempts: 1, nextAttemptAt: null }]);

    expect((await callRoute(webhookRoute.DELETE, 'DELETE', { params: { ...params, webhook: id } })).status).toBe(204);
    expect(await harness.db.webhook.count({ where: { projectId: project.id } })).toBe(0);
    expect(await harness.db.webhookDelivery.count({ where: { webhookId: id } })).toBe(0);
    const missing = await callRoute(webhookRoute.DELETE, 'DELETE', { params: { ...params, webhook: id } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(`webhook: project "hooks" has no webhook "${id}"`);
    expect((await callRoute(webhookTestRoute.POST, 'POST', { params: { ...params, webhook: id } })).status).toBe(404);
  });
});

describe('webhook access', () => {
  it('is for owners: members and viewers can neither list nor add webhooks', async () => {
    const project = await createProject('hook-access');
    const params = { project: project.slug };
    const json = { url: 'https://example.org/hook', format: 'json' };
    for (const role of ['member', 'viewer'] as const) {
      const user = await createSignedInUser(harness.db, { projects: [{ projectId: project.id, role }] });
      expect((await callRoute(webhooksRoute.GET, 'GET', { params, as: user })).status).toBe(403);
      expect((await callRoute(webhooksRoute.POST, 'POST', { params, as: user, json })).status).toBe(403);
    }
    const owner = await createSignedInUser(harness.db, { projects: [{ projectId: project.id, role: 'owner' }] });
    expect((await callRoute(webhooksRoute.POST, 'POST', { params, as: owner, json })).status).toBe(201);
  });
});
