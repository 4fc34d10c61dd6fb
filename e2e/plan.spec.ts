import { expect, test } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';

test('the plan of a project with two steps shows planned vs spent compute and the projected finish of a running step', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Plan');
  expect((await request.patch(`/api/v1/projects/${project.slug}`, { data: { gpuType: 'A100', gpuCount: 8, budgetGpuHours: 100 } })).status()).toBe(200);
  const pilot = await request.post(`/api/v1/projects/${project.slug}/plan/steps`, { data: { title: 'B/32 pilot', model: 'ViT-B-32', samplesSeen: 72e6 } });
  expect(pilot.status()).toBe(201);
  const pilotId = ((await pilot.json()) as { step: { id: string } }).step.id;
  expect((await request.post(`/api/v1/projects/${project.slug}/plan/steps`, { data: { reportedResultKey: 'clipa-v2_H14_datacomp1b_70-224' } })).status()).toBe(201);

  const client = clientFor(baseURL!, project);
  await client.upsertRun('b32-pilot', { name: 'B/32 pilot run' });
  await client.uploadParamsTxt('b32-pilot', 'model: ViT-B-32\nworld_size: 8\ntrain_num_samples: 36000000\nepochs: 2\n');
  // 8,000 samples every 10 s on 8 GPUs: 100 samples/s per GPU, logged over the last 200 s.
  const now = Date.now();
  await client.sendMetrics(
    'b32-pilot',
    Array.from({ length: 20 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: 3, samplesSeen: (index + 1) * 8000, wallTime: now - (20 - index) * 10_000 })),
  );
  expect((await request.put(`/api/v1/projects/${project.slug}/plan/steps/${pilotId}/runs/b32-pilot`)).status()).toBe(200);

  await page.goto(`/projects/${project.slug}`);
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.slug}/plan$`));
  await expect(page.getByRole('heading', { name: /Reproduction plan/ })).toBeVisible();
  const steps = page.getByTestId('plan-step');
  await expect(steps).toHaveCount(2);

  // The pilot: 72M samples at the run's measured 100 samples/s per GPU = 200 GPU-h; 190 s × 8 GPUs spent.
  const running = steps.nth(0);
  await expect(running).toHaveAttribute('data-status', 'running');
  await expect(running.getByTestId('planned-gpu-hours')).toHaveText('200 GPU-h');
  await expect(running.getByTestId('spent-gpu-hours')).toHaveText('0.422 GPU-h');
  await expect(running.getByTestId('throughput-source')).toHaveAttribute('data-source', 'measured');
  await expect(running.getByRole('img', { name: /^Spent 0\.422 GPU-h of 200 GPU-h planned; projected/ })).toBeVisible();
  // (72M − 160k) samples left at 800 samples/s: 89,800 s, about a day.
  await expect(running.getByTestId('projected-finish')).toContainText('done in 1 day');
  await expect(running.getByRole('link', { name: 'B/32 pilot run' })).toBeVisible();

  // The H/14 result, not started: estimated on the A100 figure, about the paper's own 5,920 A100-hours.
  const waiting = steps.nth(1);
  await expect(waiting).toHaveAttribute('data-status', 'not_started');
  await expect(waiting.getByTestId('planned-gpu-hours')).toHaveText('5,916 GPU-h');
  await expect(waiting.getByTestId('spent-gpu-hours')).toHaveText('0 GPU-h');
  await expect(waiting.getByTestId('throughput-source')).toHaveAttribute('data-source', 'gpu_type');
  await expect(waiting.getByTestId('projected-finish')).toHaveCount(0);

  await expect(page.getByTestId('budget-verdict')).toHaveAttribute('data-verdict', 'over');
  await expect(page.getByTestId('budget-verdict')).toContainText('Over budget');
  await expect(page.getByTestId('total-planned')).toContainText('6,116 GPU-h');
  await expect(page.getByTestId('budget-warning').first()).toContainText('The plan needs 6,116 GPU-h, over the budget of 100 GPU-h');
});
