import { expect, test, type Locator } from '@playwright/test';
import { sendOutLog } from '@/lib/client/reproboard-client';
import { formatAxisValue, X_FORMATS } from '@/lib/charts/x-axis';
import { injectDataLoaderStall } from '@/lib/demo/data-loader-stall';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { runDiagnosticsSchema } from '@/lib/schemas/diagnostics';
import { clientFor, createTestProject } from './support/api';

const spec: DemoRunSpec = {
  name: 'b16-loader-stall', model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 512, stepsPerEpoch: 500, epochs: 4, logEveryNSteps: 10,
  lr: 5e-4, finalTop1: 0.6, perGpuSamplesPerSecond: 900, startMs: Date.UTC(2026, 10, 30, 8), seed: 5,
};
// In epoch 1, from 30% to 60% of its steps, every step waits 0.4 s more for data: steps 650–800.
const STALL = { epoch: 1, fromPercent: 30, toPercent: 60, extraSeconds: 0.4 };

/** The x-axis tick labels of a chart as numbers (step ticks read "650", "1.2k"). */
async function xTicks(chart: Locator): Promise<number[]> {
  const labels = await chart.locator('.recharts-xAxis-tick-labels text').allTextContents();
  return labels.map((label) => {
    const match = /^([\d.]+)([kM]?)$/.exec(label.trim());
    return match ? Number(match[1]) * (match[2] === 'k' ? 1e3 : match[2] === 'M' ? 1e6 : 1) : Number.NaN;
  });
}

test('a run with a data-loader bottleneck shows the badge, and its evidence link opens the charts zoomed on the stall', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Diagnostics');
  const client = clientFor(baseURL!, project);
  const files = writeDemoRun(spec);
  await client.upsertRun(spec.name, { name: spec.name });
  await client.uploadParamsTxt(spec.name, files.paramsTxt);
  await sendOutLog(client, spec.name, injectDataLoaderStall(files.outLog, STALL), 8192);
  // Finishing the run diagnoses it before the answer comes back.
  await client.upsertRun(spec.name, { status: 'finished' });

  const response = await request.get(`/api/v1/projects/${project.slug}/runs/${spec.name}/diagnostics`);
  expect(response.status()).toBe(200);
  const bottleneck = runDiagnosticsSchema.parse(await response.json()).diagnostics.find((diagnostic) => diagnostic.code === 'data_bottleneck');
  expect(bottleneck?.evidence).toMatchObject({ metric: 'train/data_time', fromStep: 650, toStep: 800 });
  const { fromStep: from, toStep: to } = bottleneck!.evidence as { fromStep: number; toStep: number };

  await page.goto(`/projects/${project.slug}`);
  const row = page.getByRole('row', { name: new RegExp(spec.name) });
  await expect(row.getByTestId('diagnostic-badge').filter({ hasText: 'data bottleneck' })).toBeVisible();

  await row.getByRole('link', { name: spec.name }).click();
  await expect(page.getByRole('heading', { name: spec.name })).toBeVisible();
  const item = page.getByRole('region', { name: 'Diagnostics' }).locator('[data-testid="diagnostic"][data-code="data_bottleneck"]');
  await expect(item).toContainText(`over steps ${from}–${to}`);
  const dataChart = page.getByTestId('chart-train/data_time');
  await expect(dataChart.locator('path.recharts-curve').first()).toBeVisible();
  const ticksBefore = await xTicks(dataChart);
  expect(Math.max(...ticksBefore)).toBeGreaterThan(to);

  await item.getByRole('link', { name: `Open train/data_time zoomed on steps ${from}–${to} →` }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}&to=${to}$`));
  const format = X_FORMATS.step;
  await expect(page.getByTestId('zoom-range')).toHaveText(`Zoomed to ${formatAxisValue(format, from, to - from)}–${formatAxisValue(format, to, to - from)}`);
  // The chart the evidence is on now spans the stall only: every step tick lies inside it.
  await expect.poll(async () => {
    const ticks = await xTicks(dataChart);
    return ticks.length >= 2 && ticks.every((tick) => tick >= from && tick <= to);
  }).toBe(true);
  await expect(dataChart).toBeInViewport();
});
