/**
 * Two app processes on one PostgreSQL database, as in a lab deployment behind a reverse proxy:
 * out.log arrives in overlapping chunks through both processes at once (the same chunk sometimes
 * through both), and JSON metric batches to the same run go through both at the same time. The
 * stored points must be exactly those of the whole file plus the batches, and the out.log cursor
 * must end at the file's length with nothing pending and every line parsed once.
 * (`postgres` project only; see vitest.config.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { parseOutLog } from '@/lib/ingest/openclip/out-log-parser';
import { freshDatabaseUrl, testDialect } from '../fresh-database';
import { killHard, startRouteServer, type Child } from '../cli/child-processes';
import { signInToRouteServer } from '../cli/route-server-admin';
import { seededRandom } from '@/lib/demo/seeded-random';

const project = 'two-processes';
const runKey = 'b32-shared';
const spec: DemoRunSpec = {
  name: runKey, model: 'ViT-B-32', gpus: 8, batchSizePerGpu: 256, stepsPerEpoch: 500, epochs: 4,
  logEveryNSteps: 5, lr: 5e-4, finalTop1: 0.42, perGpuSamplesPerSecond: 500, startMs: Date.UTC(2024, 6, 1, 9), seed: 77,
};
const outLog = Buffer.from(writeDemoRun(spec).outLog);

let db: Db;
let servers: (Child & { url: string })[] = [];
let key: string;

async function request(server: string, method: string, path: string, body?: { json?: unknown; bytes?: Buffer }) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  let payload: BodyInit | undefined;
  if (body?.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.bytes) {
    headers['content-type'] = 'text/plain';
    payload = new Uint8Array(body.bytes);
  }
  const response = await fetch(`${server}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

interface SendLog {
  sends: number;
  gaps: number;
  skipped: number;
  /** The highest out.log offset a response has reported (the server has confirmed storing it). */
  acknowledged: number;
}

/** Sends out.log bytes [start, end) to one process, following 409 offset_gap like the CLI does. */
async function sendChunk(server: string, start: number, end: number, log: SendLog): Promise<void> {
  let offset = start;
  for (let attempt = 0; attempt < 200; attempt++) {
    log.sends += 1;
    // A request sent after a response confirmed offset N must find the cursor at N or beyond: two
    // unserialised cursor updates (read, then last writer wins) would move it backwards.
    const confirmed = log.acknowledged;
    const response = await request(server, 'POST', `/api/v1/projects/${project}/runs/${runKey}/out-log?offset=${offset}`, { bytes: outLog.subarray(offset, end) });
    if (response.status === 200) {
      expect(response.body.offset).toBeGreaterThanOrEqual(Math.max(end, confirmed));
      if (response.body.skippedBytes > 0) log.skipped += 1;
      log.acknowledged = Math.max(log.acknowledged, response.body.offset);
      return;
    }
    expect(response.status, `${JSON.stringify(response.body)}\n${serverOutput()}`).toBe(409);
    expect(response.body.error.code).toBe('offset_gap');
    const expected = response.body.error.details.expectedOffset as number;
    expect(expected).toBeLessThan(offset);
    expect(expected, 'the out.log cursor moved backwards').toBeGreaterThanOrEqual(confirmed);
    log.gaps += 1;
    // The other process has not stored the bytes before this chunk yet: wait a moment, then send
    // from where the server stands (which the other process may have moved on by then).
    await new Promise((resolve) => setTimeout(resolve, 5 + attempt * 2));
    offset = expected;
  }
  throw new Error(`chunk [${start}, ${end}) was refused 200 times`);
}

async function sendBatch(server: string, points: { key: string; step: number; value: number }[]) {
  const response = await request(server, 'POST', `/api/v1/projects/${project}/runs/${runKey}/metrics`, { json: { points } });
  expect(response.status, `${JSON.stringify(response.body)}\n${serverOutput()}`).toBe(200);
}

/** The end of both processes' output, for a failure message. */
function serverOutput(): string {
  return servers.map((server, index) => `--- process ${'AB'[index]} ---\n${server.output().slice(-3000)}`).join('\n');
}

beforeAll(async () => {
  const url = freshDatabaseUrl();
  db = createDb(url);
  servers = await Promise.all([startRouteServer(0, url), startRouteServer(0, url)]);
  const created = await fetch(`${servers[0]!.url}/api/v1/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signInToRouteServer(servers[0]!.url) },
    body: JSON.stringify({ name: 'Two processes', slug: project }),
  });
  expect(created.status).toBe(201);
  key = ((await created.json()) as { apiKey: { key: string } }).apiKey.key;
  expect((await request(servers[1]!.url, 'PUT', `/api/v1/projects/${project}/runs/${runKey}`, { json: {} })).status).toBeLessThan(300);
}, 60_000);

afterAll(async () => {
  for (const server of servers) await killHard(server);
  await db?.$disconnect();
});

describe('two app processes on one PostgreSQL database', () => {
  it('runs against PostgreSQL', () => {
    expect(testDialect()).toBe('postgres');
  });

  it('stores every point exactly once when both ingest into the same run at once', { timeout: 120_000 }, async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const random = seededRandom(11);

    // 60 chunks ending at random bytes (mostly mid-line), each starting up to 300 bytes before the
    // previous one ended.
    const ends = new Set<number>([outLog.length]);
    while (ends.size < 60) ends.add(1 + Math.floor(random() * (outLog.length - 1)));
    const sortedEnds = [...ends].sort((x, y) => x - y);
    const chunks = sortedEnds.map((end, index) => {
      const previousEnd = index === 0 ? 0 : sortedEnds[index - 1]!;
      return { start: Math.max(0, previousEnd - Math.floor(random() * 300)), end };
    });
    expect(chunks.filter(({ end }) => outLog[end - 1] !== 0x0a).length).toBeGreaterThan(45);

    // Metric batches of keys the log does not have: disjoint steps per process, and a shared range
    // that both processes send (the same values) at the same time.
    const batchFor = (first: number, count: number) =>
      Array.from({ length: count }, (_, i) => first + i).flatMap((step) => [
        { key: 'custom/grad-norm', step, value: Math.round(1e6 * Math.sin(step / 7)) / 1e6 },
        { key: 'custom/gpu-mem-gb', step, value: 20 + (step % 13) / 4 },
      ]);

    const log: SendLog = { sends: 0, gaps: 0, skipped: 0, acknowledged: 0 };
    for (let i = 0; i < chunks.length; i += 2) {
      const first = chunks[i]!;
      const second = chunks[i + 1];
      const round = i / 2;
      await Promise.all([
        // Each chunk through both processes at once (the second in the other order), so that the
        // two race for the same cursor, and the later chunk often arrives before the earlier one.
        sendChunk(a, first.start, first.end, log),
        sendChunk(b, first.start, first.end, log),
        ...(second ? [sendChunk(b, second.start, second.end, log), sendChunk(a, second.start, second.end, log)] : []),
        sendBatch(a, batchFor(round * 100, 40)),
        sendBatch(b, batchFor(round * 100 + 50, 40)),
        sendBatch(round % 2 === 0 ? a : b, batchFor(round * 100 + 40, 10)),
        sendBatch(round % 2 === 0 ? b : a, batchFor(round * 100 + 40, 10)),
      ]);
    }
    // Both processes really raced: some chunks arrived before their predecessor or were skipped.
    expect(log.gaps + log.skipped, JSON.stringify(log)).toBeGreaterThan(0);
    if (process.env.REPROBOARD_TEST_VERBOSE) console.log('two processes:', log);

    const whole = parseOutLog(outLog.toString('utf8'));
    const batches = new Map<string, { key: string; step: number; value: number | null }>();
    for (let round = 0; round < Math.ceil(chunks.length / 2); round++) {
      for (const point of batchFor(round * 100, 90)) batches.set(`${point.key}@${point.step}`, point);
    }
    const expected = [
      ...whole.points.map(({ key, step, value }) => ({ key, step, value: Number.isFinite(value) ? value : null })),
      ...batches.values(),
    ].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.step - y.step));

    const run = await db.run.findFirstOrThrow({ where: { key: runKey }, include: { cursors: true } });
    const stored = await db.metricPoint.findMany({ where: { runId: run.id }, orderBy: [{ key: 'asc' }, { step: 'asc' }], select: { key: true, step: true, value: true } });
    expect(stored.length).toBe(expected.length);
    expect(stored).toEqual(expected);

    const cursor = run.cursors.find((candidate) => candidate.source === 'out.log');
    expect(cursor).toMatchObject({ offset: outLog.length, pending: '', lineCount: whole.lineCount });
    expect(run.cursors.filter((candidate) => candidate.source === 'out.log')).toHaveLength(1);
  });
});
