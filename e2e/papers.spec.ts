import { expect, test, type Page } from '@playwright/test';

const HEADER = 'result_key,plot_primary,paper,source,model,pretrain_dataset,samples_seen,zeroshot_in1k_top1';

function labCsv(paper: string, suffix: string, top1: string): string {
  return [
    HEADER,
    `e2e-${suffix}_B16,1,${paper},"${paper} paper, Table 2",B/16,CC12M,1280000000,61.25`,
    `e2e-${suffix}_L14,1,${paper},"${paper} paper, Table 2",L/14,CC12M,1280000000,${top1}`,
  ].join('\n');
}

function resultRow(page: Page, resultKey: string) {
  return page.locator(`tr[data-result-key="${resultKey}"]`);
}

test('a paper page lists each reported result with its source, and shows both values where sources disagree', async ({ page }) => {
  await page.goto('/papers');
  const papers = page.getByRole('table', { name: 'Papers', exact: true });
  await expect(papers.getByRole('row', { name: /CLIPA-v2/ })).toContainText('reference data');
  await papers.getByRole('link', { name: 'CLIPA-v2', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CLIPA-v2' })).toBeVisible();

  const h14 = resultRow(page, 'clipa-v2_H14_datacomp1b_84-224-336');
  await expect(h14.locator('td[data-metric="zeroshot_in1k_top1"]')).toHaveText('81.8');
  await expect(h14.getByTestId('result-source')).toContainText('CLIPA_V2.pdf');
  await expect(h14.getByTestId('result-source')).toContainText('Table 4');
  await expect(h14).toContainText('$13,613');

  // bigG/14: clipa_torch/README.md (primary) says 82.7, clipa_jax/README.MD says 82.5.
  const bigG = resultRow(page, 'clipa-v2_bigG14_datacomp1b_84-224');
  await expect(bigG.locator('td[data-metric="zeroshot_in1k_top1"]')).toContainText('82.7');
  await expect(bigG.getByTestId('result-source')).toContainText('clipa_torch/README.md');
  await expect(bigG.getByRole('img', { name: /82\.5 in .*clipa_jax\/README\.MD/ })).toBeVisible();
  await bigG.getByRole('button', { name: /2 other sources/ }).click();
  const others = page.locator('tr[data-other-sources-for="clipa-v2_bigG14_datacomp1b_84-224"]');
  await expect(others).toContainText('clipa_jax/README.MD');
  await expect(others.getByText('IN-1k: 82.5 (primary 82.7)')).toBeVisible();
});

test('a CSV import is all or nothing: a bad row is reported by line and column, a good file adds the paper', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const paper = `E2E Lab ${suffix}`;
  await page.goto('/papers');
  const papers = page.getByRole('table', { name: 'Papers', exact: true });
  await expect(papers.getByRole('row', { name: /CLIPA-v2/ })).toBeVisible();

  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(labCsv(paper, suffix, '6O.1')) });
  await expect(page.getByLabel(/CSV text/)).toHaveValue(/6O\.1/);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = page.getByRole('table', { name: 'Problems in the CSV' });
  const problem = problems.getByRole('row').filter({ hasText: 'zeroshot_in1k_top1' });
  await expect(problem.getByRole('cell').first()).toHaveText('3');
  await expect(problem).toContainText('"6O.1" is not a number');
  await expect(page.getByRole('form', { name: 'Import results' }).getByRole('alert')).toContainText('line 3, column "zeroshot_in1k_top1"');
  await expect(papers).not.toContainText(paper);

  await page.getByLabel(/CSV text/).fill(labCsv(paper, suffix, '60.1'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(`Imported 2 results into ${paper} (new)`);
  const added = papers.getByRole('row', { name: new RegExp(paper) });
  await expect(added).toContainText('added by lab');
  await expect(added.getByRole('cell').last()).toHaveText('2');

  await added.getByRole('link', { name: paper }).click();
  await expect(page.getByRole('heading', { level: 1, name: paper })).toBeVisible();
  const b16 = resultRow(page, `e2e-${suffix}_B16`);
  await expect(b16.locator('td[data-metric="zeroshot_in1k_top1"]')).toHaveText('61.25');

  // Tolerance: an invalid value is refused in place; a valid one is saved and survives a reload.
  const tolerance = b16.getByRole('spinbutton', { name: /Tolerance/ });
  await expect(tolerance).toHaveValue('0.5');
  await tolerance.fill('0');
  await tolerance.press('Enter');
  await expect(b16.getByRole('alert')).toContainText('greater than 0');
  await tolerance.fill('1.25');
  const saved = page.waitForResponse((response) => response.url().includes('/api/v1/reported-results/') && response.request().method() === 'PATCH');
  await tolerance.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(b16.getByRole('alert')).toHaveCount(0);
  await expect(tolerance).toHaveValue('1.25');
  await page.reload();
  await expect(resultRow(page, `e2e-${suffix}_B16`).getByRole('spinbutton', { name: /Tolerance/ })).toHaveValue('1.25');
});
