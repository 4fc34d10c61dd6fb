/**
 * Request limits: body size, lines per chunk, points per batch and requests per key per minute.
 * Each refusal is a 413 or 429 whose message names the limit, its value and the setting that
 * raises it, and leaves the stored data exactly as it was.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute, type CallOptions, type CallResult } from '../route-caller';
import { snapshotStoredData } from '../stored-data';
import * as runRoute from '@/app/api/v1/projects/[project]/runs/[run]/route';
import * as outLogRoute from '@/app/api/v1/projects/[project]/runs/[run]/out-log/route';
import * as paramsRoute from '@/app/api/v1/projects/[project]/runs/[run]/params-txt/route';
import * as resultsRoute from '@/app/api/v1/projects/[project]/runs/[run]/results-jsonl/route';
import * as metricsRoute from '@/app/api/v1/projects/[project]/runs/[run]/metrics/route';
import * as tfeventsRoute from '@/app/api/v1/projects/[project]/runs/[run]/tfevents/[file]/route';
import * as clipBenchmarkRoute from '@/app/api/v1/projects/[project]/runs/[run]/clip-benchmark/route';
import * as annotationsRoute from '@/app/api/v1/projects/[project]/runs/[run]/annotations/route';
import { countApiKeyRequest } from '@/lib/db/api-key-rate';
import { createApiKey } from '@/lib/db/api-keys';
import { createDb, type Db } from '@/lib/db/client';
import { createProject } from '@/lib/db/projects';
import { apiErrorBodySchema } from '@/lib/schemas/error';

let db: Db;
let key: string;
let projectId: string;
const project = 'limits';
const run = 'r1';
const params = { project, run };

const LIMIT_SETTINGS = [
  'REPROBOARD_MAX_LOG_CHUNK_BYTES',
  'REPROBOARD_MAX_JSON_BYTES',
  'REPROBOARD_MAX_LINES_PER_CHUNK',
  'REPROBOARD_MAX_POINTS_PER_BATCH',
  'REPROBOARD_RATE_LIMIT_PER_MINUTE',
] as const;

function setLimits(values: Partial<Record<(typeof LIMIT_SETTINGS)[number], number>>): void {
  for (const [name, value] of Object.entries(values)) process.env[name] = String(value);
}

beforeAll(async () => {
  db = useFreshDatabase().db;
  const created = await createProject(db, { name: 'Limits', slug: project });
  key = created.apiKey.key;
  projectId = created.project.id;
  expect((await callRoute(runRoute.PUT, 'PUT', { params, key, json: { name: 'limits' } })).status).toBe(201);
  // Something stored already, so "unchanged" compares real rows.
  const seeded = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [{ key: 'train/loss', step: 1, value: 2.5 }] } });
  expect(seeded.status).toBe(200);
});

afterEach(() => {
  for (const name of LIMIT_SETTINGS) delete process.env[name];
  vi.useRealTimers();
});

/** Calls a route and checks that it answered `status` with the one error shape, storing nothing. */
async function expectRefused(status: number, call: () => Promise<CallResult>) {
  const before = await snapshotStoredData(db);
  const response = await call();
  expect(response.status).toBe(status);
  const body = apiErrorBodySchema.parse(response.body);
  expect(await snapshotStoredData(db)).toBe(before);
  return body.error;
}

const lines = (count: number, text = 'nohup: ignoring input') => `${`${text}\n`.repeat(count)}`;

describe('body size', () => {
  const logChunkRoutes: [string, () => Promise<CallResult>][] = [
    ['out.log chunk', () => callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset: 0 }, text: 'x'.repeat(1001) })],
    ['params.txt', () => callRoute(paramsRoute.PUT, 'PUT', { params, key, text: 'x'.repeat(1001) })],
    ['results.jsonl', () => callRoute(resultsRoute.PUT, 'PUT', { params, key, text: 'x'.repeat(1001) })],
    [
      'tfevents chunk',
      () =>
        callRoute(tfeventsRoute.POST, 'POST', {
          params: { ...params, file: 'events.out.tfevents.1709647331.host.1.0' },
          query: { offset: 0 },
          text: Buffer.alloc(1001),
          headers: { 'content-type': 'application/octet-stream' },
        }),
    ],
  ];

  it.each(logChunkRoutes)('refuses an oversize %s with 413 naming REPROBOARD_MAX_LOG_CHUNK_BYTES', async (_name, call) => {
    setLimits({ REPROBOARD_MAX_LOG_CHUNK_BYTES: 1000 });
    const error = await expectRefused(413, call);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('body: larger than the limit of 1000 bytes (REPROBOARD_MAX_LOG_CHUNK_BYTES); send it in smaller chunks');
    expect(error.details).toEqual({ limitBytes: 1000, setting: 'REPROBOARD_MAX_LOG_CHUNK_BYTES' });
  });

  const jsonRoutes: [string, () => Promise<CallResult>][] = [
    ['metric batch', () => callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: [{ key: 'train/loss', step: 2, value: 1, pad: 'x'.repeat(1000) }] } })],
    ['run PUT', () => callRoute(runRoute.PUT, 'PUT', { params, key, json: { notes: 'x'.repeat(1000) } })],
    ['CLIP_benchmark result', () => callRoute(clipBenchmarkRoute.POST, 'POST', { params, key, json: { dataset: 'x'.repeat(1000) } })],
    ["person's edit of a run", () => callRoute(annotationsRoute.PATCH, 'PATCH', { params, json: { notes: 'x'.repeat(1000) } })],
  ];

  it.each(jsonRoutes)('refuses an oversize %s with 413 naming REPROBOARD_MAX_JSON_BYTES', async (_name, call) => {
    setLimits({ REPROBOARD_MAX_JSON_BYTES: 1000 });
    const error = await expectRefused(413, call);
    expect(error.message).toBe('body: larger than the limit of 1000 bytes (REPROBOARD_MAX_JSON_BYTES); send it in smaller chunks');
    expect(error.details).toMatchObject({ limitBytes: 1000, setting: 'REPROBOARD_MAX_JSON_BYTES' });
  });

  it('refuses by the declared Content-Length before reading the body', async () => {
    setLimits({ REPROBOARD_MAX_LOG_CHUNK_BYTES: 1000 });
    const options: CallOptions = { params, key, query: { offset: 0 }, text: 'x\n', headers: { 'content-length': '5000' } };
    const error = await expectRefused(413, () => callRoute(outLogRoute.POST, 'POST', options));
    expect(error.message).toContain('REPROBOARD_MAX_LOG_CHUNK_BYTES');
  });
});

describe('lines per chunk', () => {
  it('refuses an out.log chunk over the limit whole, and takes one at the limit', async () => {
    setLimits({ REPROBOARD_MAX_LINES_PER_CHUNK: 100 });
    const error = await expectRefused(413, () => callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset: 0 }, text: lines(101) }));
    expect(error.message).toBe('body: more than the limit of 100 lines per chunk (REPROBOARD_MAX_LINES_PER_CHUNK); send it in smaller chunks');
    expect(error.details).toEqual({ limitLines: 100, setting: 'REPROBOARD_MAX_LINES_PER_CHUNK' });
    expect(await db.ingestCursor.count()).toBe(0);

    const accepted = await callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset: 0 }, text: lines(100) });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ linesParsed: 100, offset: lines(100).length });
  });

  it('counts tqdm carriage-return updates and an unfinished last line as lines', async () => {
    setLimits({ REPROBOARD_MAX_LINES_PER_CHUNK: 100 });
    const offset = lines(100).length;
    const tqdm = `${' 10%|█         | 10/100\r'.repeat(101)}\n`;
    const error = await expectRefused(413, () => callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset }, text: tqdm }));
    expect(error.code).toBe('payload_too_large');
    const unfinished = `${lines(100)}Start epoch`;
    expect((await expectRefused(413, () => callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset }, text: unfinished }))).message).toContain(
      'REPROBOARD_MAX_LINES_PER_CHUNK',
    );
  });

  it('refuses results.jsonl and params.txt over the limit before parsing them', async () => {
    setLimits({ REPROBOARD_MAX_LINES_PER_CHUNK: 10 });
    const jsonl = lines(11, '{"imagenet-zeroshot-val-top1": 0.5, "epoch": 1}');
    const results = await expectRefused(413, () => callRoute(resultsRoute.PUT, 'PUT', { params, key, text: jsonl }));
    expect(results.message).toContain('10 lines per chunk (REPROBOARD_MAX_LINES_PER_CHUNK)');
    const paramsTxt = await expectRefused(413, () => callRoute(paramsRoute.PUT, 'PUT', { params, key, text: lines(11, 'batch_size: 256') }));
    expect(paramsTxt.message).toContain('REPROBOARD_MAX_LINES_PER_CHUNK');
    expect((await callRoute(resultsRoute.PUT, 'PUT', { params, key, text: lines(10, '{"imagenet-zeroshot-val-top1": 0.5, "epoch": 1}') })).status).toBe(200);
  });
});

describe('points per batch', () => {
  const point = (step: number) => ({ key: 'train/lr', step, value: 0.001 });

  it('refuses a batch over the limit whole, naming the count, limit and setting', async () => {
    setLimits({ REPROBOARD_MAX_POINTS_PER_BATCH: 10 });
    const points = Array.from({ length: 11 }, (_, index) => point(index));
    const error = await expectRefused(413, () => callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } }));
    expect(error.message).toBe(
      'body.points: 11 points, more than the limit of 10 points per batch (REPROBOARD_MAX_POINTS_PER_BATCH); send them in smaller batches',
    );
    expect(error.details).toEqual({ limitPoints: 10, setting: 'REPROBOARD_MAX_POINTS_PER_BATCH' });
    const accepted = await callRoute(metricsRoute.POST, 'POST', { params, key, json: { points: points.slice(0, 10) } });
    expect(accepted.body).toEqual({ pointsWritten: 10 });
  });

  it('answers 413 for an oversize batch even when its points are invalid, without validating them', async () => {
    setLimits({ REPROBOARD_MAX_POINTS_PER_BATCH: 10 });
    const points = Array.from({ length: 50 }, () => ({ key: '', step: -1, value: 'high' }));
    expect((await expectRefused(413, () => callRoute(metricsRoute.POST, 'POST', { params, key, json: { points } }))).code).toBe('payload_too_large');
  });
});

describe('requests per API key per minute', () => {
  /** A fixed clock: 15 s into a minute, so the next window starts 45 s later. */
  const windowStart = Date.UTC(2026, 11, 5, 9, 30, 0);
  const heartbeat = (apiKey: string) => callRoute(runRoute.PUT, 'PUT', { params, key: apiKey, json: { heartbeat: true } });

  it('answers 429 with Retry-After past the limit, stores nothing, and allows the key again in the next window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(windowStart + 15_000);
    setLimits({ REPROBOARD_RATE_LIMIT_PER_MINUTE: 3 });
    for (let request = 0; request < 3; request += 1) expect((await heartbeat(key)).status).toBe(200);

    const url = new URL('http://localhost/api/test');
    const refused = await metricsRoute.POST(
      new Request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ points: [{ key: 'train/loss', step: 99, value: 1 }] }),
      }),
      { params: Promise.resolve(params) },
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    const body = apiErrorBodySchema.parse(await refused.json());
    expect(body.error).toEqual({
      code: 'rate_limited',
      message: 'rate limit: this API key sent more than 3 requests this minute (REPROBOARD_RATE_LIMIT_PER_MINUTE); retry in 45 s',
      details: { limitPerMinute: 3, retryAfterSeconds: 45, setting: 'REPROBOARD_RATE_LIMIT_PER_MINUTE' },
    });
    expect(await db.metricPoint.count({ where: { step: 99 } })).toBe(0);

    // Every route that takes the key is covered, and refused requests keep counting.
    const outLog = await expectRefused(429, () => callRoute(outLogRoute.POST, 'POST', { params, key, query: { offset: 0 }, text: 'x\n' }));
    expect(outLog.code).toBe('rate_limited');
    await expectRefused(429, () => heartbeat(key));

    vi.setSystemTime(windowStart + 59_999);
    expect((await expectRefused(429, () => heartbeat(key))).details).toMatchObject({ retryAfterSeconds: 1 });
    vi.setSystemTime(windowStart + 60_000);
    expect((await heartbeat(key)).status).toBe(200);
    expect((await heartbeat(key)).status).toBe(200);
  });

  it('counts each key separately', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(windowStart + 5 * 60_000);
    setLimits({ REPROBOARD_RATE_LIMIT_PER_MINUTE: 2 });
    const second = (await createApiKey(db, projectId, 'second')).key;
    expect((await heartbeat(key)).status).toBe(200);
    expect((await heartbeat(key)).status).toBe(200);
    expect((await heartbeat(key)).status).toBe(429);
    expect((await heartbeat(second)).status).toBe(200);
    expect((await heartbeat(second)).status).toBe(200);
    expect((await heartbeat(second)).status).toBe(429);
  });

  it('counts concurrent requests exactly: one atomic statement per request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(windowStart + 10 * 60_000);
    setLimits({ REPROBOARD_RATE_LIMIT_PER_MINUTE: 7 });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => heartbeat(key).then((response) => response.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const row = await db.apiKey.findFirstOrThrow({ where: { projectId, name: 'default' } });
    expect([row.rateWindowStart, row.rateWindowCount]).toEqual([Math.floor((windowStart + 10 * 60_000) / 60_000), 12]);
  });

  it('shares one count between processes: two clients of the database count into the same row', async () => {
    const other = createDb(process.env.DATABASE_URL);
    const row = await db.apiKey.findFirstOrThrow({ where: { projectId, name: 'default' } });
    const now = new Date(windowStart + 15 * 60_000);
    try {
      const counts = await Promise.all(Array.from({ length: 40 }, (_, index) => countApiKeyRequest(index % 2 === 0 ? db : other, row.hash, now)));
      expect(counts.map((counted) => counted!.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    } finally {
      await other.$disconnect();
    }
  });

  it('records lastUsedAt once per window, with the first request of the window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = windowStart + 20 * 60_000 + 1_500;
    vi.setSystemTime(first);
    expect((await heartbeat(key)).status).toBe(200);
    vi.setSystemTime(first + 30_000);
    expect((await heartbeat(key)).status).toBe(200);
    const row = await db.apiKey.findFirstOrThrow({ where: { projectId, name: 'default' } });
    expect(row.lastUsedAt?.toISOString()).toBe(new Date(first).toISOString());
    vi.setSystemTime(first + 60_000);
    expect((await heartbeat(key)).status).toBe(200);
    const later = await db.apiKey.findFirstOrThrow({ where: { projectId, name: 'default' } });
    expect(later.lastUsedAt?.toISOString()).toBe(new Date(first + 60_000).toISOString());
  });
});
