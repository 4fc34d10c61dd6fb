import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParamsTxt } from './params-txt-parser';

const SYNTHETIC = new URL('../../../test/fixtures/openclip/', import.meta.url);
const REAL = new URL('../../../test/fixtures/openclip-real/', import.meta.url);

describe('parseParamsTxt: edge cases (synthetic)', () => {
  const result = parseParamsTxt(readFileSync(new URL('params-edge-cases.txt', SYNTHETIC), 'utf8'));

  it('splits on the first ": " and keeps TAB, empty and None values raw', () => {
    expect(Object.keys(result.params)).toHaveLength(24);
    expect(result.params).toMatchObject({
      csv_separator: '\t',
      pretrained: '',
      wandb_notes: '',
      resume: 'None',
      name: 'vitb32: cc12m: run 2',
      checkpoint_path: './logs/vitb32-cc12m/checkpoints',
    });
  });

  it('derives typed info, global batch = batch × accum × world size', () => {
    expect(result.info).toEqual({
      model: 'ViT-B-32',
      gpus: 8,
      batchSize: 256,
      accumFreq: 4,
      globalBatchSize: 8192,
      precision: 'amp',
      samplesPerEpoch: 10000000,
      epochs: 32,
      params: result.params,
    });
  });

  it('reports lines that are not key: value', () => {
    expect(result.unparsed).toEqual([{ line: 25, text: 'this line is not a parameter', reason: 'not a "key: value" line' }]);
  });
});

describe('parseParamsTxt: small cases', () => {
  it('accepts CRLF line ends and lets a repeated key keep its last value', () => {
    expect(parseParamsTxt('batch_size: 64\r\nworld_size: 2\r\nbatch_size: 128\r\n').params).toEqual({ batch_size: '128', world_size: '2' });
  });

  it('leaves None and empty values out of the typed info', () => {
    const { info } = parseParamsTxt('model: None\nbatch_size: \nprecision: \nworld_size: 4\n');
    expect(info).toEqual({ gpus: 4, params: { model: 'None', batch_size: '', precision: '', world_size: '4' } });
  });

  it('gives empty results for empty text and never reads __proto__ as a key', () => {
    expect(parseParamsTxt('')).toEqual({ params: {}, info: { params: {} }, unparsed: [] });
    const result = parseParamsTxt('__proto__: x\nlr: 1\n');
    expect(result.params).toEqual({ lr: '1' });
    expect(result.unparsed).toHaveLength(1);
  });
});

interface RealParams {
  file: string;
  keys: number;
  model: string;
  batchSize: number;
  gpus: number;
  epochs: number;
  lr: string;
  datasetType: string;
  reportTo: string;
}

// Values as listed in SOURCES.md (precision is `amp` in every one of them).
const REAL_PARAMS: readonly RealParams[] = [
  { file: 'Alexios-hub__LightClip/2024_05_07-11_02_49__params.txt', keys: 95, model: 'RN50', batchSize: 64, gpus: 2, epochs: 32, lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/2024_05_09-16_42_06__params.txt', keys: 96, model: 'RN50', batchSize: 128, gpus: 2, epochs: 32, lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/2024_05_09-16_42_56__params.txt', keys: 96, model: 'RN50', batchSize: 128, gpus: 2, epochs: 32, lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/2024_05_09-19_42_58__params.txt', keys: 96, model: 'RN50', batchSize: 128, gpus: 2, epochs: 32, lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/2024_05_31-17_21_19__params.txt', keys: 97, model: 'mobileclip_s0', batchSize: 512, gpus: 2, epochs: 32, lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_08__params.txt', keys: 95, model: 'timm-swin_tiny_patch4_window7_224', batchSize: 128, gpus: 8, epochs: 32, lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_55__params.txt', keys: 95, model: 'timm-swin_tiny_patch4_window7_224', batchSize: 128, gpus: 2, epochs: 32, lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard' },
  { file: 'cygg2002__clip-kd-w/2025_12_26-11_02_37__params.txt', keys: 98, model: 'ViT-B-32', batchSize: 64, gpus: 1, epochs: 1, lr: '0.0005', datasetType: 'csv', reportTo: '' },
  { file: 'OliverXUZY__openclip/logs__eps3_1gpu__params.txt', keys: 99, model: 'ViT-B-32-quickgelu', batchSize: 64, gpus: 1, epochs: 3, lr: '0.001', datasetType: 'auto', reportTo: 'wandb' },
  { file: 'OliverXUZY__openclip/logs__eps3_1gpu_lora__params.txt', keys: 99, model: 'ViT-B-32-quickgelu', batchSize: 64, gpus: 1, epochs: 3, lr: '0.001', datasetType: 'auto', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260314-213423__params.txt', keys: 110, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 1024, gpus: 2, epochs: 10, lr: '0.0005', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260316-222347__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 16, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260316-222824__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260316-230935__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 256, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260316-233131__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 256, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260316-235047__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 256, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-000202__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 256, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-000235__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-000318__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-001416__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-06', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-002237__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-05', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-003207__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 128, gpus: 1, epochs: 10, lr: '5e-05', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_full__full-no-hard-20260317-003433__params.txt', keys: 113, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 256, gpus: 1, epochs: 10, lr: '5e-05', datasetType: 'attr_jsonl', reportTo: 'wandb' },
  { file: 'mlfoundations__open_clip/logs_sample_test__sample-eval-test-20260314-204047__params.txt', keys: 110, model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', batchSize: 32, gpus: 1, epochs: 1, lr: '0.0005', datasetType: 'attr_jsonl', reportTo: 'none' },
  { file: 'mlfoundations__open_clip/logs_tiny_multigpu_test__tiny-multigpu-lora-test-20260312-203150__params.txt', keys: 109, model: 'ViT-B-16-SigLIP-256', batchSize: 4, gpus: 2, epochs: 1, lr: '0.0005', datasetType: 'attr_jsonl', reportTo: 'none' },
];

describe('parseParamsTxt: real params.txt files', () => {
  it('covers all 25 real params.txt files', () => {
    expect(REAL_PARAMS).toHaveLength(25);
  });

  it.each(REAL_PARAMS.map((row) => [row.file, row]))('%s', (_name, row) => {
    const result = parseParamsTxt(readFileSync(new URL(row.file, REAL), 'utf8'));
    expect(result.unparsed).toEqual([]);
    expect(Object.keys(result.params)).toHaveLength(row.keys);
    expect(result.info).toMatchObject({ model: row.model, batchSize: row.batchSize, gpus: row.gpus, epochs: row.epochs, precision: 'amp', globalBatchSize: row.batchSize * (result.info.accumFreq ?? 1) * row.gpus });
    expect(result.params).toMatchObject({ lr: row.lr, dataset_type: row.datasetType, report_to: row.reportTo });
  });

  it('keeps the literal TAB of csv_separator and the empty values of the open_clip PR files', () => {
    const result = parseParamsTxt(readFileSync(new URL('mlfoundations__open_clip/logs_full__full-no-hard-20260314-213423__params.txt', REAL), 'utf8'));
    expect(result.params).toMatchObject({ csv_separator: '\t', pretrained: '', accum_freq: '1', train_num_samples: 'None' });
    expect(result.info.accumFreq).toBe(1);
    expect(result.info.samplesPerEpoch).toBeUndefined();
  });
});
