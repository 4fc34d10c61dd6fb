import { expect, test, type Page } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';

/** Each payload would set window.__xss or open a dialog if the page ever rendered it as HTML. */
const SCRIPT = '<script>window.__xss = "script"</script>';
const IMG = '<img src=x onerror="window.__xss = \'img\'">';
const SVG = '<svg onload="window.__xss = \'svg\'"></svg>';
const LINK = 'javascript:window.__xss="href"';

function watchForExecution(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test('user text is rendered as text: run names, notes, tags, config values and paper names never execute', async ({ page, request, baseURL }) => {
  const dialogs = watchForExecution(page);
  const project = await createTestProject(request, 'XSS');
  const client = clientFor(baseURL!, project);
  const runKey = 'xss-run';
  await client.upsertRun(runKey, { name: `B/16 ${IMG}`, tags: [SCRIPT.slice(0, 40), 'ok'], status: 'finished' });
  await client.uploadParamsTxt(runKey, `model: ViT-B-16\nname: ${SVG}\nlogs: ${LINK}\nbatch_size: 256\n`);
  const annotated = await request.patch(`/api/v1/projects/${project.slug}/runs/${runKey}/annotations`, {
    data: { notes: `${SCRIPT} ${IMG} alert("notes")` },
  });
  expect(annotated.status()).toBe(200);

  await page.goto(`/projects/${project.slug}`);
  const row = page.locator(`tr[data-run-key="${runKey}"]`);
  await expect(row).toContainText(`B/16 ${IMG}`);
  await expect(row).toContainText('alert("notes")');
  await expectInert(page, dialogs);

  await page.goto(`/projects/${project.slug}/runs/${runKey}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(IMG);
  // The config table may be folded away; the value is there as text either way.
  await expect(page.getByText(SVG).first()).toBeAttached();
  expect(await page.getByText(SVG).first().textContent()).toBe(SVG);
  await expectInert(page, dialogs);

  const paper = `XSS paper ${IMG}`;
  const suffix = Date.now().toString(36);
  const csv = [
    'result_key,plot_primary,paper,source,model,pretrain_dataset,samples_seen,zeroshot_in1k_top1',
    `xss-${suffix}_B16,1,"${paper.replaceAll('"', '""')}","${SCRIPT.replaceAll('"', '""')}",B/16,CC12M,1280000000,61.25`,
  ].join('\n');
  const imported = await request.post(`/api/v1/papers/import?fileName=${encodeURIComponent(`${SVG}.csv`)}`, {
    data: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(imported.status()).toBe(201);
  await page.goto('/papers');
  await expect(page.getByRole('table', { name: 'Papers', exact: true })).toContainText(paper);
  await expectInert(page, dialogs);
  await page.getByRole('link', { name: paper }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(paper);
  await expect(page.getByText(SCRIPT).first()).toBeAttached();
  await expectInert(page, dialogs);
});
