import { expect, test, type Page } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';

/** The CLIPA-v2 results with a zero-shot ImageNet-1k value of type main or pretrain-only: 12 + 5. */
const CLIPA_V2_ROWS = 17;

const top1 = (step: number, epoch: number, value: number) => ({ key: 'val/imagenet-zeroshot-val-top1', step, epoch, value });

async function expectCounts(page: Page, counts: Record<'reproduced' | 'close' | 'not_reproduced' | 'in_progress' | 'no_run', number>) {
  for (const [verdict, count] of Object.entries(counts)) {
    await expect(page.getByTestId(`verdict-count-${verdict}`)).toContainText(String(count));
  }
}

const rowOf = (page: Page, resultKey: string) => page.locator(`[data-testid="scorecard-row"][data-result-key="${resultKey}"]`);

test('the scorecard counts verdicts and shows each linked run against the paper', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Scorecard');
  expect((await request.patch(`/api/v1/projects/${project.slug}`, { data: { paperIds: ['clipa-v2'] } })).status()).toBe(200);
  const client = clientFor(baseURL!, project);
  await client.upsertRun('h14-dc-336', { name: 'H/14 DC-1B 336', reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336' });
  await client.sendMetrics('h14-dc-336', [top1(100, 1, 0.7), top1(200, 2, 0.815)]);
  await client.upsertRun('h14-dc-336', { status: 'finished' });
  await client.upsertRun('h14-dc-224', { name: 'H/14 DC-1B 224', reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224', status: 'finished' });
  await client.sendMetrics('h14-dc-224', [top1(100, 1, 0.807)]);
  await client.upsertRun('l14-dc-224', { name: 'L/14 DC-1B 224', reportedResultKey: 'clipa-v2_L14_datacomp1b_84-224', status: 'finished' });
  await client.sendMetrics('l14-dc-224', [top1(100, 1, 0.781)]);
  const now = Date.now();
  await client.upsertRun('h14-dc-70', { name: 'H/14 DC-1B 70', reportedResultKey: 'clipa-v2_H14_datacomp1b_70-224' });
  await client.uploadParamsTxt('h14-dc-70', 'model: ViT-H-14-CL32-GAP\ntrain_num_samples: 131072000\nepochs: 4\n');
  await client.sendMetrics('h14-dc-70', [
    ...Array.from({ length: 10 }, (_, index) => ({ key: 'train/loss', step: (index + 1) * 10, value: 3, samplesSeen: (index + 1) * 81_920, wallTime: now - (10 - index) * 10_000 })),
    top1(100, 1, 0.6),
  ]);

  await page.goto(`/projects/${project.slug}/scorecard`);
  await expect(page.getByRole('heading', { name: /Scorecard/ })).toBeVisible();
  await expectCounts(page, { reproduced: 1, close: 1, not_reproduced: 1, in_progress: 1, no_run: CLIPA_V2_ROWS - 4 });
  await expect(page.getByTestId('scorecard-row')).toHaveCount(CLIPA_V2_ROWS);

  const reproduced = rowOf(page, 'clipa-v2_H14_datacomp1b_84-224-336');
  await expect(reproduced).toHaveAttribute('data-verdict', 'reproduced');
  await expect(reproduced).toContainText('81.8%');
  await expect(reproduced).toContainText('81.5%');
  await expect(reproduced.getByTestId('gap')).toHaveText('−0.3 pp');
  await expect(rowOf(page, 'clipa-v2_H14_datacomp1b_84-224')).toHaveAttribute('data-verdict', 'close');
  await expect(rowOf(page, 'clipa-v2_L14_datacomp1b_84-224')).toHaveAttribute('data-verdict', 'not_reproduced');
  await expect(rowOf(page, 'clipa-v2_L14_datacomp1b_84-224').getByTestId('gap')).toHaveText('−1.6 pp');
  const training = rowOf(page, 'clipa-v2_H14_datacomp1b_70-224');
  await expect(training).toHaveAttribute('data-verdict', 'in_progress');
  await expect(training.getByRole('progressbar', { name: 'Samples seen' })).toBeVisible();
  await expect(training).toContainText('819k of 524M samples');
  await expect(training.getByTestId('eta')).toContainText(/done in \d+ h/);
  await expect(rowOf(page, 'clipa-v2_bigG14_datacomp1b_84-224-336')).toHaveAttribute('data-verdict', 'no_run');

  await reproduced.getByRole('link', { name: 'H/14 DC-1B 336' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.slug}/runs/h14-dc-336$`));
});

test('the metric selector keeps its choice in the URL', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Scorecard metric');
  await request.patch(`/api/v1/projects/${project.slug}`, { data: { paperIds: ['clipa-v2'] } });
  await clientFor(baseURL!, project).upsertRun('h14', { reportedResultKey: 'clipa-v2_H14_datacomp1b_84-224-336', status: 'finished' });

  await page.goto(`/projects/${project.slug}/scorecard`);
  await page.getByLabel('Metric').selectOption('coco_t2i_r1');
  await expect(page).toHaveURL(/\?metric=coco_t2i_r1$/);
  await expect(page.getByRole('heading', { name: /MS-COCO text→image retrieval R@1/ })).toBeVisible();
  await expect(rowOf(page, 'clipa-v2_H14_datacomp1b_84-224-336')).toContainText('49.2%');
  await page.reload();
  await expect(page.getByLabel('Metric')).toHaveValue('coco_t2i_r1');
});

test('a project without target papers picks them, and an unlinked run is linked from its suggestion', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Scorecard setup');
  const client = clientFor(baseURL!, project);
  await client.upsertRun('h14-pretrain', { name: 'H/14 pre-training' });
  await client.uploadParamsTxt(
    'h14-pretrain',
    'model: ViT-H-14-CL8-Syntax-GAP\ntrain_data: /data/datacomp1b/{00000..13999}.tar\ntrain_num_samples: 400000000\nepochs: 32\nforce_image_size: [84]\n',
  );

  await page.goto(`/projects/${project.slug}/scorecard`);
  await expect(page.getByText('Which papers does this project reproduce?')).toBeVisible();
  await page.getByRole('checkbox', { name: /CLIPA-v2/ }).check();
  await page.getByRole('button', { name: 'Use these papers' }).click();
  await expect(page.getByTestId('scorecard-row')).toHaveCount(CLIPA_V2_ROWS);
  await expectCounts(page, { reproduced: 0, close: 0, not_reproduced: 0, in_progress: 0, no_run: CLIPA_V2_ROWS });

  const suggestion = page.getByTestId('unlinked-run').getByTestId('link-suggestion');
  await expect(suggestion).toContainText('clipa-v2_H14_datacomp1b_pretrain84');
  await expect(suggestion).toContainText('84 px → 36 image tokens');
  await suggestion.getByRole('button', { name: 'Link' }).click();
  await expect(rowOf(page, 'clipa-v2_H14_datacomp1b_pretrain84')).toHaveAttribute('data-verdict', 'in_progress');
  await expectCounts(page, { reproduced: 0, close: 0, not_reproduced: 0, in_progress: 1, no_run: CLIPA_V2_ROWS - 1 });
  await expect(page.getByTestId('unlinked-run')).toHaveCount(0);
});
