import { expect, test } from '@playwright/test';
import { sendOutLog } from '@/lib/client/reproboard-client';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { clientFor, createTestProject } from './support/api';

const spec: DemoRunSpec = {
  name: 'vit-b-16-i50-t16', model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 512, stepsPerEpoch: 100, epochs: 3,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.632, perGpuSamplesPerSecond: 900, startMs: Date.UTC(2026, 10, 30, 8), seed: 7,
};

function lastTop1Percent(outLog: string): string {
  const evals = [...outLog.matchAll(/imagenet-zeroshot-val-top1: ([\d.]+)/g)];
  return `${(Number(evals.at(-1)![1]) * 100).toFixed(1)}%`;
}

test('a run sent through the HTTP API appears with its latest accuracy and its training curves', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Curves');
  const client = clientFor(baseURL!, project);
  const files = writeDemoRun(spec);
  await client.upsertRun(spec.name, { name: spec.name });
  await client.uploadParamsTxt(spec.name, files.paramsTxt);
  await sendOutLog(client, spec.name, files.outLog, 4096);
  await client.uploadResultsJsonl(spec.name, files.resultsJsonl);
  await client.upsertRun(spec.name, { status: 'finished' });

  await page.goto(`/projects/${project.slug}`);
  const row = page.getByRole('row', { name: new RegExp(spec.name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('ViT-B-16');
  await expect(row).toContainText(lastTop1Percent(files.outLog));

  await row.getByRole('link', { name: spec.name }).click();
  await expect(page.getByRole('heading', { name: spec.name })).toBeVisible();
  for (const metric of ['train/loss', 'train/lr', 'val/imagenet-zeroshot-val-top1']) {
    const chart = page.getByTestId(`chart-${metric}`);
    await expect(chart.locator('path.recharts-curve').first()).toBeVisible();
    const d = await chart.locator('path.recharts-curve').first().getAttribute('d');
    // A drawn line has many segments, not a single move-to.
    expect((d ?? '').split('L').length).toBeGreaterThan(2);
  }
});

test('a running run updates on screen as new log lines arrive, without a reload', async ({ page, request, baseURL }) => {
  const project = await createTestProject(request, 'Live');
  const client = clientFor(baseURL!, project);
  const files = writeDemoRun(spec);
  const firstEpochEnd = files.outLog.indexOf('Eval Epoch: 2');
  await client.upsertRun(spec.name, { name: spec.name });
  await client.sendOutLogChunk(spec.name, 0, files.outLog.slice(0, firstEpochEnd));

  await page.goto(`/projects/${project.slug}`);
  const row = page.getByRole('row', { name: new RegExp(spec.name) });
  await expect(row).toContainText(/running/i);
  const firstTop1 = /imagenet-zeroshot-val-top1: ([\d.]+)/.exec(files.outLog)![1]!;
  await expect(row).toContainText(`${(Number(firstTop1) * 100).toFixed(1)}%`);

  await sendOutLog(client, spec.name, files.outLog);
  await expect(row).toContainText(lastTop1Percent(files.outLog), { timeout: 20_000 });
});
