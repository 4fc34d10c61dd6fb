import { describe, expect, it } from 'vitest';
import { countStepsPerEpoch, placeEvalEpoch, placeTrainSample } from '../openclip/step-axis';
import { placeTensorboardStep } from './tensorboard-step-axis';

// LOG_FORMATS section 4: 4 GPUs × 256, webdataset epoch of 1,007,616 samples = 984 steps.
const B = 1024;
const M = 1_007_616;
const S = countStepsPerEpoch(M, B);

describe('placeTensorboardStep', () => {
  it('keeps steps as logged when the run geometry is unknown', () => {
    expect(placeTensorboardStep(495, 'global-step', null)).toEqual({ step: 495, epoch: null, samplesSeen: null });
    expect(placeTensorboardStep(3, 'epoch', null)).toEqual({ step: 3, epoch: null, samplesSeen: null });
  });

  it('puts an OpenCLIP train tag on the point the out.log parser gives the same log line', () => {
    // TensorBoard step E·S + i is logged next to out.log's `[N/M]` with N = (i + 1)·B.
    for (const [epoch, i] of [[0, 0], [0, 100], [0, S - 1], [1, 199], [7, S - 1]] as const) {
      const fromOutLog = placeTrainSample(epoch, (i + 1) * B, M, B);
      expect(placeTensorboardStep(epoch * S + i, 'global-step', { globalBatchSize: B, samplesPerEpoch: M })).toEqual(fromOutLog);
    }
  });

  it('gives samples seen without samples per epoch, but no epoch', () => {
    expect(placeTensorboardStep(99, 'global-step', { globalBatchSize: B, samplesPerEpoch: null })).toEqual({ step: 100, epoch: null, samplesSeen: 100 * B });
  });

  it('places val tags, logged at the completed epoch, where the out.log parser places the eval line', () => {
    for (const epoch of [0, 1, 2, 32]) {
      expect(placeTensorboardStep(epoch, 'epoch', { globalBatchSize: B, samplesPerEpoch: M })).toEqual(placeEvalEpoch(epoch, S, M));
    }
    expect(placeTensorboardStep(2, 'epoch', { globalBatchSize: B, samplesPerEpoch: M })).toEqual({ step: 2 * S, epoch: 2, samplesSeen: 2 * M });
  });

  it('refuses steps the store cannot hold', () => {
    expect(placeTensorboardStep(-1, 'global-step', null)).toBeNull();
    expect(placeTensorboardStep(2 ** 31, 'global-step', null)).toBeNull();
    expect(placeTensorboardStep(2 ** 31 - 1, 'global-step', { globalBatchSize: B, samplesPerEpoch: null })).toBeNull();
  });
});
