import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../fresh-database';
import { callRoute } from '../route-caller';
import * as papersRoute from '@/app/api/v1/papers/route';
import * as paperRoute from '@/app/api/v1/papers/[paper]/route';
import * as importRoute from '@/app/api/v1/papers/import/route';
import * as reportedResultRoute from '@/app/api/v1/reported-results/[id]/route';
import type { Db } from '@/lib/db/client';
import { seedReferenceData } from '@/lib/db/papers';
import { apiErrorBodySchema } from '@/lib/schemas/error';
import { paperDetailSchema, paperImportResultSchema, paperListSchema, parseCsvIssuePath, reportedResultResponseSchema } from '@/lib/schemas/papers';

const HEADER = 'result_key,plot_primary,paper,reported_by,source,result_type,model,pretrain_dataset,samples_seen,zeroshot_in1k_top1,gpu_hours,gpu_hours_basis,cost_usd';
const LAB_ROWS = [
  'tiny_B16_cc12m,1,TinyCLIP Lab,Lab X,"TinyCLIP paper, Table 2",main,B/16,CC12M,1280000000,45.3,120,"A100-40GB hours, actual",180',
  'tiny_B16_cc12m,0,TinyCLIP Lab,Lab X,tinyclip@abc1234:README.md,main,B/16,CC12M,1280000000,45.1,,,',
  'tiny_L14_cc12m,1,TinyCLIP Lab,Lab X,"TinyCLIP paper, Table 2",main,L/14,CC12M,1280000000,51.0,,,',
];
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

let db: Db;
beforeAll(async () => {
  db = useFreshDatabase().db;
  await seedReferenceData(db);
}, 60_000);

const counts = async () => ({ papers: await db.paper.count(), results: await db.reportedResult.count() });

async function importCsv(text: string, headers: Record<string, string> = { 'content-type': 'text/csv' }) {
  return callRoute(importRoute.POST, 'POST', { text, headers, query: { fileName: 'tiny-clip.csv' } });
}

async function getPaper(id: string) {
  const response = await callRoute(paperRoute.GET, 'GET', { params: { paper: id } });
  expect(response.status).toBe(200);
  return paperDetailSchema.parse(response.body);
}

describe('papers list and detail', () => {
  it('lists the reference papers with their origin and result counts', async () => {
    const response = await callRoute(papersRoute.GET, 'GET');
    expect(response.status).toBe(200);
    const { papers } = paperListSchema.parse(response.body);
    expect(papers.map(({ id, origin, resultCount }) => ({ id, origin, resultCount }))).toEqual([
      { id: 'clipa', origin: 'reference', resultCount: 14 },
      { id: 'clipa-v2', origin: 'reference', resultCount: 57 },
      { id: 'openclip', origin: 'reference', resultCount: 16 },
      { id: 'openclip-benchmarks', origin: 'reference', resultCount: 121 },
    ]);
    expect(papers[1]).toMatchObject({ arxivId: '2306.15658', url: 'https://arxiv.org/abs/2306.15658' });
  });

  it('groups a paper\'s results by result_key with the primary source first and the others\' differing values', async () => {
    const detail = await getPaper('clipa-v2');
    expect(detail.paper).toMatchObject({ id: 'clipa-v2', origin: 'reference', resultCount: 57 });
    expect(detail.groups.reduce((total, group) => total + 1 + group.others.length, 0)).toBe(57);
    expect(detail.groups.every((group) => group.primary.isPrimary && group.others.every((other) => !other.isPrimary))).toBe(true);

    const bigG = detail.groups.find((group) => group.resultKey === 'clipa-v2_bigG14_datacomp1b_84-224')!;
    expect(bigG.primary).toMatchObject({ model: 'bigG/14', metrics: { zeroshot_in1k_top1: 82.7 }, tolerancePp: 0.5 });
    expect(bigG.primary.source).toContain('clipa_torch/README.md');
    const jax = bigG.others.find((other) => other.source.includes('clipa_jax/README.MD'))!;
    expect(jax.metrics.zeroshot_in1k_top1).toBe(82.5);
    expect(jax.differences).toEqual([{ field: 'zeroshot_in1k_top1', primaryValue: 82.7, value: 82.5 }]);
    // open_clip's re-evaluation prints 82.70: the same number, so no disagreement on IN-1k.
    const reevaluation = bigG.others.find((other) => other.resultType === 're-evaluation')!;
    expect(reevaluation.differences.map((difference) => difference.field)).not.toContain('zeroshot_in1k_top1');

    const h14 = detail.groups.find((group) => group.resultKey === 'clipa-v2_H14_datacomp1b_84-224-336')!;
    expect(h14.primary).toMatchObject({ costUsd: 13613, gpuHours: 8640, samplesSeen: 12_800_000_000, metrics: { zeroshot_in1k_top1: 81.8 } });
    expect(h14.primary.source).toContain('Table 4');
    const costs = h14.others.flatMap((other) => other.differences.filter((difference) => difference.field === 'costUsd'));
    expect(costs).toHaveLength(2);
    expect(costs.every((difference) => difference.primaryValue === 13613 && difference.value === 13616)).toBe(true);
  });

  it('counts values as agreeing at the precision both sources print', async () => {
    const detail = await getPaper('clipa-v2');
    const reevaluationOf = (key: string) => detail.groups.find((group) => group.resultKey === key)!.others.find((other) => other.resultType === 're-evaluation')!;
    // Table 4 prints IN-V2 75.6, open_clip 75.62: the same number rounded. 79.7 vs 79.57 is a real difference.
    const h14 = reevaluationOf('clipa-v2_H14_datacomp1b_84-224-336');
    expect(h14.metrics.imagenet_v2_top1).toBe(75.62);
    expect(h14.differences.map((difference) => difference.field)).not.toContain('imagenet_v2_top1');
    expect(reevaluationOf('clipa-v2_L14_datacomp1b_84-224').differences).toContainEqual({ field: 'zeroshot_in1k_top1', primaryValue: 79.7, value: 79.57 });
  });

  it('answers 404 for an unknown paper and 400 naming the path for a malformed id', async () => {
    const missing = await callRoute(paperRoute.GET, 'GET', { params: { paper: 'no-such-paper' } });
    expect(missing.status).toBe(404);
    expect(apiErrorBodySchema.parse(missing.body).error.message).toContain('"no-such-paper"');
    const malformed = await callRoute(paperRoute.GET, 'GET', { params: { paper: 'Not A Slug' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues[0].path).toBe('path.paper');
  });
});

describe('CSV import', () => {
  afterEach(() => {
    delete process.env.REPROBOARD_MAX_JSON_BYTES;
  });

  it('imports a valid CSV as a lab paper in one go', async () => {
    const response = await importCsv(csv(...LAB_ROWS));
    expect(response.status).toBe(201);
    expect(paperImportResultSchema.parse(response.body)).toEqual({
      papers: [{ id: 'tinyclip-lab', title: 'TinyCLIP Lab', created: true, results: 3 }],
      results: 3,
      removed: 0,
    });
    const detail = await getPaper('tinyclip-lab');
    expect(detail.paper).toMatchObject({ origin: 'lab', source: 'tiny-clip.csv', resultCount: 3 });
    const b16 = detail.groups.find((group) => group.resultKey === 'tiny_B16_cc12m')!;
    expect(b16.primary).toMatchObject({ metrics: { zeroshot_in1k_top1: 45.3 }, gpuHours: 120, costUsd: 180, source: 'TinyCLIP paper, Table 2' });
    expect(b16.others[0]!.differences).toEqual([{ field: 'zeroshot_in1k_top1', primaryValue: 45.3, value: 45.1 }]);
  });

  it('rejects a bad number with its line and column and writes nothing', async () => {
    const before = await counts();
    const response = await importCsv(csv(LAB_ROWS[0]!.replace('tiny_', 'bad_'), 'bad_L14_cc12m,1,Bad Lab,Lab X,src,main,L/14,CC12M,1280000000,51.O,,,'));
    expect(response.status).toBe(400);
    const { error } = apiErrorBodySchema.parse(response.body);
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('zeroshot_in1k_top1');
    expect(error.issues?.[0]).toEqual({ path: 'csv.line 3.column zeroshot_in1k_top1', message: '"51.O" is not a number' });
    expect(parseCsvIssuePath(error.issues![0]!.path)).toEqual({ line: 3, column: 'zeroshot_in1k_top1' });
    expect(await counts()).toEqual(before);
    expect(await db.paper.count({ where: { id: { in: ['bad-lab', 'tinyclip-lab-2'] } } })).toBe(0);
  });

  it('reports every problem of a file, not only the first', async () => {
    const response = await importCsv(csv('k1,1,Many Lab,,src,nonsense,B/16,,12.8B,45,100,,'));
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'csv.line 2.column result_type',
      'csv.line 2.column samples_seen',
      'csv.line 2.column gpu_hours_basis',
    ]);
  });

  it('refuses a file larger than the limit with 413', async () => {
    process.env.REPROBOARD_MAX_JSON_BYTES = '200';
    const before = await counts();
    const response = await importCsv(csv(...LAB_ROWS.map((row) => row.replace(/TinyCLIP Lab/g, 'Big Lab'))));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect(await counts()).toEqual(before);
  });

  it('refuses to overwrite reference data with 409 and leaves it unchanged', async () => {
    const before = await counts();
    const response = await importCsv(csv('clipa-v2_H14_datacomp1b_84-224-336,1,CLIPA-v2,Lab X,our table,main,H/14,DataComp-1B,12800000000,90.0,,,'));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('conflict');
    expect(response.body.error.issues[0].path).toBe('csv.line 2.column paper');
    expect(await counts()).toEqual(before);
    const paper = await db.paper.findUniqueOrThrow({ where: { id: 'clipa-v2' } });
    expect(paper.origin).toBe('reference');
    const primary = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_H14_datacomp1b_84-224-336', isPrimary: true } });
    expect(primary.metrics).toMatchObject({ zeroshot_in1k_top1: 81.8 });
  });

  it('refuses a result_key that belongs to another paper with 409', async () => {
    const response = await importCsv(csv('clipa-v2_bigG14_datacomp1b_84-224,1,Copy Lab,Lab X,our table,main,bigG/14,DataComp-1B,,83.5,,,'));
    expect(response.status).toBe(409);
    expect(response.body.error.issues[0].path).toBe('csv.line 2.column result_key');
    expect(await db.paper.count({ where: { id: 'copy-lab' } })).toBe(0);
  });

  it('re-imports a lab paper as an update, keeping edited tolerances and dropping rows the file no longer has', async () => {
    const kept = await db.reportedResult.findFirstOrThrow({ where: { paperId: 'tinyclip-lab', resultKey: 'tiny_B16_cc12m', isPrimary: true } });
    await db.reportedResult.update({ where: { id: kept.id }, data: { tolerancePp: 1.5 } });
    const response = await importCsv(csv(LAB_ROWS[0]!.replace('45.3', '45.4'), LAB_ROWS[2]!));
    expect(response.status).toBe(201);
    expect(paperImportResultSchema.parse(response.body)).toMatchObject({ papers: [{ id: 'tinyclip-lab', created: false, results: 2 }], removed: 1 });
    const after = await db.reportedResult.findUniqueOrThrow({ where: { id: kept.id } });
    expect(after).toMatchObject({ tolerancePp: 1.5, metrics: { zeroshot_in1k_top1: 45.4 } });
    expect(await db.reportedResult.count({ where: { paperId: 'tinyclip-lab' } })).toBe(2);
  });

  it('refuses other content types, an empty body and binary data', async () => {
    expect((await importCsv(csv(...LAB_ROWS), { 'content-type': 'application/json' })).status).toBe(415);
    const empty = await importCsv('');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^body:/);
    expect((await importCsv(`${HEADER}\n\u0000`)).status).toBe(400);
  });
});

describe('tolerance', () => {
  it('updates a reported result\'s tolerance and returns the row', async () => {
    const target = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_bigG14_datacomp1b_84-224', isPrimary: true } });
    const response = await callRoute(reportedResultRoute.PATCH, 'PATCH', { params: { id: target.id }, json: { tolerancePp: 0.25 } });
    expect(response.status).toBe(200);
    const { result } = reportedResultResponseSchema.parse(response.body);
    expect(result).toMatchObject({ id: target.id, tolerancePp: 0.25, metrics: { zeroshot_in1k_top1: 82.7 } });
    const detail = await getPaper('clipa-v2');
    expect(detail.groups.find((group) => group.resultKey === target.resultKey)!.primary.tolerancePp).toBe(0.25);
  });

  it.each([[0], [-1], [50.5], ['1'], [null]])('rejects tolerancePp %j with 400 naming body.tolerancePp', async (value) => {
    const target = await db.reportedResult.findFirstOrThrow({ where: { paperId: 'clipa' } });
    const response = await callRoute(reportedResultRoute.PATCH, 'PATCH', { params: { id: target.id }, json: { tolerancePp: value } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^body\.tolerancePp:/);
    expect((await db.reportedResult.findUniqueOrThrow({ where: { id: target.id } })).tolerancePp).toBe(target.tolerancePp);
  });

  it('accepts the upper bound of 50 and answers 404 for an unknown id', async () => {
    const target = await db.reportedResult.findFirstOrThrow({ where: { paperId: 'openclip' } });
    expect((await callRoute(reportedResultRoute.PATCH, 'PATCH', { params: { id: target.id }, json: { tolerancePp: 50 } })).status).toBe(200);
    const missing = await callRoute(reportedResultRoute.PATCH, 'PATCH', { params: { id: 'no-such-id' }, json: { tolerancePp: 1 } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('"no-such-id"');
  });
});
