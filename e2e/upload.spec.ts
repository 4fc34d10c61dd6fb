import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { runDetailSchema } from '@/lib/schemas/run';
import { createTestProject } from './support/api';

// One line per step over 45,000 steps: about 9.8 MB of out.log, so three 4 MiB chunks.
const spec: DemoRunSpec = {
  name: 'vit-b-32-browser-upload', model: 'ViT-B-32', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 15_000, epochs: 3,
  logEveryNSteps: 1, lr: 5e-4, finalTop1: 0.58, perGpuSamplesPerSecond: 1200, startMs: Date.UTC(2026, 11, 1, 9), seed: 11,
};

function writeRunFolder(): { dir: string; outLog: string } {
  const files = writeDemoRun(spec);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'reproboard-upload-')), spec.name);
  mkdirSync(path.join(dir, 'checkpoints'), { recursive: true });
  writeFileSync(path.join(dir, 'out.log'), files.outLog);
  writeFileSync(path.join(dir, 'params.txt'), files.paramsTxt);
  writeFileSync(path.join(dir, 'checkpoints', 'results.jsonl'), files.resultsJsonl);
  writeFileSync(path.join(dir, 'checkpoints', 'epoch_3.pt'), 'not a real checkpoint');
  return { dir, outLog: files.outLog };
}

test.describe.configure({ timeout: 240_000 });

test('a run folder dropped into the browser uploads in chunks with progress and shows its curves', async ({ page, request }) => {
  const project = await createTestProject(request, 'Upload');
  const { dir, outLog } = writeRunFolder();
  expect(Buffer.byteLength(outLog)).toBeGreaterThan(2 * 4 * 1024 * 1024);

  try {
    await page.goto(`/projects/${project.slug}`);
    const panel = page.getByRole('region', { name: 'Upload a run folder' });
    await panel.getByText('Upload a run folder', { exact: true }).click();

    await panel.getByLabel('Project API key').fill('rb_not-a-real-key');
    await panel.getByRole('button', { name: 'Use key' }).click();
    await expect(panel.getByRole('alert')).toContainText('unknown or revoked');
    await panel.getByLabel('Project API key').fill(project.key);
    await panel.getByRole('button', { name: 'Use key' }).click();
    await expect(panel.getByText('remembered in this tab only')).toBeVisible();

    await panel.getByLabel('Run folder').setInputFiles(dir);
    await expect(panel.getByRole('list', { name: 'Files to upload' })).toContainText('checkpoints/results.jsonl');
    await expect(panel.getByRole('list', { name: 'Ignored files' })).toContainText('checkpoints/epoch_3.pt');
    await expect(panel.getByLabel('Run key')).toHaveValue(spec.name);

    const chunkRequests: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/out-log?offset=')) chunkRequests.push(new URL(sent.url()).searchParams.get('offset')!);
    });
    await panel.getByRole('button', { name: 'Upload', exact: true }).click();
    const bar = panel.getByRole('progressbar', { name: 'Upload progress' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 180_000 });
    expect(chunkRequests.length).toBeGreaterThanOrEqual(3);
    expect(chunkRequests[0]).toBe('0');

    const expected = parseOutLog(outLog).points;
    await expect(panel.getByTestId('upload-counts')).toContainText('points stored');
    const link = panel.getByRole('link', { name: `Open run ${spec.name}` });
    await expect(link).toHaveAttribute('href', `/projects/${project.slug}/runs/${encodeURIComponent(spec.name)}`);

    const detail = await request.get(`/api/v1/projects/${project.slug}/runs/${encodeURIComponent(spec.name)}`);
    const run = runDetailSchema.parse(((await detail.json()) as { run: unknown }).run);
    expect(run.status).toBe('finished');
    const stored = new Map(run.metricKeys.map(({ key, count }) => [key, count]));
    const parsed = new Map<string, number>();
    for (const point of expected) parsed.set(point.key, (parsed.get(point.key) ?? 0) + 1);
    for (const [key, count] of parsed) expect({ key, count: stored.get(key) }).toEqual({ key, count });

    await link.click();
    await expect(page.getByRole('heading', { name: spec.name })).toBeVisible();
    const chart = page.getByTestId('chart-train/loss');
    await expect(chart.locator('path.recharts-curve').first()).toBeVisible();
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
