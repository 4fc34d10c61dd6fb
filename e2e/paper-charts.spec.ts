import { expect, test, type APIRequestContext } from '@playwright/test';
import { paperChartDataSchema } from '@/lib/schemas/paper-charts';
import { clientFor, createTestProject } from './support/api';

const H14_RESULT = 'clipa-v2_H14_datacomp1b_84-224-336';
const T0 = Date.UTC(2026, 0, 5, 8);
const HOUR = 3_600_000;

const RUNS = [
  { key: 'h14-i36-t8', link: H14_RESULT, params: { model: 'ViT-H-14-CL8-SyntaxMask-GAP', force_image_size: '[84]', world_size: '8' }, top1: [0.62, 0.7], samples: 2e9 },
  { key: 'b16-pilot', link: undefined, params: { model: 'ViT-B-16', world_size: '4' }, top1: [0.41, 0.5], samples: 4e8 },
];

async function seedProject(request: APIRequestContext, baseURL: string) {
  const project = await createTestProject(request, 'Paper charts');
  const patched = await request.patch(`/api/v1/projects/${project.slug}`, { data: { paperIds: ['clipa-v2'] } });
  expect(patched.status()).toBe(200);
  const client = clientFor(baseURL, project);
  for (const run of RUNS) {
    await client.upsertRun(run.key, { name: run.key, reportedResultKey: run.link });
    await client.uploadParamsTxt(run.key, Object.entries(run.params).map(([name, value]) => `${name}: ${value}\n`).join(''));
    await client.sendMetrics(
      run.key,
      run.top1.map((value, index) => ({ key: 'val/imagenet-zeroshot-val-top1', step: (index + 1) * 1000, value, samplesSeen: (run.samples * (index + 1)) / run.top1.length, wallTime: T0 + (index + 1) * 5 * HOUR })),
    );
  }
  return project;
}

/** How many CLIPA-v2 points the compute chart can draw: those our accounting gives a compute for. */
async function countPaperPointsWithCompute(request: APIRequestContext, slug: string) {
  const response = await request.get(`/api/v1/projects/${slug}/paper-charts?paper=clipa-v2`);
  const data = paperChartDataSchema.parse(await response.json());
  return data.paperPoints.filter((point) => point.trainingGflops !== null && point.trainingGflops > 0).length;
}

test("the compute chart draws the runs and the paper's points as separate series, and the view survives a reload", async ({ page, request, baseURL }) => {
  const project = await seedProject(request, baseURL!);
  const paperPoints = await countPaperPointsWithCompute(request, project.slug);
  expect(paperPoints).toBeGreaterThan(5);

  await page.goto(`/projects/${project.slug}/charts?paper=clipa-v2`);
  const chart = page.getByTestId('chart-accuracy-vs-compute');
  await expect(chart).toHaveAttribute('aria-label', /vs total training compute/);
  await expect(chart.locator('.run-points .recharts-scatter-symbol')).toHaveCount(RUNS.length);
  await expect(chart.locator('.paper-points .recharts-scatter-symbol')).toHaveCount(paperPoints);
  await expect(chart.locator('.link-segments .recharts-line-curve')).toHaveCount(1);
  await expect(chart.getByText('CLIPA-v2 (reported)')).toBeVisible();
  for (const id of ['accuracy-vs-samples', 'scaling-fit', 'inverse-scaling']) await expect(page.getByTestId(`chart-${id}`)).toBeVisible();

  const scale = page.getByRole('group', { name: 'X scale' });
  await scale.getByRole('button', { name: 'Linear' }).click();
  await expect(page).toHaveURL(/[?&]xscale=linear/);
  await expect(scale.getByRole('button', { name: 'Linear' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('group', { name: 'X scale' }).getByRole('button', { name: 'Linear' })).toHaveAttribute('aria-pressed', 'true');
  await expect(chart.locator('.paper-points .recharts-scatter-symbol')).toHaveCount(paperPoints);
  await expect(chart.locator('.run-points .recharts-scatter-symbol')).toHaveCount(RUNS.length);
});

test('deselecting a run removes it from the charts and puts the selection in the URL', async ({ page, request, baseURL }) => {
  const project = await seedProject(request, baseURL!);
  await page.goto(`/projects/${project.slug}/charts`);
  const chart = page.getByTestId('chart-accuracy-vs-compute');
  await expect(chart.locator('.run-points .recharts-scatter-symbol')).toHaveCount(2);

  await page.getByRole('checkbox', { name: 'b16-pilot' }).uncheck();
  await expect(page).toHaveURL(/[?&]run=h14-i36-t8/);
  await expect(chart.locator('.run-points .recharts-scatter-symbol')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'b16-pilot' })).not.toBeChecked();
  await expect(chart.locator('.run-points .recharts-scatter-symbol')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Compute accounting' }).getByRole('row', { name: /h14-i36-t8/ })).toContainText('GPUs');
});

test('a project without runs or target paper says so instead of drawing empty boxes', async ({ page, request }) => {
  const project = await createTestProject(request, 'Empty charts');
  await page.goto(`/projects/${project.slug}/charts`);
  await expect(page.locator('[data-notice="no-paper"]')).toContainText('no target paper');
  await expect(page.locator('[data-notice="no-runs"]')).toBeVisible();
  await expect(page.getByTestId('chart-accuracy-vs-compute').getByTestId('chart-empty')).toBeVisible();
});
