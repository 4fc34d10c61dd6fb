import { describe, expect, it } from 'vitest';
import { parseOutLog } from './out-log-parser';
import { byStep, readFixture, series, utc } from './out-log-test-helpers';

const M = 1007616;

describe('parseOutLog: classic multi-GPU run resumed into the same out.log', () => {
  const text = readFixture('classic-multi-gpu-resumed.out.log');
  const result = parseOutLog(text);

  it('reads run info from both header blocks, the second launch winning', () => {
    const { params, ...info } = result.info;
    expect(info).toEqual({
      model: 'ViT-B-32',
      gpus: 4,
      batchSize: 256,
      accumFreq: 1,
      globalBatchSize: 1024,
      precision: 'amp',
      samplesPerEpoch: M,
      epochs: 3,
      launches: 2,
      errors: [],
    });
    expect(params).toMatchObject({ resume: 'latest', csv_separator: '\t', pretrained: '', world_size: '4', train_num_samples: '1000000' });
    expect(Object.keys(params ?? {})).toHaveLength(24);
  });

  it('understands every line', () => {
    expect(result.unparsedCount).toBe(0);
    expect(result.unparsed).toEqual([]);
    expect(result.lineCount).toBe(105);
    expect(result.state.linesConsumed).toBe(105);
  });

  it('puts train lines on step = E*ceil(M/B) + round(N/B) and keeps the re-logged values after the resume', () => {
    expect(series(result.points, 'train/loss')).toEqual([
      [1, 6.9315],
      [101, 6.4821],
      [984, 4.9182],
      [985, 4.811],
      [1085, 4.5988],
      [1968, 3.9017],
      [1969, 3.6631],
      [2952, 3.2102],
    ]);
    expect(result.points.filter((point) => point.key === 'train/loss' && point.step === 985)).toEqual([
      { key: 'train/loss', step: 985, epoch: 1 + 1024 / M, samplesSeen: M + 1024, wallTime: utc(3, 6, 9, 30, 14), value: 4.811 },
    ]);
  });

  it('reads every token of a classic train line', () => {
    expect(byStep(result.points, 'train/')[1]).toEqual({
      samplesSeen: 1024,
      epoch: 1024 / M,
      wallTime: utc(3, 5, 14, 2, 11),
      values: {
        contrastive_loss: 6.9315,
        data_time: 3.912,
        batch_time: 9.871,
        samples_per_second: 103.738,
        samples_per_second_per_gpu: 25.9345,
        lr: 0,
        logit_scale: 14.286,
        loss: 6.9315,
      },
    });
  });

  it('puts eval summaries after epoch E on step E*stepsPerEpoch, without bookkeeping keys', () => {
    const evals = byStep(result.points, 'val/');
    expect(Object.keys(evals).map(Number)).toEqual([984, 1968, 2952]);
    expect(evals[984]).toMatchObject({ samplesSeen: M, epoch: 1, wallTime: utc(3, 5, 14, 10, 15) });
    expect(evals[984].values['imagenet-zeroshot-val-top1']).toBe(0.0342);
    expect(evals[1968].values).toEqual({
      'imagenet-zeroshot-val-top1': 0.0561,
      'imagenet-zeroshot-val-top5': 0.1634,
      image_to_text_mean_rank: 412.387,
      image_to_text_median_rank: 96,
      'image_to_text_R@1': 0.0412,
      'image_to_text_R@5': 0.1298,
      'image_to_text_R@10': 0.193,
      text_to_image_mean_rank: 420.9911,
      text_to_image_median_rank: 99,
      'text_to_image_R@1': 0.0398,
      'text_to_image_R@5': 0.1263,
      'text_to_image_R@10': 0.1904,
      clip_val_loss: 4.0172,
    });
    expect(evals[2952]).toEqual({
      samplesSeen: 3 * M,
      epoch: 3,
      wallTime: utc(3, 6, 9, 46, 15),
      values: { 'imagenet-zeroshot-val-top1': 0.1187, 'imagenet-zeroshot-val-top5': 0.2779, clip_val_loss: 3.512 },
    });
  });

  it('emits only canonical keys', () => {
    const keys = new Set(result.points.map((point) => point.key));
    expect([...keys].filter((key) => key.startsWith('train/')).sort()).toEqual(
      ['batch_time', 'contrastive_loss', 'data_time', 'logit_scale', 'loss', 'lr', 'samples_per_second', 'samples_per_second_per_gpu'].map((name) => `train/${name}`),
    );
    expect(keys.has('val/epoch') || keys.has('val/num_samples')).toBe(false);
  });
});

describe('parseOutLog: main flavour with EMA, gradient accumulation and End epoch lines', () => {
  const result = parseOutLog(readFixture('main-ema.out.log'));

  it('reads the logger-name prefix and the Params block', () => {
    const { params: _params, ...info } = result.info;
    expect(info).toEqual({
      model: 'ViT-B-16',
      gpus: 2,
      batchSize: 128,
      accumFreq: 2,
      globalBatchSize: 512,
      precision: 'amp_bf16',
      samplesPerEpoch: 102400,
      epochs: 2,
      launches: 1,
      errors: [],
    });
    expect(result.unparsedCount).toBe(0);
  });

  it('places train and eval points with B = batch × accum × GPUs', () => {
    const train = byStep(result.points, 'train/');
    expect(Object.entries(train).map(([step, view]) => [Number(step), view.samplesSeen, view.epoch, view.values.loss])).toEqual([
      [1, 512, 0.005, 6.9315],
      [101, 51712, 0.505, 6.4821],
      [200, 102400, 1, 4.9182],
      [201, 102912, 1.005, 4.8012],
      [400, 204800, 2, 4.1003],
    ]);
    expect(train[1].wallTime).toBe(utc(6, 20, 9, 11, 2, 2026));
    expect(series(result.points, 'val/imagenet-zeroshot-val-top1')).toEqual([
      [200, 0.0312],
      [400, 0.0488],
    ]);
  });

  it('turns End epoch summaries into no points', () => {
    expect(result.points.filter((point) => /avg/i.test(point.key))).toEqual([]);
    expect(result.points).toHaveLength(5 * 8 + 2 * 2);
  });
});

describe('parseOutLog: main 2026-02 pseudo-loss Logit_scale', () => {
  it('keeps one train/logit_scale point next to the real loss terms', () => {
    const result = parseOutLog(readFixture('main-2026-02-pseudo-logit-scale.out.log'));
    expect(byStep(result.points, 'train/')).toEqual({
      1: {
        samplesSeen: 256,
        epoch: 0.01,
        wallTime: utc(3, 1, 8, 0, 9, 2026),
        values: {
          data_time: 1.201,
          batch_time: 2.503,
          samples_per_second: 102.277,
          samples_per_second_per_gpu: 102.277,
          lr: 0.00001,
          logit_scale: 14.286,
          contrastive_loss: 8.3177,
          loss: 8.3177,
        },
      },
    });
  });
});

describe('parseOutLog: NaN and inf', () => {
  it('keeps non-finite values as NaN / ±Infinity and reads every #g shape', () => {
    const result = parseOutLog(readFixture('nan-inf.out.log'));
    const train = byStep(result.points, 'train/');
    expect(train[1].values).toEqual({
      data_time: 0.001, batch_time: 0.008, samples_per_second: 128000, samples_per_second_per_gpu: 32000, lr: 0, logit_scale: 14.286, contrastive_loss: 6.9315, distill_loss: 0.00001, loss: 6.9315,
    });
    expect(train[101].values).toEqual({
      data_time: 0, batch_time: 0.001, samples_per_second: 1024000, samples_per_second_per_gpu: 256000, lr: 0.000025, logit_scale: 14.291, contrastive_loss: NaN, distill_loss: Infinity, loss: NaN,
    });
    expect(train[202].values).toEqual({
      data_time: 0.02, batch_time: 0.41, samples_per_second: 2497.56, samples_per_second_per_gpu: 624.39, lr: 0.00005, logit_scale: NaN, contrastive_loss: NaN, distill_loss: -Infinity, loss: NaN,
    });
    expect(Number.isNaN(train[101].values.loss)).toBe(true);
    expect(byStep(result.points, 'val/')[984].values).toEqual({ 'imagenet-zeroshot-val-top1': 0.001, clip_val_loss: NaN });
  });
});

describe('parseOutLog: foreign lines, junk and tracebacks', () => {
  const result = parseOutLog(readFixture('noise-and-junk.out.log'));

  it('reports exactly the lines it does not understand', () => {
    expect(result.unparsed).toEqual([
      { line: 12, text: 'this line was printed by a user callback', reason: 'not understood' },
      { line: 14, text: '2024-03-05,14:03:00 | INFO | Train Epoch: 0 [ 10', reason: 'incomplete train line' },
      { line: 31, text: 'Epoch 1 finished, see you soon', reason: 'not understood' },
    ]);
    expect(result.unparsedCount).toBe(3);
    expect(result.lineCount).toBe(34);
  });

  it('parses records behind glued junk and inside Markdown bold, with their own timestamps', () => {
    const train = byStep(result.points, 'train/');
    expect(Object.keys(train).map(Number)).toEqual([1, 101, 984]);
    expect(train[101]).toMatchObject({ wallTime: utc(3, 5, 14, 2, 53), samplesSeen: 103424 });
    expect(train[101].values.loss).toBe(6.4821);
    expect(train[984]).toMatchObject({ wallTime: utc(3, 5, 14, 8, 40), epoch: 1 });
    expect(train[984].values.loss).toBe(4.9182);
    expect(byStep(result.points, 'val/')[984].values).toEqual({ 'imagenet-zeroshot-val-top1': 0.0342, 'imagenet-zeroshot-val-top5': 0.1101 });
  });

  it('captures the ERROR message and swallows its traceback', () => {
    expect(result.info.errors).toEqual(['Caught exception in the training loop: CUDA error: an illegal memory access was encountered']);
  });
});

describe('parseOutLog: clipa_torch fractional eval epochs and eval-only runs', () => {
  it('places fractional eval epochs on the train step axis', () => {
    const result = parseOutLog(readFixture('clipa-torch-fractional-eval.out.log'));
    const evals = byStep(result.points, 'val/');
    expect(Object.entries(evals).map(([step, view]) => [Number(step), view.samplesSeen, view.epoch, view.values['imagenet-zeroshot-val-top1']])).toEqual([
      [4095, 4193280, 0.4998779296875, 0.2231],
      [8191, 8387584, 0.9998779296875, 0.3307],
      [8192, 8388608, 1, 0.3311],
    ]);
    expect(Object.keys(byStep(result.points, 'train/')).map(Number)).toEqual([1, 4000, 8192]);
  });

  it('falls back to step = E without samples seen when no train line gave M', () => {
    const result = parseOutLog(readFixture('eval-only.out.log'));
    expect(result.points).toEqual([
      { key: 'val/imagenet-zeroshot-val-top1', step: 32, epoch: 32, samplesSeen: null, wallTime: utc(4, 2, 11, 1, 31), value: 0.6321 },
      { key: 'val/imagenet-zeroshot-val-top5', step: 32, epoch: 32, samplesSeen: null, wallTime: utc(4, 2, 11, 1, 31), value: 0.8811 },
    ]);
  });
});

