import { describe, expect, it } from 'vitest';
import { parseOutLog } from './out-log-parser';
import { byStep, readFixture, series, utc } from './out-log-test-helpers';

const M = 1007616;

describe('parseOutLog: historic train-line formats (LOG_FORMATS section 11)', () => {
  const epochOne = (samples: number) => 1 + samples / M;

  it('v2.11–v2.14 without /s/gpu, learning B from the first line after Start epoch', () => {
    const result = parseOutLog(readFixture('v2.11-no-per-gpu.out.log'));
    expect(result.info).toEqual({ model: 'ViT-B-32', gpus: 1, globalBatchSize: 256, samplesPerEpoch: 25600, launches: 1, errors: [] });
    expect(byStep(result.points, 'train/')).toEqual({
      1: {
        samplesSeen: 256,
        epoch: 0.01,
        wallTime: utc(1, 20, 10, 0, 9, 2023),
        values: { data_time: 1.201, batch_time: 2.503, samples_per_second: 102.277, lr: 0.00001, logit_scale: 14.286, contrastive_loss: 8.3177, loss: 8.3177 },
      },
      100: {
        samplesSeen: 25600,
        epoch: 1,
        wallTime: utc(1, 20, 10, 1, 40, 2023),
        values: { data_time: 0.011, batch_time: 0.902, samples_per_second: 283.814, lr: 0.0005, logit_scale: 14.402, contrastive_loss: 7.7012, caption_loss: 5.1201, loss: 12.821 },
      },
    });
  });

  it('v2.0–v2.10 loss-first lines, val_loss summary, resumed at epoch 1', () => {
    const result = parseOutLog(readFixture('v2.0-loss-first.out.log'));
    expect(result.unparsedCount).toBe(0);
    expect(byStep(result.points, 'train/')).toEqual({
      985: { samplesSeen: M + 1024, epoch: epochOne(1024), wallTime: utc(9, 1, 12, 0, 10, 2022), values: { loss: 4.0012, data_time: 2.001, batch_time: 3.12, samples_per_second: 328.205, lr: 0.00025, logit_scale: 18.003 } },
      1184: { samplesSeen: M + 204800, epoch: epochOne(204800), wallTime: utc(9, 1, 12, 16, 10, 2022), values: { loss: 3.2102, data_time: 0.03, batch_time: 0.801, samples_per_second: 1296.2, lr: 0.00031, logit_scale: 22.114 } },
      1968: { samplesSeen: 2 * M, epoch: 2, wallTime: utc(9, 1, 13, 10, 0, 2022), values: { loss: 2.9001, data_time: 0.029, batch_time: 0.799, samples_per_second: 1281.6, lr: 0, logit_scale: 24.87 } },
    });
    expect(byStep(result.points, 'val/')).toEqual({
      1968: { samplesSeen: 2 * M, epoch: 2, wallTime: utc(9, 1, 13, 11, 0, 2022), values: { image_to_text_mean_rank: 40.12, 'image_to_text_R@1': 0.2001, val_loss: 3.9911 } },
    });
  });

  it('2022-07 Samples/Second variants', () => {
    const result = parseOutLog(readFixture('2022-07-samples-second.out.log'));
    expect(byStep(result.points, 'train/')).toEqual({
      1184: { samplesSeen: M + 204800, epoch: epochOne(204800), wallTime: utc(7, 25, 18, 20, 0, 2022), values: { loss: 3.2102, samples_per_second: 1296.2, data_time: 0.03, batch_time: 0.801, lr: 0.00031, logit_scale: 22.114 } },
      1284: { samplesSeen: M + 307200, epoch: epochOne(307200), wallTime: utc(7, 25, 18, 30, 0, 2022), values: { loss: 3.1001, samples_per_second: 1301.45, data_time: 0.031, batch_time: 0.797, lr: 0.00032, logit_scale: 22.571 } },
    });
  });

  it('v0.2–v1.x loss-first lines without throughput', () => {
    const result = parseOutLog(readFixture('v0.2-loss-first.out.log'));
    expect(result.info).toMatchObject({ model: 'RN50', gpus: 1, globalBatchSize: 1024, launches: 1 });
    expect(byStep(result.points, 'train/')).toEqual({
      1184: { samplesSeen: M + 204800, epoch: epochOne(204800), wallTime: utc(4, 10, 9, 20, 0, 2022), values: { loss: 3.2102, data_time: 0.03, batch_time: 0.801, lr: 0.00031, logit_scale: 22.114 } },
    });
  });

  it('2022-03 TAB lines: N from 0 and exp(raw logit_scale)', () => {
    const result = parseOutLog(readFixture('2022-03-tab.out.log'));
    expect(byStep(result.points, 'train/')).toEqual({
      0: { samplesSeen: 0, epoch: 0, wallTime: utc(3, 29, 10, 0, 30, 2022), values: { loss: 8.3177, data_time: 2.11, batch_time: 5.004, lr: 0, logit_scale: Math.exp(2.659) } },
      100: { samplesSeen: 102400, epoch: 102400 / M, wallTime: utc(3, 29, 10, 2, 0, 2022), values: { loss: 6.1012, data_time: 0.041, batch_time: 0.822, lr: 0.00005, logit_scale: Math.exp(2.701) } },
      984: { samplesSeen: M, epoch: 1, wallTime: utc(3, 29, 11, 0, 0, 2022), values: { loss: 3.6102, data_time: 1.9, batch_time: 4.1, lr: 0.0003, logit_scale: Math.exp(3.08) } },
      1184: { samplesSeen: M + 204800, epoch: epochOne(204800), wallTime: utc(3, 29, 11, 16, 0, 2022), values: { loss: 3.4041, data_time: 0.03, batch_time: 0.801, lr: 0.00031, logit_scale: Math.exp(3.096) } },
    });
  });

  it('2021 Rank-prefixed TAB lines and an eval summary with num_elements', () => {
    const result = parseOutLog(readFixture('2021-rank-tab.out.log'));
    expect(result.state.flavour).toBe('rank');
    expect(byStep(result.points, 'train/')).toEqual({
      1184: { samplesSeen: M + 204800, epoch: epochOne(204800), wallTime: utc(8, 2, 10, 11, 12, 2021), values: { loss: 3.210201, data_time: 0.03, batch_time: 0.801, lr: 0.00031, logit_scale: Math.exp(3.096) } },
    });
    expect(byStep(result.points, 'val/')).toEqual({
      1968: { samplesSeen: 2 * M, epoch: 2, wallTime: utc(8, 2, 10, 51, 0, 2021), values: { image_to_text_mean_rank: 41.9022, val_loss: 3.9911 } },
    });
    expect(result.unparsedCount).toBe(0);
  });

  it('classic prefix with host name', () => {
    const result = parseOutLog(readFixture('classic-host.out.log'));
    expect(result.state.flavour).toBe('classic-host');
    expect(result.info).toMatchObject({ model: 'ViT-B-32', gpus: 4, globalBatchSize: 1024, launches: 1 });
    expect(series(result.points, 'train/loss')).toEqual([[101, 6.4821]]);
    expect(result.points[0].wallTime).toBe(utc(3, 5, 14, 2, 53));
  });
});
