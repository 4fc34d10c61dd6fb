/** How `watch` ends: one pass, an exited trainer, Ctrl-C; and heartbeats while nothing is logged. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import type { Db } from '@/lib/db/client';
import { useFreshDatabase } from '../fresh-database';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { waitFor } from './child-processes';
import { createProject, listen, runCliInProcess } from './cli-harness';
import { createRouteServer } from './route-server';

const spec: DemoRunSpec = {
  name: 'l14', model: 'ViT-L-14', gpus: 8, batchSizePerGpu: 64, stepsPerEpoch: 50, epochs: 4,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.4, perGpuSamplesPerSecond: 200, startMs: Date.UTC(2024, 5, 1), seed: 8,
};

let db: Db;
let httpServer: Server;
let server: string;
let root: string;
let env: Record<string, string>;

function writeRunFolder(name: string, overrides: Partial<DemoRunSpec> = {}): string {
  const files = writeDemoRun({ ...spec, name, ...overrides });
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'out.log'), files.outLog);
  writeFileSync(path.join(dir, 'params.txt'), files.paramsTxt);
  return dir;
}

const watch = (dir: string, ...flags: string[]) => ['watch', dir, '--server', server, '--interval', '0.1', '--no-tensorboard', ...flags];
const runOf = (key: string) => db.run.findFirstOrThrow({ where: { key } });

beforeAll(async () => {
  db = useFreshDatabase().db;
  httpServer = createRouteServer();
  server = await listen(httpServer);
  root = mkdtempSync(path.join(os.tmpdir(), 'rb-watch-cmd-'));
  env = { REPROBOARD_KEY: await createProject(server, 'watch-cmd'), REPROBOARD_PROJECT: 'watch-cmd', REPROBOARD_STATE_DIR: path.join(root, '.state') };
});

afterAll(async () => {
  await new Promise((resolve) => httpServer.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('reproboard watch', () => {
  it('--once sends what is there and marks the run finished', async () => {
    const result = await runCliInProcess(watch(writeRunFolder('l14-once'), '--once'), env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/run l14-once marked finished: one pass requested \(--once\)/);
    expect(await runOf('l14-once')).toMatchObject({ status: 'finished', epochs: 4 });
  });

  it('marks the run crashed when the watched trainer exits before its final eval', async () => {
    const trainer = spawnSync(process.execPath, ['-e', '']);
    expect(trainer.status).toBe(0);
    const dir = writeRunFolder('l14-crash', { stopAtFraction: 0.6 });
    const result = await runCliInProcess(watch(dir, '--finish-on-exit', String(trainer.pid), '--no-finish'), env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/marked crashed: the training process exited before its final eval \(reached epoch 2 of 4\)/);
    expect((await runOf('l14-crash')).status).toBe('crashed');
  });

  it('keeps sending heartbeats while nothing is logged, and Ctrl-C leaves the run running', async () => {
    const dir = writeRunFolder('l14-quiet', { stopAtFraction: 0.5 });
    const controller = new AbortController();
    const running = runCliInProcess(watch(dir, '--heartbeat', '0.2'), env, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const first = (await runOf('l14-quiet')).lastHeartbeatAt!;
    await new Promise((resolve) => setTimeout(resolve, 800));
    const later = (await runOf('l14-quiet')).lastHeartbeatAt!;
    controller.abort(new DOMException('SIGINT', 'AbortError'));
    const result = await running;
    expect(later.getTime()).toBeGreaterThan(first.getTime());
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/stopped; the run is left as it is/);
    expect((await runOf('l14-quiet')).status).toBe('running');
  });

  it('pauses heartbeats after --max-silence so a hung trainer shows as stale', async () => {
    const dir = writeRunFolder('l14-hung', { stopAtFraction: 0.5 });
    const controller = new AbortController();
    const running = runCliInProcess(watch(dir, '--heartbeat', '0.1', '--max-silence', '0.3'), env, controller.signal);
    // The first sync may take a while on a busy machine: wait until the heartbeat stops moving
    // (heartbeats every 0.1 s would move it between two reads 0.5 s apart), then check it stays.
    const deadline = Date.now() + 15_000;
    const heartbeatOf = async () => (await db.run.findFirst({ where: { key: 'l14-hung' } }))?.lastHeartbeatAt?.getTime();
    let paused = await heartbeatOf();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await heartbeatOf();
      if (now !== undefined && now === paused) break;
      if (Date.now() > deadline) throw new Error('heartbeats never paused after --max-silence');
      paused = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    controller.abort(new DOMException('SIGTERM', 'AbortError'));
    const result = await running;
    expect((await runOf('l14-hung')).lastHeartbeatAt?.getTime()).toBe(paused);
    expect(result.stderr).toMatch(/heartbeats paused so the dashboard can show the run as stale/);
    expect(result.code).toBe(143);
  });

  it('re-creates a run deleted while it is watched and sends its files again', async () => {
    const full = writeDemoRun({ ...spec, name: 'l14-deleted' }).outLog;
    const half = writeDemoRun({ ...spec, name: 'l14-deleted', stopAtFraction: 0.5 }).outLog;
    const dir = writeRunFolder('l14-deleted', { stopAtFraction: 0.5 });
    const cursorOf = async () => (await db.run.findFirst({ where: { key: 'l14-deleted' }, include: { cursors: true } }))?.cursors.find((cursor) => cursor.source === 'out.log');
    const controller = new AbortController();
    const running = runCliInProcess(watch(dir, '--no-finish'), env, controller.signal);
    await waitFor(async () => (await cursorOf())?.offset === Buffer.byteLength(half), 10_000, () => 'first half not sent');
    await db.run.delete({ where: { id: (await runOf('l14-deleted')).id } });
    appendFileSync(path.join(dir, 'out.log'), full.slice(half.length));
    await waitFor(async () => (await cursorOf())?.offset === Buffer.byteLength(full), 10_000, () => 'not re-sent');
    await waitFor(async () => (await runOf('l14-deleted')).config !== null, 10_000, () => 'params.txt not re-sent');
    controller.abort(new DOMException('SIGINT', 'AbortError'));
    const result = await running;
    expect(result.stderr).toMatch(/run l14-deleted was gone from the server; re-created it/);
    const run = await runOf('l14-deleted');
    expect(await db.metricPoint.count({ where: { runId: run.id } })).toBe(parseOutLog(full).points.length);
  });
});
