/**
 * The watcher against real processes: a route server that is SIGKILLed and restarted on the same
 * database, and a CLI that is SIGKILLed and restarted, while out.log grows in pieces (one ending in
 * the middle of a line). The stored points must be exactly those of the whole file: none lost,
 * none duplicated, and the server's byte stream must equal the file.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { freshDatabaseUrl } from '../fresh-database';
import { createProject } from './cli-harness';
import { killHard, startCli, startRouteServer, waitFor, type Child } from './child-processes';

const spec: DemoRunSpec = {
  name: 'b16-watch', model: 'ViT-B-16', gpus: 8, batchSizePerGpu: 128, stepsPerEpoch: 300, epochs: 3,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.35, perGpuSamplesPerSecond: 400, startMs: Date.UTC(2024, 4, 1, 8), seed: 21,
};
const files = writeDemoRun(spec);
const outLog = Buffer.from(files.outLog);

let databaseUrl: string;
let db: Db;
let root: string;
let runDir: string;
let server: Child & { url: string };
let key: string;
const children: Child[] = [];
let written = 0;

function append(upTo: number) {
  appendFileSync(path.join(runDir, 'out.log'), outLog.subarray(written, upTo));
  written = upTo;
}

async function outLogCursor() {
  const run = await db.run.findFirst({ where: { key: spec.name }, include: { cursors: true } });
  return run?.cursors.find((cursor) => cursor.source === 'out.log');
}

async function waitUntilServerHas(bytes: number, what: string) {
  await waitFor(async () => (await outLogCursor())?.offset === bytes, 25_000, () => `${what}: server has ${JSON.stringify(children.map((child) => child.output().slice(-2000)))}`);
}

function cli(): Child {
  const child = startCli(
    ['watch', runDir, '--server', server.url, '--project', 'watching', '--interval', '0.2', '--grace', '1', '--heartbeat', '1', '--no-tensorboard'],
    { REPROBOARD_KEY: key, REPROBOARD_STATE_DIR: path.join(root, 'state') },
  );
  children.push(child);
  return child;
}

async function restartServer(port: number) {
  server = await startRouteServer(port, databaseUrl);
  children.push(server);
}

function normalise(points: { key: string; step: number; epoch: number | null; samplesSeen: number | null; wallTime: number | null; value: number | null; nonFinite?: string | null }[]) {
  return points
    .map(({ key, step, epoch, samplesSeen, wallTime, value }) => ({ key, step, epoch, samplesSeen, wallTime, value }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));
}

beforeAll(async () => {
  databaseUrl = freshDatabaseUrl();
  db = createDb(databaseUrl);
  root = mkdtempSync(path.join(os.tmpdir(), 'rb-watch-'));
  runDir = path.join(root, spec.name);
  mkdirSync(runDir);
  await restartServer(0);
  key = await createProject(server.url, 'watching');
});

afterAll(async () => {
  for (const child of children) await killHard(child);
  await db.$disconnect();
  rmSync(root, { recursive: true, force: true });
});

describe('reproboard watch', () => {
  it('stores every point exactly once through server and CLI kills', { timeout: 90_000 }, async () => {
    const port = Number(new URL(server.url).port);
    // Cut points: the second ends 7 bytes before a newline, so a line is split across writes
    // and stays split while the server is killed and restarted.
    const splitAt = outLog.indexOf(0x0a, Math.floor(outLog.length * 0.2)) - 7;
    const cuts = [0.08, splitAt / outLog.length, 0.35, 0.5, 0.62, 0.8].map((fraction) => Math.floor(outLog.length * fraction));
    expect(outLog[cuts[1]! - 1]).not.toBe(0x0a);

    writeFileSync(path.join(runDir, 'params.txt'), files.paramsTxt);
    writeFileSync(path.join(runDir, 'out.log'), '');
    let watcher = cli();
    append(cuts[0]!);
    append(cuts[1]!);
    await waitUntilServerHas(cuts[1]!, 'first pieces');
    expect((await outLogCursor())?.pending).not.toBe('');

    await killHard(server);
    append(cuts[2]!);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await restartServer(port);
    await waitUntilServerHas(cuts[2]!, 'after the server restart');
    expect(watcher.output()).toMatch(/server unreachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); retrying in/);

    append(cuts[3]!);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await killHard(watcher);
    append(cuts[4]!);
    watcher = cli();
    await waitUntilServerHas(cuts[4]!, 'after the CLI restart');
    expect(watcher.output()).toMatch(/resuming: the server has/);

    append(cuts[5]!);
    await killHard(server);
    await restartServer(port);
    append(outLog.length);
    const code = await Promise.race([watcher.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    expect(code, watcher.output()).toBe(0);
    expect(watcher.output()).toMatch(/marked finished: the final eval \(epoch 3\) was written and nothing grew/);

    const run = await db.run.findFirstOrThrow({ where: { key: spec.name }, include: { cursors: true } });
    const stored = await db.metricPoint.findMany({ where: { runId: run.id } });
    const expected = parseOutLog(files.outLog).points;
    expect(normalise(stored)).toEqual(normalise(expected.map((point) => ({ ...point, value: Number.isFinite(point.value) ? point.value : null }))));
    expect(stored).toHaveLength(expected.length);

    const cursor = run.cursors.find((each) => each.source === 'out.log')!;
    expect(cursor.offset).toBe(outLog.length);
    expect(cursor.pending).toBe('');
    expect(cursor.lineCount).toBe(files.outLog.split('\n').length - 1);
    expect(run.status).toBe('finished');
    expect(run.epochs).toBe(3);
    expect(run.lastHeartbeatAt).not.toBeNull();
  });
});
