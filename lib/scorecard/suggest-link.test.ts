import { describe, expect, it } from 'vitest';
import { loadReference } from '@/lib/reference/load-reference';
import { profileRun, type RunRecord } from './run-profile';
import { rankLinkCandidates } from './suggest-link';

const seeds = loadReference();
/** The primary rows of the CLIPA and CLIPA-v2 papers, with the result key as id. */
const results = seeds.results.filter((result) => result.isPrimary && (result.paperId === 'clipa-v2' || result.paperId === 'clipa')).map((result) => ({ ...result, id: result.resultKey }));

/** params.txt of open_clip docs/script_examples/clipav2/vit_h14/i50_t8_pretrain.sh, on DataComp-1B. */
const h14Pretrain: RunRecord = {
  key: 'h14-pretrain84',
  name: 'clipa-v2 H/14 pre-training',
  model: 'ViT-H-14-CL8-Syntax-GAP',
  samplesPerEpoch: null,
  epochs: 32,
  config: {
    model: 'ViT-H-14-CL8-Syntax-GAP',
    train_data: '/datasets/datacomp1b/shards/{00000000..00139999}.tar',
    train_num_samples: '4e8',
    epochs: '32',
    force_image_size: '[84]',
    pretrained: '',
    batch_size: '8192',
  },
};

/** The 224-px fine-tuning stage (i257_t32_finetunex4.sh): 4 × 131,072,000 samples from the pre-training checkpoint. */
const h14Finetune: RunRecord = {
  key: 'h14-ft224',
  name: 'clipa-v2 H/14 fine-tune 224',
  model: 'ViT-H-14-CL32-GAP',
  samplesPerEpoch: 131_072_000,
  epochs: 4,
  config: { train_data: '/datasets/datacomp1b/{00000000..00139999}.tar', force_image_size: '224', force_patch_dropout: '0.3', pretrained: '/ckpt/pretrain84/epoch_32.pt' },
};

describe('profileRun', () => {
  it('reads model, planned samples, image and text tokens and the dataset from a CLIPA-v2 config', () => {
    expect(profileRun(h14Pretrain)).toMatchObject({
      plannedSamples: 12_800_000_000,
      imageSize: 84,
      patchTokens: 36,
      textTokens: 8,
      dataset: 'DataComp-1B',
      startsFromCheckpoint: false,
    });
    expect(profileRun(h14Finetune)).toMatchObject({ plannedSamples: 524_288_000, patchTokens: 256, textTokens: 32, startsFromCheckpoint: true });
  });

  it('reads CLIPA-v1 style I/T numbers from the run name, and no dataset from an ambiguous path', () => {
    const profile = profileRun({ key: 'b16', name: 'CLIPA-B/16 (I50,T16)', model: 'ViT-B-16', samplesPerEpoch: null, epochs: null, config: { train_data: '/path/to/laion2b_or_datacomp1b' } });
    expect(profile).toMatchObject({ namedImageTokens: 50, textTokens: 16, textTokensFrom: 'T16 in the run name', dataset: null, plannedSamples: null });
  });
});

describe('rankLinkCandidates', () => {
  it('suggests the DataComp-1B 84-px pre-training checkpoint for a CLIPA-v2 H/14 pre-training config, with reasons', () => {
    const [best, next] = rankLinkCandidates(h14Pretrain, results);
    expect(best?.result.resultKey).toBe('clipa-v2_H14_datacomp1b_pretrain84');
    expect(best?.clear).toBe(true);
    expect(best!.score - next!.score).toBeGreaterThanOrEqual(1);
    expect(best?.reasons.map((reason) => [reason.kind, reason.match])).toEqual([
      ['model', true],
      ['samples', true],
      ['image', true],
      ['text', true],
      ['dataset', true],
      ['stage', true],
    ]);
    expect(best?.reasons[1]?.text).toBe("plans 12.8B samples, the result's 12.8B in total");
    expect(best?.reasons[2]?.text).toBe("84 px → 36 image tokens, as the result's 36");
  });

  it('never ranks another model family, and ranks a different dataset far below', () => {
    const ranked = rankLinkCandidates(h14Pretrain, results, 50);
    expect(ranked.every((candidate) => /H[/-]14/.test(candidate.result.model))).toBe(true);
    const laion = ranked.find((candidate) => candidate.result.resultKey === 'clipa-v2_H14_laion2b_pretrain84');
    expect(laion?.reasons.find((reason) => reason.kind === 'dataset')).toEqual({ kind: 'dataset', match: false, text: 'trains on DataComp-1B; the result on LAION-2B' });
  });

  it('suggests nothing when two results fit equally (a fine-tuning run does not say its pre-training resolution)', () => {
    const ranked = rankLinkCandidates(h14Finetune, results);
    expect(ranked.slice(0, 2).map((candidate) => candidate.result.resultKey).sort()).toEqual([
      'clipa-v2_H14_datacomp1b_70-224',
      'clipa-v2_H14_datacomp1b_84-224',
    ]);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
    expect(ranked.some((candidate) => candidate.clear)).toBe(false);
  });

  it('suggests nothing without a model, even when other facts fit', () => {
    const ranked = rankLinkCandidates({ ...h14Pretrain, model: null, config: { ...h14Pretrain.config, model: 'None' } }, results);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.some((candidate) => candidate.clear)).toBe(false);
  });

  it('matches a CLIPA-v1 L/16 (I17,T16) pre-training run by its 64-px tokens and CL16 text', () => {
    const run: RunRecord = { key: 'l16', name: 'l16 i17 t16', model: 'ViT-L-16-CL16-Syntax-GAP', samplesPerEpoch: null, epochs: null, config: { force_image_size: '64' } };
    const [best] = rankLinkCandidates(run, results);
    expect(best).toMatchObject({ clear: true, result: { resultKey: 'clipa-v1_L16-I17-T16_laion400m_pretrain-only' } });
  });
});
