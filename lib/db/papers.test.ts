import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations/apply-migrations';
import { loadReference } from '@/lib/reference/load-reference';
import { getPaperWithResults, listPapers, listReportedResults, seedReferenceData } from './papers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('papers repository against a fresh SQLite database', () => {
  let directory: string;
  let db: Db;
  const seeds = loadReference(ROOT);

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'reproboard-papers-'));
    const url = `file:${path.join(directory, 'test.db')}`;
    await applyMigrations(resolveDatabaseTarget(url), ROOT);
    db = createDb(url);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    rmSync(directory, { recursive: true, force: true });
  });

  it('seeds every paper and result', async () => {
    expect(await seedReferenceData(db, seeds)).toEqual({ papers: 4, results: 208 });
    expect(await db.paper.count()).toBe(4);
    expect(await db.reportedResult.count()).toBe(208);
  }, 60_000);

  it('is idempotent and keeps an edited tolerance', async () => {
    const target = await db.reportedResult.findFirstOrThrow({ where: { resultKey: 'clipa-v2_H14_datacomp1b_84-224-336', isPrimary: true } });
    await db.reportedResult.update({ where: { id: target.id }, data: { tolerancePp: 0.2 } });

    expect(await seedReferenceData(db, seeds)).toEqual({ papers: 4, results: 208 });
    expect(await db.paper.count()).toBe(4);
    expect(await db.reportedResult.count()).toBe(208);
    const after = await db.reportedResult.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.tolerancePp).toBe(0.2);
    expect(after.metrics).toMatchObject({ zeroshot_in1k_top1: 81.8 });
  }, 60_000);

  it('refreshes values that come from the files on a re-seed', async () => {
    const changed = {
      papers: seeds.papers,
      results: seeds.results.map((result) => (result.resultKey === 'clipa-v1_B16-I50-T16_laion400m' ? { ...result, notes: 'edited upstream' } : result)),
    };
    await seedReferenceData(db, changed);
    const rows = await db.reportedResult.findMany({ where: { resultKey: 'clipa-v1_B16-I50-T16_laion400m' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.notes === 'edited upstream')).toBe(true);
    await seedReferenceData(db, seeds);
    expect(await db.reportedResult.count({ where: { notes: 'edited upstream' } })).toBe(0);
  }, 60_000);

  it('writes nothing when any row of the seed fails', async () => {
    const broken = {
      papers: seeds.papers,
      results: [{ ...seeds.results[0], resultKey: 'brand-new-key' }, { ...seeds.results[1], resultKey: 'orphan', paperId: 'no-such-paper' }],
    };
    await expect(seedReferenceData(db, broken)).rejects.toThrow();
    expect(await db.reportedResult.count({ where: { resultKey: 'brand-new-key' } })).toBe(0);
    expect(await db.reportedResult.count()).toBe(208);
  }, 60_000);

  it('lists papers with their result counts', async () => {
    const papers = await listPapers(db);
    expect(papers.map(({ id, resultCount }) => ({ id, resultCount }))).toEqual([
      { id: 'clipa', resultCount: 14 },
      { id: 'clipa-v2', resultCount: 57 },
      { id: 'openclip', resultCount: 16 },
      { id: 'openclip-benchmarks', resultCount: 121 },
    ]);
    expect(papers[1]).toMatchObject({ arxivId: '2306.15658', url: 'https://arxiv.org/abs/2306.15658' });
  });

  it('stores exactly one primary row per result_key, with the documented choices', async () => {
    const results = await listReportedResults(db);
    const primaries = new Map<string, number>();
    for (const result of results) primaries.set(result.resultKey, (primaries.get(result.resultKey) ?? 0) + (result.isPrimary ? 1 : 0));
    expect(primaries.size).toBe(43 + 121);
    expect([...primaries.values()].every((count) => count === 1)).toBe(true);

    const bigG = results.filter((result) => result.resultKey === 'clipa-v2_bigG14_datacomp1b_84-224');
    const primaryBigG = bigG.find((result) => result.isPrimary);
    expect(primaryBigG?.metrics.zeroshot_in1k_top1).toBe(82.7);
    expect(primaryBigG?.source).toMatch(/clipa_torch\/README\.md/);
    expect(bigG.some((result) => !result.isPrimary && result.metrics.zeroshot_in1k_top1 === 82.5)).toBe(true);
    expect(bigG[0].isPrimary).toBe(true);
  });

  it('returns one paper with its typed results, or null', async () => {
    const paper = await getPaperWithResults(db, 'clipa-v2');
    expect(paper?.results).toHaveLength(57);
    const headline = paper?.results.find((result) => result.resultKey === 'clipa-v2_H14_datacomp1b_84-224-336' && result.isPrimary);
    expect(headline).toMatchObject({ gpuHours: 8640, costUsd: 13613, samplesSeen: 12_800_000_000, metrics: { zeroshot_in1k_top1: 81.8 } });
    expect(headline?.raw.cost_usd).toBe('13613');
    expect(await getPaperWithResults(db, 'no-such-paper')).toBeNull();
  });

  it('filters reported results by paper', async () => {
    const benchmarks = await listReportedResults(db, { paperId: 'openclip-benchmarks' });
    expect(benchmarks).toHaveLength(121);
    expect(benchmarks.every((result) => result.paperId === 'openclip-benchmarks')).toBe(true);
  });
});
