import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseClipaReported, parseReportedResultsCsv } from './clipa-reported';
import type { ReferenceSeeds } from './seed-types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shipped = readFileSync(path.join(ROOT, 'reference/clipa_reported.csv'), 'utf8');

function parseShipped(): ReferenceSeeds {
  const result = parseClipaReported(shipped);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.value;
}

function rowsOf(seeds: ReferenceSeeds, resultKey: string) {
  return seeds.results.filter((result) => result.resultKey === resultKey);
}

describe('parseClipaReported on the shipped file', () => {
  const seeds = parseShipped();

  it('reads all 87 rows and 43 distinct results (README)', () => {
    expect(seeds.results).toHaveLength(87);
    expect(new Set(seeds.results.map((result) => result.resultKey)).size).toBe(43);
  });

  it('has exactly one primary row per result_key', () => {
    const primaries = new Map<string, number>();
    for (const result of seeds.results) primaries.set(result.resultKey, (primaries.get(result.resultKey) ?? 0) + (result.isPrimary ? 1 : 0));
    expect([...primaries.values()].every((count) => count === 1)).toBe(true);
    expect(primaries.size).toBe(43);
  });

  it('derives the three papers with their arXiv ids', () => {
    expect(seeds.papers.map(({ id, shortName, arxivId }) => ({ id, shortName, arxivId }))).toEqual([
      { id: 'clipa', shortName: 'CLIPA', arxivId: '2305.07017' },
      { id: 'clipa-v2', shortName: 'CLIPA-v2', arxivId: '2306.15658' },
      { id: 'openclip', shortName: 'OpenCLIP', arxivId: '2212.07143' },
    ]);
    for (const paper of seeds.papers) expect(paper.source).toMatch(/^reference\/clipa_reported\.csv: /);
    expect(new Set(seeds.results.map((result) => result.paperId))).toEqual(new Set(['clipa', 'clipa-v2', 'openclip']));
  });

  it('reads the CLIPA-v2 H/14 DataComp-1B 12.8B@84 + 512M@224 + 128M@336 headline from Table 4', () => {
    const [primary] = rowsOf(seeds, 'clipa-v2_H14_datacomp1b_84-224-336').filter((result) => result.isPrimary);
    expect(primary).toMatchObject({
      paperId: 'clipa-v2',
      reportedBy: 'CLIPA-v2 paper',
      resultType: 'main',
      model: 'H/14',
      pretrainDataset: 'DataComp-1B',
      samplesSeen: 12_800_000_000,
      pretrainImageRes: 84,
      pretrainImageTokens: null,
      textTokenLen: 8,
      finetuneSamplesSeen: 640_000_000,
      totalSamplesSeen: 13_440_000_000,
      evalImageRes: null,
      gpuHours: 8640,
      costUsd: 13613,
      paramsM: null,
    });
    expect(primary.source).toMatch(/Table 4/);
    expect(primary.metrics).toEqual({
      zeroshot_in1k_top1: 81.8,
      imagenet_v2_top1: 75.6,
      imagenet_a_top1: 82.7,
      imagenet_r_top1: 94.4,
      objectnet_top1: 77.4,
      imagenet_sketch_top1: 72.8,
      coco_t2i_r1: 49.2,
      coco_i2t_r1: 67.2,
      flickr30k_t2i_r1: 76.3,
      flickr30k_i2t_r1: 90.3,
    });
    expect(primary.raw.zeroshot_in1k_top1).toBe('81.8');
    expect(primary.raw.gpu_hours_basis).toMatch(/estimated/);
  });

  it('keeps both sides of the bigG/14 conflict; the clipa_torch 82.7 row is primary', () => {
    const rows = rowsOf(seeds, 'clipa-v2_bigG14_datacomp1b_84-224');
    const bySource = (fragment: string) => rows.filter((result) => result.source.includes(fragment));
    expect(bySource('clipa_jax/README.MD')).toHaveLength(1);
    expect(bySource('clipa_jax/README.MD')[0]).toMatchObject({ isPrimary: false, metrics: { zeroshot_in1k_top1: 82.5 } });
    expect(bySource('clipa_torch/README.md')).toHaveLength(1);
    expect(bySource('clipa_torch/README.md')[0]).toMatchObject({ isPrimary: true, metrics: { zeroshot_in1k_top1: 82.7 } });
    expect(rows.filter((result) => result.isPrimary)).toHaveLength(1);
  });

  it('keeps both printed costs of the H/14 336-px models ($13,613 and $13,616)', () => {
    for (const key of ['clipa-v2_H14_datacomp1b_84-224-336', 'clipa-v2_H14_laion2b_84-224-336']) {
      const costs = rowsOf(seeds, key).map((result) => result.costUsd);
      expect(costs).toContain(13613);
      expect(costs).toContain(13616);
    }
    const primary = rowsOf(seeds, 'clipa-v2_H14_laion2b_84-224-336').find((result) => result.isPrimary);
    expect(primary?.costUsd).toBe(13613);
  });

  it('never makes an abstract claim or an open_clip re-evaluation primary', () => {
    const neverPrimary = seeds.results.filter((result) => result.resultType === 'abstract-claim' || result.resultType === 're-evaluation');
    expect(neverPrimary.length).toBeGreaterThan(0);
    expect(neverPrimary.every((result) => !result.isPrimary)).toBe(true);
  });

  it('reads empty cells as null and keeps every cell in raw', () => {
    const row = seeds.results[0];
    expect(row.resultKey).toBe('clipa-v1_L16-I37-T8_laion400m');
    expect(row.costUsd).toBeNull();
    expect(row.modelOpenclipName).toBeNull();
    expect(row.computeTotal1e11GflopsXSamples).toBe(0.5);
    expect(Object.keys(row.raw)).toHaveLength(37);
    expect(row.raw.cost_usd).toBe('');
    expect(Object.keys(row.metrics)).toEqual(['zeroshot_in1k_top1']);
  });
});

const HEADER = 'result_key,plot_primary,paper,source,model,zeroshot_in1k_top1,gpu_hours,gpu_hours_basis,pretrain_image_res';
const GOOD = [HEADER, 'k1,1,My Paper,Table 1,B/16,70.1,100,A100 actual,64', 'k1,0,My Paper,README,B/16,70.0,,,64', 'k2,1,My Paper,Table 1,L/16,"72.5",,,'];

function parseLines(lines: string[]) {
  return parseReportedResultsCsv(`${lines.join('\n')}\n`, { fileName: 'uploads/my-lab.csv' });
}

function errorsOf(lines: string[]) {
  const result = parseLines(lines);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(Object.keys(result)).toEqual(['ok', 'errors']);
  return result.errors;
}

describe('parseReportedResultsCsv validation (uploads)', () => {
  it('accepts a CSV with only the required columns plus one metric column, deriving an unknown paper', () => {
    const result = parseLines(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.papers).toEqual([{ id: 'my-paper', title: 'My Paper', shortName: 'My Paper', arxivId: null, url: null, source: 'uploads/my-lab.csv' }]);
    expect(result.value.results).toHaveLength(3);
    expect(result.value.results[0]).toMatchObject({ paperId: 'my-paper', resultType: 'main', reportedBy: '', notes: '', samplesSeen: null, gpuHours: 100, metrics: { zeroshot_in1k_top1: 70.1 } });
  });

  it('reports a row with the wrong number of fields', () => {
    expect(errorsOf([...GOOD, 'k3,1,My Paper,Table 2,H/14,71.0'])).toEqual([{ line: 5, column: 7, message: 'expected 9 fields as in the header, found 6' }]);
  });

  it('reports a non-numeric number cell with its column', () => {
    const errors = errorsOf([GOOD[0], GOOD[1], 'k1,0,My Paper,README,B/16,70.0%,,,64', GOOD[3]]);
    expect(errors).toEqual([{ line: 3, column: 6, columnName: 'zeroshot_in1k_top1', message: '"70.0%" is not a number' }]);
  });

  it('rejects abbreviated numbers and fractional integers', () => {
    const errors = errorsOf([GOOD[0], 'k1,1,My Paper,Table 1,B/16,70.1,"1,200",A100 actual,64.5', GOOD[2], GOOD[3]]);
    expect(errors.map(({ line, columnName }) => ({ line, columnName }))).toEqual([
      { line: 2, columnName: 'gpu_hours' },
      { line: 2, columnName: 'pretrain_image_res' },
    ]);
  });

  it('reports plot_primary that is not 0 or 1', () => {
    const errors = errorsOf([GOOD[0], GOOD[1], 'k1,yes,My Paper,README,B/16,70.0,,,64', GOOD[3]]);
    expect(errors).toEqual([{ line: 3, column: 2, columnName: 'plot_primary', message: 'plot_primary must be 0 or 1, found "yes"' }]);
  });

  it('reports a result_key with two primary rows, and one with none', () => {
    const twoPrimaries = errorsOf([GOOD[0], GOOD[1], 'k1,1,My Paper,README,B/16,70.0,,,64', GOOD[3]]);
    expect(twoPrimaries).toHaveLength(1);
    expect(twoPrimaries[0]).toMatchObject({ line: 3, column: 2, columnName: 'plot_primary' });
    expect(twoPrimaries[0].message).toMatch(/already has its plot_primary = 1 row on line 2/);

    const none = errorsOf([GOOD[0], GOOD[1], GOOD[2], 'k2,0,My Paper,Table 1,L/16,72.5,,,']);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ line: 4, column: 2, columnName: 'plot_primary' });
    expect(none[0].message).toMatch(/"k2" has no row with plot_primary = 1/);
  });

  it('reports missing required columns and a file without any metric column', () => {
    const errors = errorsOf(['result_key,plot_primary,paper,model,zeroshot_in1k_top1', 'k1,1,P,B/16,70']);
    expect(errors).toEqual([{ line: 1, column: 6, columnName: 'source', message: 'missing required column "source"' }]);
    const noMetric = errorsOf(['result_key,plot_primary,paper,source,model', 'k1,1,P,S,B/16']);
    expect(noMetric[0].message).toMatch(/no accuracy column/);
  });

  it('reports empty required cells, rows without any accuracy and out-of-range accuracies', () => {
    const errors = errorsOf([GOOD[0], ',1,My Paper,Table 1,B/16,70.1,,,', 'k1,1,My Paper,Table 1,B/16,,,,', 'k2,1,My Paper,Table 1,B/16,0.7,,,', 'k3,1,My Paper,Table 1,B/16,170,,,']);
    expect(errors.map(({ line, columnName }) => ({ line, columnName }))).toEqual([
      { line: 2, columnName: 'result_key' },
      { line: 3, columnName: 'zeroshot_in1k_top1' },
      { line: 5, columnName: 'zeroshot_in1k_top1' },
    ]);
  });

  it('requires a gpu_hours_basis with gpu_hours', () => {
    const errors = errorsOf([GOOD[0], 'k1,1,My Paper,Table 1,B/16,70.1,100,,64', GOOD[2], GOOD[3]]);
    expect(errors).toEqual([{ line: 2, column: 8, columnName: 'gpu_hours_basis', message: expect.stringMatching(/needs a gpu_hours_basis/) }]);
  });

  it('rejects two rows with the same paper, result_key and source', () => {
    const errors = errorsOf([...GOOD, 'k2,0,My Paper,Table 1,L/16,72.4,,,']);
    expect(errors).toEqual([{ line: 5, column: 4, columnName: 'source', message: 'same paper, result_key and source as line 4' }]);
  });

  it('rejects an unknown result_type and two paper names with one id', () => {
    const header = `${HEADER},result_type`;
    const errors = errorsOf([header, 'k1,1,My Paper,T,B/16,70,,,,guess', 'k2,1,my paper,T,B/16,70,,,,main']);
    expect(errors.map(({ line, columnName }) => ({ line, columnName }))).toEqual([
      { line: 2, columnName: 'result_type' },
      { line: 3, columnName: 'paper' },
    ]);
  });

  it('reports CSV syntax errors with line and column and returns nothing else', () => {
    const errors = errorsOf([GOOD[0], 'k1,1,My Paper,"Table 1,B/16,70.1,,,']);
    expect(errors).toEqual([{ line: 2, column: 4, message: expect.stringMatching(/never closed/) }]);
  });

  it('reports every problem of a file in one pass, ordered by line', () => {
    const errors = errorsOf([GOOD[0], 'k1,1,My Paper,Table 1,B/16,abc,,,', 'k1,0,My Paper,README,B/16,70,,,x', 'k2,2,My Paper,Table 1,L/16,72.5,,,']);
    expect(errors.map(({ line, column }) => [line, column])).toEqual([
      [2, 6],
      [3, 9],
      [4, 2],
    ]);
  });
});
