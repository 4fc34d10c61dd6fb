import { expect, test, type Locator } from '@playwright/test';
import { sendOutLog } from '@/lib/client/reproboard-client';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { clientFor, createTestProject } from './support/api';

const base: Omit<DemoRunSpec, 'name' | 'model' | 'lr' | 'seed'> = {
  gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 100, epochs: 3, logEveryNSteps: 10,
  finalTop1: 0.6, perGpuSamplesPerSecond: 900, startMs: Date.UTC(2026, 10, 30, 8),
};
const runs: DemoRunSpec[] = [
  { ...base, name: 'b32-lr5e-4', model: 'ViT-B-32', lr: 5e-4, seed: 1 },
  { ...base, name: 'b32-lr1e-3', model: 'ViT-B-32', lr: 1e-3, seed: 2 },
  { ...base, name: 'b16-lr5e-4', model: 'ViT-B-16', lr: 5e-4, seed: 3 },
];

async function tickLabels(chart: Locator, axis: 'xAxis' | 'yAxis'): Promise<string[]> {
  return chart.locator(`.recharts-${axis}-tick-labels text`).allTextContents();
}

test('compare two runs: config diff, one curve per run, x axis and log scale kept in the URL', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Compare');
  const client = clientFor(baseURL!, project);
  for (const spec of runs) {
    const files = writeDemoRun(spec);
    await client.upsertRun(spec.name, { name: spec.name });
    await client.uploadParamsTxt(spec.name, files.paramsTxt);
    await sendOutLog(client, spec.name, files.outLog);
    await client.upsertRun(spec.name, { status: 'finished' });
  }

  await page.goto(`/projects/${project.slug}/compare?runs=${runs[0]!.name},${runs[1]!.name}`);
  await expect(page.getByRole('heading', { name: 'Compare 2 runs' })).toBeVisible();
  const chips = page.getByRole('list', { name: 'Compared runs' });
  await expect(chips.getByRole('link')).toHaveText([runs[0]!.name, runs[1]!.name]);

  const diff = page.getByTestId('config-diff');
  const lrRow = diff.getByRole('row').filter({ has: page.getByRole('cell', { name: 'lr', exact: true }) });
  await expect(lrRow).toHaveAttribute('data-differs', 'true');
  const precisionRow = diff.getByRole('row').filter({ has: page.getByRole('cell', { name: 'precision', exact: true }) });
  await expect(precisionRow).toHaveAttribute('data-differs', 'false');
  await diff.getByLabel('Differences only').check();
  await expect(precisionRow).toHaveCount(0);
  await expect(lrRow).toBeVisible();
  await expect(page).toHaveURL(/diff=only/);

  for (const metric of ['train/loss', 'val/imagenet-zeroshot-val-top1', 'train/lr']) {
    await expect(page.getByTestId(`chart-${metric}`).locator('path.recharts-curve')).toHaveCount(2);
  }

  const loss = page.getByTestId('chart-train/loss');
  const stepTicks = await tickLabels(loss, 'xAxis');
  await page.getByLabel('X axis').selectOption('samples');
  await expect(page).toHaveURL(/[?&]x=samples/);
  await expect.poll(() => tickLabels(loss, 'xAxis')).not.toEqual(stepTicks);
  // Samples seen = step × 8 GPUs × 256: the last tick reads in thousands or millions.
  await expect.poll(async () => (await tickLabels(loss, 'xAxis')).join(' ')).toMatch(/[kM]/);

  const linearTicks = await tickLabels(loss, 'yAxis');
  await page.getByRole('switch', { name: 'Log y' }).click();
  await expect(page).toHaveURL(/[?&]ylog=1/);
  await expect.poll(() => tickLabels(loss, 'yAxis')).not.toEqual(linearTicks);
  await expect(loss.locator('path.recharts-curve')).toHaveCount(2);

  const ticksBeforeReload = { x: await tickLabels(loss, 'xAxis'), y: await tickLabels(loss, 'yAxis') };
  await page.reload();
  await expect(page.getByLabel('X axis')).toHaveValue('samples');
  await expect(page.getByRole('switch', { name: 'Log y' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('config-diff').getByLabel('Differences only')).toBeChecked();
  await expect(loss.locator('path.recharts-curve')).toHaveCount(2);
  await expect.poll(() => tickLabels(loss, 'xAxis')).toEqual(ticksBeforeReload.x);
  await expect.poll(() => tickLabels(loss, 'yAxis')).toEqual(ticksBeforeReload.y);
});

test('the compare view names runs it cannot find and refuses a single run', async ({ page, request }) => {
  const project = await createTestProject(request, 'Compare missing');
  await page.goto(`/projects/${project.slug}/compare?runs=only-one`);
  await expect(page.getByRole('alert').filter({ hasText: 'Select at least 2 runs' })).toBeVisible();
  await page.goto(`/projects/${project.slug}/compare?runs=ghost-a,ghost-b`);
  await expect(page.getByText('Not found in this project: ghost-a, ghost-b')).toBeVisible();
});
