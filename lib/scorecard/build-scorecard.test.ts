import { describe, expect, it } from 'vitest';
import { buildScorecard, type ScorecardResultRecord, type ScorecardRunRecord } from './build-scorecard';

function result(id: string, fields: Partial<ScorecardResultRecord> = {}): ScorecardResultRecord {
  return {
    id,
    paperId: 'clipa-v2',
    resultKey: id,
    isPrimary: true,
    resultType: 'main',
    model: 'H/14',
    pretrainDataset: 'DataComp-1B',
    source: `paper table (${id})`,
    reportedBy: 'CLIPA-v2 paper',
    tolerancePp: 0.5,
    metrics: { zeroshot_in1k_top1: 80 },
    samplesSeen: 12.8e9,
    pretrainImageRes: 84,
    textTokenLen: 8,
    finetuneSamplesSeen: 512e6,
    totalSamplesSeen: 13.312e9,
    ...fields,
  };
}

function run(id: string, reportedResultId: string, fields: Partial<ScorecardRunRecord> = {}): ScorecardRunRecord {
  return { id, key: id, name: id, status: 'finished', displayStatus: 'finished', reportedResultId, samplesSeen: null, plannedSamples: null, value: null, ...fields };
}

const build = (results: ScorecardResultRecord[], runs: ScorecardRunRecord[] = [], metric: 'zeroshot_in1k_top1' | 'avg_38_datasets' = 'zeroshot_in1k_top1') =>
  buildScorecard({ metric, targetPaperIds: ['clipa-v2'], results, runs, throughput: new Map() });

describe('buildScorecard', () => {
  it('shows ablations and results of other papers only when a run links to them', () => {
    const results = [result('main'), result('ablation', { resultType: 'ablation' }), result('other', { paperId: 'openclip', resultType: 'baseline' })];
    expect(build(results).rows.map((row) => row.result.key)).toEqual(['main']);
    const linked = build(results, [run('a', 'ablation'), run('b', 'other')]);
    expect(linked.rows.map((row) => [row.result.key, row.result.isTarget])).toEqual([
      ['main', true],
      ['ablation', false],
      ['other', false],
    ]);
  });

  it('counts a run linked to any source of a result for the primary row', () => {
    const results = [result('key-primary', { resultKey: 'key' }), result('key-readme', { resultKey: 'key', isPrimary: false, metrics: { zeroshot_in1k_top1: 80.2 } })];
    const card = build(results, [run('r', 'key-readme', { value: { percent: 79.8, key: 'val/imagenet-zeroshot-val-top1', epoch: 2 } })]);
    expect(card.rows).toHaveLength(1);
    expect(card.rows[0]).toMatchObject({ result: { id: 'key-primary', reported: 80 }, verdict: 'reproduced', gap: -0.2, linkedRuns: 1 });
  });

  it("takes a metric the primary row lacks from the result's other sources, and hides linked results without it", () => {
    const results = [
      result('k', { metrics: { zeroshot_in1k_top1: 81.8 } }),
      result('k-claim', { resultKey: 'k', isPrimary: false, resultType: 'abstract-claim', metrics: { avg_38_datasets: 70 } }),
      result('k-reeval', { resultKey: 'k', isPrimary: false, resultType: 're-evaluation', reportedBy: 'open_clip', metrics: { avg_38_datasets: 66.77 } }),
      result('linked', { resultType: 'ablation' }),
    ];
    const card = build(results, [run('r', 'linked')], 'avg_38_datasets');
    expect(card.rows.map((row) => [row.result.key, row.result.reported, row.result.fromPrimarySource, row.result.reportedBy])).toEqual([['k', 66.77, false, 'open_clip']]);
    expect(card.hiddenResults).toBe(1);
  });

  it("measures progress against the result's samples when the run has no plan, with no ETA for a stale run", () => {
    const card = build([result('k')], [run('r', 'k', { status: 'running', displayStatus: 'stale', samplesSeen: 6.656e9 })]);
    expect(card.rows[0]).toMatchObject({ verdict: 'in_progress', progress: { samplesSeen: 6.656e9, targetSamples: 13.312e9, targetFrom: 'result', fraction: 0.5 }, eta: null });
    expect(card.counts).toEqual({ reproduced: 0, close: 0, not_reproduced: 0, in_progress: 1, no_run: 0 });
  });

  it('orders rows by result type, then reported value', () => {
    const results = [result('pre', { resultType: 'pretrain-only', metrics: { zeroshot_in1k_top1: 75.6 } }), result('low'), result('high', { metrics: { zeroshot_in1k_top1: 83 } })];
    expect(build(results).rows.map((row) => row.result.key)).toEqual(['high', 'low', 'pre']);
  });
});
