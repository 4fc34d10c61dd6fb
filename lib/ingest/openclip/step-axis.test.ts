import { describe, expect, it } from 'vitest';
import { countStepsPerEpoch, placeEvalEpoch, placeTrainSample } from './step-axis';

describe('placeTrainSample', () => {
  it('counts batch 1 of epoch 0 as step 1 and the last batch as stepsPerEpoch', () => {
    expect(placeTrainSample(0, 1024, 1007616, 1024)).toEqual({ step: 1, samplesSeen: 1024, epoch: 1024 / 1007616 });
    expect(placeTrainSample(0, 1007616, 1007616, 1024)).toEqual({ step: 984, samplesSeen: 1007616, epoch: 1 });
    expect(placeTrainSample(1, 1024, 1007616, 1024)).toEqual({ step: 985, samplesSeen: 1008640, epoch: 1 + 1024 / 1007616 });
  });

  it('rounds a partial last batch up into its own step (CSV epochs)', () => {
    expect(countStepsPerEpoch(100000, 256)).toBe(391);
    expect(placeTrainSample(2, 99840, 100000, 256)).toEqual({ step: 2 * 391 + 390, samplesSeen: 299840, epoch: 2 + 99840 / 100000 });
  });

  it('lines up runs with different batch sizes on samples seen, not steps', () => {
    const small = placeTrainSample(0, 51200, 102400, 512);
    const large = placeTrainSample(0, 51200, 102400, 1024);
    expect([small?.step, large?.step]).toEqual([100, 50]);
    expect(small?.samplesSeen).toBe(large?.samplesSeen);
  });

  it('refuses steps that do not fit the store', () => {
    expect(placeTrainSample(3_000_000, 1, 2_000_000, 1)).toBeNull();
    expect(placeTrainSample(0, 1, 100, 0)).toBeNull();
  });
});

describe('placeEvalEpoch', () => {
  it('places whole and fractional epochs on the train step axis', () => {
    expect(placeEvalEpoch(2, 984, 1007616)).toEqual({ step: 1968, samplesSeen: 2015232, epoch: 2 });
    expect(placeEvalEpoch(0.4998779296875, 8192, 8388608)).toEqual({ step: 4095, samplesSeen: 4193280, epoch: 0.4998779296875 });
  });

  it('falls back to step = round(E) without samples seen when steps per epoch are unknown', () => {
    expect(placeEvalEpoch(32, null, null)).toEqual({ step: 32, samplesSeen: null, epoch: 32 });
    expect(placeEvalEpoch(1.6, null, 1000)).toEqual({ step: 2, samplesSeen: null, epoch: 1.6 });
  });

  it('refuses negative or non-finite epochs', () => {
    expect(placeEvalEpoch(-1, 10, 100)).toBeNull();
    expect(placeEvalEpoch(Infinity, null, null)).toBeNull();
    expect(placeEvalEpoch(1e12, 984, 1007616)).toBeNull();
  });
});
