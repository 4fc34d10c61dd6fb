import { describe, expect, it } from 'vitest';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';
import { loadReference } from '@/lib/reference/load-reference';
import { diagnoseConfigMismatch, findConfigMismatches } from './config-mismatch';
import { diagnoseRun } from './diagnose-run';
import { inputFromLog, makeRun } from './diagnostics-test-helpers';
import { readFinetuneStages, toReferenceResult } from './reference-stages';
import { DEFAULT_THRESHOLDS } from './thresholds';
import type { DiagnosticRun, ReferenceResult } from './types';

const reference = loadReference();

/** The primary row of a result in the shipped reference data (reference/clipa_reported.csv). */
function primary(resultKey: string): ReferenceResult {
  const row = reference.results.find((result) => result.resultKey === resultKey && result.isPrimary);
  if (!row) throw new Error(`no primary row for ${resultKey}`);
  return toReferenceResult(row);
}

/** A CLIPA-v2 H/14 pre-training run as clipa_torch's i36_t8 script sets it up (batch 256 × 256 devices). */
function clipaH14(params: Record<string, string> = {}, overrides: Partial<DiagnosticRun> = {}): DiagnosticRun {
  return makeRun({
    key: 'h14-pretrain',
    name: 'h14-pretrain',
    model: 'ViT-H-14-CL8-Syntax-GAP',
    samplesPerEpoch: 256_000_000,
    epochs: 10,
    globalBatchSize: 65536,
    gpus: 256,
    precision: 'amp_bf16',
    config: { model: 'ViT-H-14-CL8-Syntax-GAP', force_image_size: '84', warmup: '3200', lr_scheduler: 'cosine', pretrained: '', ...params },
    ...overrides,
  });
}

const TABLE_1_ROW_2 = 'clipa-v2_H14_laion400m_2.56B';

describe('config mismatch against the linked reported result', () => {
  it('is silent without a linked result and for a run that follows the reference', () => {
    expect(diagnoseConfigMismatch(clipaH14(), null, DEFAULT_THRESHOLDS)).toBeNull();
    expect(findConfigMismatches(clipaH14(), primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('names both values and the source of the reference for a different image token length', () => {
    expect(findConfigMismatches(clipaH14({ force_image_size: '[70]' }), primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS)).toEqual([
      {
        field: 'image_tokens',
        severity: 'high',
        run: '70 px (force_image_size) → 25 image tokens',
        reference: '36 image tokens at 84 px',
        referenceSource: 'CLIPA-v2 paper: CLIPA-v2 paper (arXiv 2306.15658; read from UCSC-VLAA/CLIPA@c826094:CLIPA_V2.pdf), Table 1 row 2',
      },
    ]);
  });

  it('reports the model family, text tokens and plan, most severe first', () => {
    const run = clipaH14({ model: 'ViT-L-14-CL16-GAP' }, { model: 'ViT-L-14-CL16-GAP', samplesPerEpoch: 128_000_000 });
    expect(findConfigMismatches(run, primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS).map((mismatch) => [mismatch.field, mismatch.severity, mismatch.run, mismatch.reference])).toEqual([
      ['model', 'high', 'ViT-L-14-CL16-GAP (L/14)', 'H/14'],
      ['text_tokens', 'high', '16 text tokens (CL16 in ViT-L-14-CL16-GAP)', '8 text tokens'],
      ['samples_seen', 'medium', '1.3B samples planned (samples per epoch × epochs)', '2.6B samples of pre-training'],
    ]);
  });

  it('takes an unstated image size and text length from the model config (224 px, 77 tokens)', () => {
    const plain = clipaH14({ model: 'ViT-H-14', force_image_size: 'None' }, { model: 'ViT-H-14' });
    expect(findConfigMismatches(plain, primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS).map((mismatch) => [mismatch.field, mismatch.run])).toEqual([
      ['image_tokens', "224 px (ViT-H-14's config size; no force_image_size) → 256 image tokens"],
      ['text_tokens', "77 text tokens (ViT-H-14's context length)"],
    ]);
  });

  it('tells random masking to the same token count apart from resizing', () => {
    const masked = clipaH14({ force_image_size: '224', force_patch_dropout: '0.86' });
    expect(findConfigMismatches(masked, primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS)).toMatchObject([
      { field: 'token_reduction', severity: 'medium', run: 'random patch dropout 0.86 at 224 px', reference: 'resize to 84 px, no masking' },
    ]);
  });

  it('counts CLIPA-v1 image tokens with their class token (I50 at 112 px for B/16 is 7 × 7 patches)', () => {
    const b16 = makeRun({ model: 'ViT-B-16-CL16', name: 'b16', config: { force_image_size: '112' }, globalBatchSize: 65536, precision: 'amp_bf16' });
    expect(findConfigMismatches(b16, primary('clipa-v1_B16-I50-T16_laion400m'), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('compares samples seen within samplesSeenTolerance (5%)', () => {
    const planned = (samplesPerEpoch: number) => findConfigMismatches(clipaH14({}, { samplesPerEpoch }), primary(TABLE_1_ROW_2), DEFAULT_THRESHOLDS).map((mismatch) => mismatch.field);
    expect(planned(256_000_000 * 1.049)).toEqual([]);
    expect(planned(256_000_000 * 1.051)).toEqual(['samples_seen']);
  });

  it('compares batch, schedule and precision with the training recipe, naming the recipe file', () => {
    const run = makeRun({ model: 'ViT-L-16-CL8-GAP', name: 'l16-i37-t8', config: { force_image_size: '96', warmup: '500' }, globalBatchSize: 16384, precision: 'amp' });
    expect(findConfigMismatches(run, primary('clipa-v1_L16-I37-T8_laion400m'), DEFAULT_THRESHOLDS)).toEqual([
      {
        field: 'global_batch',
        severity: 'medium',
        run: '16,384',
        reference: '32,768',
        referenceSource: 'UCSC-VLAA/CLIPA@052f459 clipa_torch/scripts/exp/gpu/vit_l16/i37_t8_pretrain.sh (--batch-size 4096 on 8 GPUs, --warmup 1563, --precision amp_bf16)',
      },
      expect.objectContaining({ field: 'schedule', severity: 'low', run: 'cosine decay, warm-up 8.2M samples (500 steps)', reference: 'cosine decay, warm-up 51.2M samples' }),
      expect.objectContaining({ field: 'precision', severity: 'low', run: 'amp', reference: 'amp_bf16' }),
    ]);
  });

  it('judges a fine-tuning run against the fine-tuning stage: resolution, masking ratio, text tokens', () => {
    const finetune = makeRun({
      model: 'ViT-H-14-CL32-GAP',
      name: 'h14-ft',
      config: { pretrained: '/ckpt/h14-84/epoch_10.pt', force_image_size: '224', force_patch_dropout: '0.3', warmup: '800' },
      samplesPerEpoch: 524_288_000,
      epochs: 1,
      globalBatchSize: 32768,
    });
    expect(findConfigMismatches(finetune, primary('clipa-v2_H14_datacomp1b_84-224'), DEFAULT_THRESHOLDS)).toEqual([]);
    const unmasked = { ...finetune, config: { ...finetune.config, force_patch_dropout: '0' } };
    expect(findConfigMismatches(unmasked, primary('clipa-v2_H14_datacomp1b_84-224'), DEFAULT_THRESHOLDS)).toMatchObject([
      { field: 'token_reduction', run: 'no patch dropout (full tokens)', reference: '30% random masking (512M samples at 224x224 (paper default CLIPA-v2 finetuning: 30% random masking, Sec. 3; not restated per row))' },
    ]);
    expect(findConfigMismatches(finetune, primary('clipa-v2_H14_laion2b_pretrain84'), DEFAULT_THRESHOLDS)).toMatchObject([{ field: 'stage', reference: 'no fine-tuning stage' }]);
  });

  it('reads the fine-tuning stages of the reference text', () => {
    expect(readFinetuneStages(primary('clipa-v2_H14_datacomp1b_84-224-336')).map(({ samples, imageRes, maskRatio }) => ({ samples, imageRes, maskRatio }))).toEqual([
      { samples: 512_000_000, imageRes: 224, maskRatio: 0.3 },
      { samples: 128_000_000, imageRes: 336, maskRatio: 0.4 },
    ]);
    expect(readFinetuneStages(primary(TABLE_1_ROW_2))).toMatchObject([{ samples: 128_000_000, imageRes: 224, maskRatio: 0, textTokens: 32 }]);
    expect(readFinetuneStages(primary('clipa-v2_H14_laion2b_pretrain84'))).toEqual([]);
  });
});

describe('a real-format CLIPA run linked to a CLIPA-v2 result', () => {
  // params.txt and out.log as open_clip writes them (the clipa_torch i36_t8 recipe, but 112 px).
  const spec: DemoRunSpec = {
    name: 'h14-i64-t8', model: 'ViT-H-14-CL8-Syntax-GAP', gpus: 256, batchSizePerGpu: 256, stepsPerEpoch: 3900, epochs: 10,
    logEveryNSteps: 100, lr: 2.048e-3, finalTop1: 0.7, perGpuSamplesPerSecond: 120, startMs: Date.UTC(2026, 10, 30, 8), seed: 3, stopAtFraction: 0.03,
    params: { force_image_size: '112', lr_scheduler: 'cosine', warmup: '3200', precision: 'amp_bf16', train_num_samples: '256000000' },
  };
  const files = writeDemoRun(spec);

  it('reports exactly the image token mismatch, with both values and the reference source', () => {
    const input = { ...inputFromLog({ outLog: files.outLog, paramsTxt: files.paramsTxt, key: spec.name, status: 'running' }), reference: primary(TABLE_1_ROW_2) };
    expect(files.paramsTxt).toContain('force_image_size: 112\n');
    const findings = diagnoseRun(input);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'config_mismatch', severity: 'high' });
    expect(findings[0]!.evidence.mismatches).toEqual([
      {
        field: 'image_tokens',
        severity: 'high',
        run: '112 px (force_image_size) → 64 image tokens',
        reference: '36 image tokens at 84 px',
        referenceSource: 'CLIPA-v2 paper: CLIPA-v2 paper (arXiv 2306.15658; read from UCSC-VLAA/CLIPA@c826094:CLIPA_V2.pdf), Table 1 row 2',
      },
    ]);
    expect(findings[0]!.summary).toBe(`1 config mismatch against ${TABLE_1_ROW_2}: image tokens (run 112 px (force_image_size) → 64 image tokens; reference 36 image tokens at 84 px).`);
  });
});
