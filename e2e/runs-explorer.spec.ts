import { expect, test, type Page } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';

/** Six runs of three models and four batch sizes; top-1 grows with model size and batch. */
const runs = [
  { key: 'b16-bs256', model: 'ViT-B-16', batchSize: 256, worldSize: 8, top1: 0.512 },
  { key: 'b16-bs512', model: 'ViT-B-16', batchSize: 512, worldSize: 8, top1: 0.538 },
  { key: 'l14-bs512', model: 'ViT-L-14', batchSize: 512, worldSize: 16, top1: 0.611 },
  { key: 'l14-bs1024', model: 'ViT-L-14', batchSize: 1024, worldSize: 16, top1: 0.652 },
  { key: 'h14-bs1024', model: 'ViT-H-14', batchSize: 1024, worldSize: 32, top1: 0.701 },
  { key: 'h14-bs2048', model: 'ViT-H-14', batchSize: 2048, worldSize: 32, top1: 0.689 },
];

function shownRunKeys(page: Page) {
  return page.locator('tr[data-run-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-key')));
}

test('the runs explorer filters, sorts, groups, edits notes and links a selection to the compare page', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Explorer');
  const client = clientFor(baseURL!, project);
  for (const run of runs) {
    await client.upsertRun(run.key, { name: run.key });
    await client.uploadParamsTxt(run.key, `batch_size: ${run.batchSize}\nmodel: ${run.model}\nworld_size: ${run.worldSize}\nlr: 0.0005\n`);
    await client.sendMetrics(run.key, [
      { key: 'train/loss', step: 100, value: 3 - run.top1 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 100, value: run.top1 },
    ]);
    await client.upsertRun(run.key, { status: 'finished' });
  }

  await page.goto(`/projects/${project.slug}`);
  const table = page.getByRole('table', { name: 'Runs' });
  await expect(table.locator('tr[data-run-key]')).toHaveCount(6);

  // Filter by a params.txt key; the expression lands in the URL.
  const filter = page.getByRole('textbox', { name: 'Filter expression' });
  await filter.fill('batch_size >= 512');
  await expect.poll(() => shownRunKeys(page)).toEqual(['h14-bs2048', 'h14-bs1024', 'l14-bs1024', 'l14-bs512', 'b16-bs512']);
  await expect(page).toHaveURL(/filter=batch_size%20%3E%3D%20512/);
  await expect(page.getByTestId('runs-shown')).toHaveText('5 of 6 runs');

  // A broken expression says what is wrong and filters nothing.
  await filter.fill('batch_size >=');
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#run-filter-message')).toHaveText('Expected a value after ">=" at column 14');
  await filter.fill('');

  // Sort by latest top-1, highest first: ascending on the first click, descending on the second.
  const top1Header = page.getByRole('columnheader', { name: 'Zero-shot top-1' });
  await top1Header.getByRole('button').click();
  await expect(top1Header).toHaveAttribute('aria-sort', 'ascending');
  await top1Header.getByRole('button').click();
  await expect(top1Header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => shownRunKeys(page)).toEqual(['h14-bs1024', 'h14-bs2048', 'l14-bs1024', 'l14-bs512', 'b16-bs512', 'b16-bs256']);

  // Group by model: one header row per model with its count, runs still sorted inside.
  await page.getByLabel('Group by').selectOption('model');
  await expect(table.locator('tr[data-group]')).toHaveText([/ViT-B-16\s*2 runs/, /ViT-H-14\s*2 runs/, /ViT-L-14\s*2 runs/]);
  await expect.poll(() => shownRunKeys(page)).toEqual(['b16-bs512', 'b16-bs256', 'h14-bs1024', 'h14-bs2048', 'l14-bs1024', 'l14-bs512']);

  // Edit a note in place; Enter saves it, and it is still there after a reload (as is the view).
  const row = table.locator('tr[data-run-key="l14-bs512"]');
  await row.getByRole('button', { name: 'Edit notes of l14-bs512' }).click();
  const notes = row.getByRole('textbox', { name: 'Notes of l14-bs512' });
  await notes.fill('Loss spike at step 40k, resumed from checkpoint');
  const saved = page.waitForResponse((response) => response.url().endsWith('/runs/l14-bs512/annotations') && response.request().method() === 'PATCH');
  await notes.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(row.getByTestId('run-notes')).toHaveText('Loss spike at step 40k, resumed from checkpoint');
  // The address bar is written at most every 350 ms; wait for the view to be in it before reloading.
  await expect(page).toHaveURL(/\?sort=top1:desc&group=model$/);
  await page.reload();
  await expect(table.locator('tr[data-run-key="l14-bs512"]').getByTestId('run-notes')).toHaveText('Loss spike at step 40k, resumed from checkpoint');
  await expect(page.getByLabel('Group by')).toHaveValue('model');
  await expect(top1Header).toHaveAttribute('aria-sort', 'descending');

  // Select two runs: the compare link carries their keys.
  await expect(page.getByRole('link', { name: 'Compare (0)' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('checkbox', { name: 'Select b16-bs256' }).check();
  await page.getByRole('checkbox', { name: 'Select h14-bs2048' }).check();
  await expect(page.getByRole('link', { name: 'Compare (2)' })).toHaveAttribute('href', `/projects/${project.slug}/compare?runs=b16-bs256,h14-bs2048`);
  await expect(page).toHaveURL(/sel=b16-bs256,h14-bs2048/);
});

test('the CSV export holds exactly the filtered, sorted rows and the chosen columns', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Explorer CSV');
  const client = clientFor(baseURL!, project);
  for (const run of runs.slice(0, 3)) {
    await client.upsertRun(run.key, { name: run.key, notes: run.key === 'b16-bs512' ? 'lr "warm", restarted' : '' });
    await client.uploadParamsTxt(run.key, `batch_size: ${run.batchSize}\nmodel: ${run.model}\n`);
  }

  await page.goto(`/projects/${project.slug}?filter=model%20~%20ViT-B&sort=config.batch_size:desc&cols=name,config.batch_size,notes`);
  await expect(page.getByRole('table', { name: 'Runs' }).locator('tr[data-run-key]')).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${project.slug}-runs-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  let csv = '';
  for await (const chunk of await download.createReadStream()) csv += chunk;
  expect(csv).toBe('Name,batch_size,Notes\r\nb16-bs512,512,"lr ""warm"", restarted"\r\nb16-bs256,256,\r\n');
});
