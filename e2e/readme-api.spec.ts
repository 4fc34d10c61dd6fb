import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeDemoRun } from '@/lib/demo/openclip-run-writer';
import { E2E_ADMIN } from './support/test-database';

/** The ```sh blocks of the README's API section, in order. */
function readmeApiBlocks(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## API'), readme.indexOf('\n## ', readme.indexOf('## API') + 5));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** Splits a block into its commands: each starts at a comment line. */
function commandsOf(block: string): string[] {
  return block
    .split(/\n(?=# )/)
    .map((command) => command.trim())
    .filter((command) => command.split('\n').some((line) => line && !line.startsWith('#')));
}

test('the README API examples work as written against a live server', async ({ request, baseURL }) => {
  const blocks = readmeApiBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const folder = mkdtempSync(path.join(tmpdir(), 'reproboard-readme-'));
  const files = writeDemoRun({
    name: 'readme', model: 'ViT-H-14', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 50, epochs: 2,
    logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.5, perGpuSamplesPerSecond: 300, startMs: Date.UTC(2026, 0, 1), seed: 2,
  });
  mkdirSync(path.join(folder, 'checkpoints'));
  writeFileSync(path.join(folder, 'out.log'), files.outLog);
  writeFileSync(path.join(folder, 'params.txt'), files.paramsTxt);
  writeFileSync(path.join(folder, 'checkpoints', 'results.jsonl'), files.resultsJsonl);

  const run = (script: string, env: Record<string, string>) =>
    execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: folder, env: { ...process.env, REPROBOARD: baseURL!, ...env }, encoding: 'utf8' });

  const created = JSON.parse(run(blocks[0]!, { EMAIL: E2E_ADMIN.email, PASSWORD: E2E_ADMIN.password })) as { project: { slug: string }; apiKey: { key: string } };
  const env = { PROJECT: created.project.slug, KEY: created.apiKey.key };
  const outputs = commandsOf(blocks.slice(1).join('\n')).map((command) => JSON.parse(run(command, env)) as Record<string, unknown>);
  for (const output of outputs) expect(output).not.toHaveProperty('error');

  const series = outputs.at(-1) as { series: { key: string; points: unknown[] }[] };
  const trainLines = files.outLog.split('\n').filter((line) => line.includes('Train Epoch:')).length;
  expect(series.series.find((item) => item.key === 'train/loss')!.points).toHaveLength(trainLines);
  expect(series.series.find((item) => item.key === 'val/imagenet-zeroshot-val-top1')!.points).toHaveLength(2);

  const detail = await (await request.get(`/api/v1/projects/${env.PROJECT}/runs/h14-i36-t8`)).json();
  expect(detail.run).toMatchObject({ status: 'finished', model: 'ViT-H-14', tags: ['h14'] });
  expect(detail.run.metricKeys.map((item: { key: string }) => item.key)).toContain('custom/grad_norm');
});

test('the OpenAPI document describes the ingestion routes', async ({ request }) => {
  const document = await (await request.get('/api/v1/openapi.json')).json();
  expect(document.openapi).toBe('3.1.0');
  const outLog = document.paths['/projects/{project}/runs/{run}/out-log'].post;
  expect(outLog.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['project', 'run', 'offset']);
  const batch = document.paths['/projects/{project}/runs/{run}/metrics'].post.requestBody.content['application/json'].schema;
  expect(batch.properties.points.items.required).toEqual(expect.arrayContaining(['key', 'step', 'value']));
});
