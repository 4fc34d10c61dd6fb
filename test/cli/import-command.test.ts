import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import type { Db } from '@/lib/db/client';
import { useFreshDatabase } from '../fresh-database';
import { closedPortUrl, createProject, listen, runCliInProcess } from './cli-harness';
import { createRouteServer, hasTfeventsRoute } from './route-server';

const EVENT_FIXTURE = path.resolve('test/fixtures/tfevents/dfalbel__tfevents-js/src____tests____assets__events.out.tfevents.1687811641.v2');
const spec: DemoRunSpec = {
  name: 'b32-import', model: 'ViT-B-32', gpus: 4, batchSizePerGpu: 256, stepsPerEpoch: 120, epochs: 3,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.3, perGpuSamplesPerSecond: 600, startMs: Date.UTC(2024, 2, 5, 14), seed: 11,
};

let db: Db;
let servers: Server[] = [];
let server: string;
let legacyServer: string;
let key: string;
let root: string;
let env: Record<string, string | undefined>;

function writeRunFolder(name: string, overrides: Partial<DemoRunSpec> = {}, extra = ''): string {
  const files = writeDemoRun({ ...spec, name, ...overrides });
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'checkpoints'), { recursive: true });
  writeFileSync(path.join(dir, 'out.log'), files.outLog + extra);
  writeFileSync(path.join(dir, 'params.txt'), files.paramsTxt);
  if (files.resultsJsonl) writeFileSync(path.join(dir, 'checkpoints', 'results.jsonl'), files.resultsJsonl);
  return dir;
}

async function runOf(runKey: string) {
  return db.run.findFirstOrThrow({ where: { key: runKey }, include: { cursors: true } });
}

beforeAll(async () => {
  db = useFreshDatabase().db;
  const current = createRouteServer();
  const legacy = createRouteServer({ tfevents: false });
  servers = [current, legacy];
  server = await listen(current);
  legacyServer = await listen(legacy);
  key = await createProject(server, 'imports');
  root = mkdtempSync(path.join(os.tmpdir(), 'rb-import-'));
  env = { REPROBOARD_KEY: key, REPROBOARD_PROJECT: 'imports', REPROBOARD_STATE_DIR: path.join(root, '.state') };
});

afterAll(async () => {
  for (const each of servers) await new Promise((resolve) => each.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('reproboard import', () => {
  it('imports several runs with a progress bar and a per-file summary', async () => {
    const complete = writeRunFolder('b32-complete', {}, 'a line no parser knows\n');
    const partial = writeRunFolder('b32-partial', { stopAtFraction: 0.5, seed: 12 });
    const result = await runCliInProcess(['import', complete, partial, '--server', server], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\[#+\] 100% .* lines · done/);
    expect(result.stderr).toMatch(/b32-partial: out\.log ends before its final eval \(last eval: epoch 1 of 3\)/);
    expect(result.stdout).toMatch(/^run\s+file\s+sent\s+lines\s+points stored\s+lines not understood/);
    expect(result.stdout).toMatch(/b32-complete\s+params\.txt/);
    expect(result.stdout).toMatch(/1 line\(s\) were not understood; run with --verbose to list them/);

    const expected = parseOutLog(writeDemoRun({ ...spec, name: 'b32-complete' }).outLog).points;
    const run = await runOf('b32-complete');
    expect(run.status).toBe('finished');
    expect(await db.metricPoint.count({ where: { runId: run.id, key: 'train/loss' } })).toBe(expected.filter((point) => point.key === 'train/loss').length);
    const outLogRow = result.stdout.split('\n').find((line) => line.includes('out.log'))!;
    expect(outLogRow).toContain(expected.length.toLocaleString('en-US'));
    expect(run.cursors.find((cursor) => cursor.source === 'out.log')?.offset).toBe(Buffer.byteLength(writeDemoRun({ ...spec, name: 'b32-complete' }).outLog) + 'a line no parser knows\n'.length);
  });

  it('skips what the server already has when run again', async () => {
    const dir = path.join(root, 'b32-complete');
    const before = await db.metricPoint.count();
    const result = await runCliInProcess(['import', dir, '--server', server], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/out\.log\s+0 B\s+0\s+0\s+0\s+already on the server/);
    expect(await db.metricPoint.count()).toBe(before);
  });

  it('lists the lines not understood with --verbose', async () => {
    const dir = writeRunFolder('b32-verbose', {}, 'a line no parser knows\n');
    const result = await runCliInProcess(['import', dir, '--server', server, '--verbose'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Lines not understood \(first 1\):\n {2}b32-verbose out\.log:\d+ \(.+\): a line no parser knows\n/);
  });

  it('sends TensorBoard event files when the server takes them', async (context) => {
    if (!existsSync(EVENT_FIXTURE) || !(await hasTfeventsRoute())) return context.skip();
    const dir = writeRunFolder('b32-events');
    mkdirSync(path.join(dir, 'tensorboard'));
    copyFileSync(EVENT_FIXTURE, path.join(dir, 'tensorboard', 'events.out.tfevents.1687811641.v2'));
    const result = await runCliInProcess(['import', dir, '--server', server], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tensorboard\/events\.out\.tfevents\.1687811641\.v2/);
    const cursor = (await runOf('b32-events')).cursors.find((each) => each.source === 'tensorboard/events.out.tfevents.1687811641.v2');
    expect(cursor?.offset).toBe(readFileSync(EVENT_FIXTURE).length);
  });

  it('warns once and carries on when the server has no tfevents route', async () => {
    const dirs = ['b32-legacy-1', 'b32-legacy-2'].map((name) => {
      const dir = writeRunFolder(name);
      mkdirSync(path.join(dir, 'tensorboard'));
      writeFileSync(path.join(dir, 'tensorboard', 'events.out.tfevents.1700000000.node1.42.0'), Buffer.alloc(64, 7));
      return dir;
    });
    const result = await runCliInProcess(['import', ...dirs, '--server', legacyServer], env);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/does not accept TensorBoard event files/g)).toHaveLength(1);
    expect((await runOf('b32-legacy-2')).status).toBe('finished');
  });

  it('names an unreadable file and still imports the other runs', async () => {
    const broken = path.join(root, 'b32-broken');
    mkdirSync(path.join(broken, 'out.log'), { recursive: true });
    writeFileSync(path.join(broken, 'params.txt'), 'epochs: 3\n');
    const fine = writeRunFolder('b32-fine');
    const result = await runCliInProcess(['import', broken, fine, '--server', server], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: b32-broken: cannot read .*b32-broken\/out\.log: EISDIR \(it is a directory/);
    expect((await runOf('b32-fine')).status).toBe('finished');
  });

  it('says what to do about a bad key, an unknown project and an unreachable server', async () => {
    const dir = path.join(root, 'b32-complete');
    const badKey = await runCliInProcess(['import', dir, '--server', server, '--key', 'rb_wrong'], env);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/error: the server refused the API key .*\n {2}→ check the key: REPROBOARD_KEY or --key/);

    const unknownProject = await runCliInProcess(['import', dir, '--server', server, '--project', 'nope'], env);
    expect(unknownProject.code).toBe(1);
    expect(unknownProject.stderr).toMatch(/error: project nope does not exist on http:\/\/127\.0\.0\.1:\d+\n {2}→ create it in the UI/);

    const offline = await closedPortUrl();
    const started = Date.now();
    const unreachable = await runCliInProcess(['import', dir, '--server', offline], env);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`error: server unreachable at ${offline} (ECONNREFUSED)\n  → is it running? (npm start)`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
