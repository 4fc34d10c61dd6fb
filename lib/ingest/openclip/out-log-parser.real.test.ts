import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { splitTextLines } from '../split-lines';
import { parseOutLog, parseOutLogLines, type OutLogState } from './out-log-parser';
import { parseParamsTxt } from './params-txt-parser';

// Real files from public repositories; see test/fixtures/openclip-real/SOURCES.md for origin and renames.
const REAL = new URL('../../../test/fixtures/openclip-real/', import.meta.url);
const readReal = (name: string) => readFileSync(new URL(name, REAL), 'utf8');
const utc = (month: number, day: number, hour: number, minute: number, second: number, year: number) => Date.UTC(year, month - 1, day, hour, minute, second);

interface RealRun {
  outLog: string;
  paramsTxt?: string;
  model?: string;
  gpus: number;
  batchSize?: number;
  epochs?: number;
  precision?: string;
  lr?: string;
  datasetType?: string;
  reportTo?: string;
  paramCount?: number;
}

// Values as listed in SOURCES.md for each whole out.log.
const REAL_RUNS: readonly RealRun[] = [
  { outLog: 'Alexios-hub__LightClip/2024_05_07-11_02_49__out.log', paramsTxt: 'Alexios-hub__LightClip/2024_05_07-11_02_49__params.txt', model: 'RN50', gpus: 2, batchSize: 64, epochs: 32, precision: 'amp', lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 95 },
  { outLog: 'Alexios-hub__LightClip/2024_05_09-16_42_06__out.log', paramsTxt: 'Alexios-hub__LightClip/2024_05_09-16_42_06__params.txt', model: 'RN50', gpus: 2, batchSize: 128, epochs: 32, precision: 'amp', lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 96 },
  { outLog: 'Alexios-hub__LightClip/2024_05_09-16_42_56__out.log', paramsTxt: 'Alexios-hub__LightClip/2024_05_09-16_42_56__params.txt', model: 'RN50', gpus: 2, batchSize: 128, epochs: 32, precision: 'amp', lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 96 },
  { outLog: 'Alexios-hub__LightClip/2024_05_09-19_42_23__out.log', model: 'RN50', gpus: 2 },
  { outLog: 'Alexios-hub__LightClip/2024_05_09-19_42_58__out.log', paramsTxt: 'Alexios-hub__LightClip/2024_05_09-19_42_58__params.txt', model: 'RN50', gpus: 2, batchSize: 128, epochs: 32, precision: 'amp', lr: '0.0005', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 96 },
  { outLog: 'Alexios-hub__LightClip/2024_05_31-17_21_19__out.log', paramsTxt: 'Alexios-hub__LightClip/2024_05_31-17_21_19__params.txt', model: 'mobileclip_s0', gpus: 2, batchSize: 512, epochs: 32, precision: 'amp', lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 97 },
  { outLog: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_08__out.log', paramsTxt: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_08__params.txt', model: 'timm-swin_tiny_patch4_window7_224', gpus: 8, batchSize: 128, epochs: 32, precision: 'amp', lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 95 },
  { outLog: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_55__out.log', paramsTxt: 'Alexios-hub__LightClip/path-to-logs__2024_05_06-23_20_55__params.txt', model: 'timm-swin_tiny_patch4_window7_224', gpus: 2, batchSize: 128, epochs: 32, precision: 'amp', lr: '0.001', datasetType: 'csv', reportTo: 'tensorboard', paramCount: 95 },
  { outLog: 'cygg2002__clip-kd-w/2025_12_26-11_02_37__out.log', paramsTxt: 'cygg2002__clip-kd-w/2025_12_26-11_02_37__params.txt', model: 'ViT-B-32', gpus: 1, batchSize: 64, epochs: 1, precision: 'amp', lr: '0.0005', datasetType: 'csv', reportTo: '', paramCount: 98 },
  { outLog: 'OliverXUZY__openclip/logs__eps3_1gpu__out.log', paramsTxt: 'OliverXUZY__openclip/logs__eps3_1gpu__params.txt', model: 'ViT-B-32-quickgelu', gpus: 1, batchSize: 64, epochs: 3, precision: 'amp', lr: '0.001', datasetType: 'auto', reportTo: 'wandb', paramCount: 99 },
  { outLog: 'OliverXUZY__openclip/logs__eps3_1gpu_lora__out.log', paramsTxt: 'OliverXUZY__openclip/logs__eps3_1gpu_lora__params.txt', model: 'ViT-B-32-quickgelu', gpus: 1, batchSize: 64, epochs: 3, precision: 'amp', lr: '0.001', datasetType: 'auto', reportTo: 'wandb', paramCount: 99 },
  { outLog: 'OvO1111__open_clip_3d/logs__test__out.log', gpus: 1 },
];

describe('real out.log files (header-only, crashed or aborted runs)', () => {
  it.each(REAL_RUNS.map((run) => [run.outLog, run]))('%s', (_name, run) => {
    const text = readReal(run.outLog);
    const result = parseOutLog(text);
    expect(result.points).toEqual([]);
    expect(result.unparsed).toEqual([]);
    expect(result.lineCount).toBe(splitTextLines(text).length);
    expect(result.info.launches).toBe(1);
    expect(result.info.model).toBe(run.model);
    expect(result.info.gpus).toBe(run.gpus);
    expect(result.info.batchSize).toBe(run.batchSize);
    expect(result.info.epochs).toBe(run.epochs);
    expect(result.info.precision).toBe(run.precision);
    expect(result.info.globalBatchSize).toBe(run.batchSize === undefined ? undefined : run.batchSize * run.gpus);
    expect(result.info.params?.lr).toBe(run.lr);
    expect(result.info.params?.dataset_type).toBe(run.datasetType);
    expect(result.info.params?.report_to).toBe(run.reportTo);
    expect(result.info.params === undefined ? undefined : Object.keys(result.info.params).length).toBe(run.paramCount);
  });

  it.each(REAL_RUNS.filter((run) => run.paramsTxt).map((run) => [run.outLog, run]))('%s: the Params block equals params.txt', (_name, run) => {
    const fromOutLog = parseOutLog(readReal(run.outLog)).info;
    const fromParamsTxt = parseParamsTxt(readReal(run.paramsTxt ?? ''));
    expect(fromOutLog.params).toEqual(fromParamsTxt.params);
    const { launches: _launches, errors: _errors, ...derived } = fromOutLog;
    expect(derived).toEqual(fromParamsTxt.info);
  });

  it('captures the ERROR of an aborted run', () => {
    const result = parseOutLog(readReal('OvO1111__open_clip_3d/logs__test__out.log'));
    expect(result.info.errors).toHaveLength(1);
    expect(result.info.errors[0]).toMatch(/^Model config for RN101_3D not found; available models \['coca_base', 'coca_roberta-ViT-B-32', /);
    expect(result.info.errors[0].length).toBeLessThanOrEqual(1000);
  });

  it('reads the CLIP-KD fork header without a Params: line and with a `model:X(` repr', () => {
    const result = parseOutLog(readReal('Alexios-hub__LightClip/2024_05_31-17_21_19__out.log'));
    expect(result.lineCount).toBe(589);
    expect(result.info.params?.model).toBe('mobileclip_s0');
    expect(result.state.block).toBe('params');
  });
});

/** Train points of one step as { key suffix: value } plus the step's axes. */
function stepView(points: readonly MetricPointInput[], step: number) {
  const atStep = points.filter((point) => point.step === step && point.key.startsWith('train/'));
  const [first] = atStep;
  return {
    samplesSeen: first?.samplesSeen,
    epoch: first?.epoch,
    wallTime: first?.wallTime,
    values: Object.fromEntries(atStep.map((point) => [point.key.slice('train/'.length), point.value])),
  };
}

describe('real excerpts: exact points', () => {
  it('FZJ-JSC jubench: 3 classic lines, 32 GPUs, B = 16384 learned from batch 1', () => {
    const result = parseOutLog(readReal('_excerpts/FZJ-JSC__jubench-mmoclip/DESCRIPTION.md__excerpt.log'));
    expect(result.unparsedCount).toBe(0);
    expect(result.info).toEqual({ gpus: 32, globalBatchSize: 16384, samplesPerEpoch: 3200000, launches: 0, errors: [] });
    const M = 3200000;
    expect(stepView(result.points, 1)).toEqual({
      samplesSeen: 16384,
      epoch: 16384 / M,
      wallTime: utc(4, 21, 12, 3, 13, 2023),
      values: { data_time: 90.938, batch_time: 137.606, samples_per_second: 119.065, samples_per_second_per_gpu: 3.72078, lr: 0, logit_scale: 14.286, contrastive_loss: 9.7031, loss: 9.7031 },
    });
    expect(stepView(result.points, 2)).toEqual({
      samplesSeen: 32768,
      epoch: 32768 / M,
      wallTime: utc(4, 21, 12, 3, 20, 2023),
      values: { data_time: 0.029, batch_time: 6.655, samples_per_second: 2461.78, samples_per_second_per_gpu: 76.9308, lr: 0, logit_scale: 14.286, contrastive_loss: 9.7031, loss: 9.7031 },
    });
    expect(stepView(result.points, 3)).toEqual({
      samplesSeen: 49152,
      epoch: 49152 / M,
      wallTime: utc(4, 21, 12, 3, 26, 2023),
      values: { data_time: 0.034, batch_time: 6.466, samples_per_second: 2533.71, samples_per_second_per_gpu: 79.1783, lr: 0, logit_scale: 14.286, contrastive_loss: 9.7031, loss: 9.7031 },
    });
    expect(result.points).toHaveLength(24);
  });

  const M = 109468;
  const excerptA = readReal('_excerpts/mertyg__vision-language-models-are-bows/issue-27__turn-5__excerpt-a.log');
  const excerptB = readReal('_excerpts/mertyg__vision-language-models-are-bows/issue-27__turn-5__excerpt-b.log');

  it('vision-language-models-are-bows excerpt a: 2022-format lines with a " - V4" suffix', () => {
    const result = parseOutLog(excerptA);
    expect(result.unparsed).toEqual([{ line: 1, text: ' Start epoch 0', reason: 'not understood' }]);
    const rows: [number, number, number, number, number, number, number, number][] = [
      [1, 64, 40, 1.0672, 14.173, 18.24, 1.75441, 100],
      [101, 6464, 36, 0.97884, 0.158, 0.559, 36.0876, 99.995],
      [201, 12864, 28, 0.87522, 0.113, 0.515, 78.8352, 99.99],
      [301, 19264, 13, 0.73911, 0.052, 0.454, 78.3267, 99.987],
      [401, 25664, 0, 0.60426, 0.065, 0.472, 78.0624, 99.983],
      [501, 32064, 47, 0.62116, 0.058, 0.463, 53.4243, 99.981],
      [601, 38464, 36, 0.88208, 0.084, 0.49, 78.5411, 99.981],
    ];
    const minutes = [44, 45, 46, 47, 48, 48, 49];
    rows.forEach(([step, samples, second, loss, data, batch, perSecond, scale], index) => {
      expect(stepView(result.points, step)).toEqual({
        samplesSeen: samples,
        epoch: samples / M,
        wallTime: utc(6, 29, 15, minutes[index], second, 2023),
        values: { loss, data_time: data, batch_time: batch, samples_per_second: perSecond, lr: index === 0 ? 0 : 0.000001, logit_scale: scale },
      });
    });
    // The quote ends after "Logit Scale:", so that value is missing, the rest of the line is complete.
    expect(stepView(result.points, 701)).toEqual({
      samplesSeen: 44864,
      epoch: 44864 / M,
      wallTime: utc(6, 29, 15, 50, 31, 2023),
      values: { loss: 0.70934, data_time: 0.149, batch_time: 0.557, samples_per_second: 78.6467, lr: 0.000001 },
    });
    expect(result.info.globalBatchSize).toBe(64);
  });

  const bEval = {
    image_to_text_mean_rank: 22.8763,
    image_to_text_median_rank: 5,
    'image_to_text_R@1': 0.2029,
    'image_to_text_R@5': 0.5087,
    'image_to_text_R@10': 0.6417,
    text_to_image_mean_rank: 23.5244,
    text_to_image_median_rank: 5,
    'text_to_image_R@1': 0.2139,
    'text_to_image_R@5': 0.5363,
    'text_to_image_R@10': 0.6658,
    val_loss: 0.747,
  };
  const valuesAt = (points: readonly MetricPointInput[], step: number) =>
    Object.fromEntries(points.filter((point) => point.step === step && point.key.startsWith('val/')).map((point) => [point.key.slice(4), point.value]));

  it('excerpt b on its own: mid-epoch start cannot teach the batch, the eval falls back to step = E', () => {
    const result = parseOutLog(excerptB);
    expect(result.unparsed.map((line) => [line.line, line.reason])).toEqual([
      [1, 'train line before the global batch size is known (no Params block, epoch start not seen)'],
      [2, 'train line before the global batch size is known (no Params block, epoch start not seen)'],
    ]);
    expect(valuesAt(result.points, 1)).toEqual(bEval);
    expect(result.points.find((point) => point.key === 'val/val_loss')).toEqual({
      key: 'val/val_loss', step: 1, epoch: 1, samplesSeen: null, wallTime: utc(6, 29, 16, 17, 11, 2023), value: 0.747,
    });
    expect(stepView(result.points, 1712)).toEqual({
      samplesSeen: M + 64,
      epoch: 1 + 64 / M,
      wallTime: utc(6, 29, 16, 17, 46, 2023),
      values: { loss: 0.54156, data_time: 19.975, batch_time: 21.429, samples_per_second: 1.49333, lr: 0.000001, logit_scale: 99.968 },
    });
    expect(stepView(result.points, 1812).values).toEqual({ loss: 0.45601, data_time: 0.202, batch_time: 0.61, samples_per_second: 78.7116, lr: 0.000001, logit_scale: 99.972 });
    // Cut mid-number after "Data (t): 0.4": only the complete loss survives.
    expect(stepView(result.points, 1912)).toEqual({ samplesSeen: M + 12864, epoch: 1 + 12864 / M, wallTime: utc(6, 29, 16, 20, 8, 2023), values: { loss: 0.54631 } });
  });

  it('excerpt b after excerpt a (state saved as JSON in between) places the whole comment', () => {
    const first = parseOutLogLines(splitTextLines(excerptA), parseOutLog('').state);
    const second = parseOutLogLines(splitTextLines(excerptB), JSON.parse(JSON.stringify(first.state)) as OutLogState);
    expect(second.unparsedCount).toBe(0);
    expect(second.state.linesConsumed).toBe(first.lineCount + second.lineCount);
    // This fork prints N > M (N counted twice), so epoch 0 runs past 1; the rule is applied as logged.
    expect(stepView(second.points, 3401)).toEqual({
      samplesSeen: 217664,
      epoch: 217664 / M,
      wallTime: utc(6, 29, 16, 15, 36, 2023),
      values: { loss: 0.62594, data_time: 0.275, batch_time: 0.683, samples_per_second: 78.743, lr: 0.000001, logit_scale: 99.968 },
    });
    expect(stepView(second.points, 3420).samplesSeen).toBe(218880);
    expect(valuesAt(second.points, 1711)).toEqual(bEval);
    expect(second.points.find((point) => point.key === 'val/val_loss')).toMatchObject({ step: 1711, samplesSeen: M, epoch: 1 });
    expect([...new Set(second.points.filter((point) => point.key === 'train/loss').map((point) => point.step))]).toEqual([3401, 3420, 1712, 1812, 1912]);
  });

  it('open_clip PR 813 (NPU): header and model repr inside a Markdown fence', () => {
    const result = parseOutLog(readReal('_excerpts/mlfoundations__open_clip/pull-813__turn-0__excerpt.log'));
    expect(result.unparsed).toEqual([]);
    expect(result.points).toEqual([]);
    expect(result.info).toEqual({ model: 'ViT-L-14', gpus: 1, launches: 1, errors: [] });
    expect(result.state.block).toBe('model');
  });
});
