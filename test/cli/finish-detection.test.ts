import { describe, expect, it } from 'vitest';
import { decideFinish, hasSeenFinalLine } from '@/cli/finish-detector';
import { OutLogSignals, type FinishSignals } from '@/cli/out-log-signals';
import { writeDemoRun, type DemoRunSpec } from '@/lib/demo/openclip-run-writer';

const spec: DemoRunSpec = {
  name: 'b32', model: 'ViT-B-32', gpus: 2, batchSizePerGpu: 128, stepsPerEpoch: 40, epochs: 3,
  logEveryNSteps: 10, lr: 5e-4, finalTop1: 0.2, perGpuSamplesPerSecond: 500, startMs: Date.UTC(2024, 0, 1), seed: 3,
};

function signalsOf(text: string, chunk = 7): FinishSignals {
  const observer = new OutLogSignals();
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += chunk) observer.push(offset, bytes.subarray(offset, offset + chunk));
  return observer.signals;
}

const base: FinishSignals = { expectedEpochs: 3, evaluates: true, lastEvalEpoch: 3, lastCompletedTrainEpoch: 2 };

describe('OutLogSignals', () => {
  it('reads planned epochs, eval data and the last eval from a log fed in small pieces', () => {
    expect(signalsOf(writeDemoRun(spec).outLog)).toEqual({ expectedEpochs: 3, evaluates: true, lastEvalEpoch: 3, lastCompletedTrainEpoch: 2 });
  });

  it('has not seen the final eval in an unfinished run', () => {
    const signals = signalsOf(writeDemoRun({ ...spec, stopAtFraction: 0.6 }).outLog);
    expect(signals).toMatchObject({ expectedEpochs: 3, lastEvalEpoch: 1 });
    expect(hasSeenFinalLine(signals)).toBe(false);
  });

  it('ignores eval progress lines and reads the main flavour prefix', () => {
    const log = [
      '2026-06-20,09:15:02 | INFO | open_clip_train.main |   epochs: 2',
      '2026-06-20,09:15:02 | INFO | open_clip_train.main |   val_data: /data/val.tar',
      '2026-06-20,09:20:02 | INFO | open_clip_train.train | Eval Epoch: 2 [1024 / 10000]\tClip Loss: 4.153301\t',
      '',
    ].join('\n');
    expect(signalsOf(log)).toEqual({ expectedEpochs: 2, evaluates: true, lastEvalEpoch: null, lastCompletedTrainEpoch: null });
  });

  it('ignores bytes it has already seen (re-reads after a 409 or a restart)', () => {
    const observer = new OutLogSignals();
    const line = Buffer.from('t | INFO | Eval Epoch: 4 imagenet-zeroshot-val-top1: 0.5\n');
    observer.push(0, line);
    observer.push(0, line);
    observer.push(10, line.subarray(10));
    expect(observer.signals.lastEvalEpoch).toBe(4);
  });

  it('lets params.txt tell it a run has no eval data', () => {
    const observer = new OutLogSignals();
    observer.applyParams({ epochs: '5', imagenet_val: 'None', val_data: 'None' });
    expect(observer.signals).toMatchObject({ expectedEpochs: 5, evaluates: false });
  });
});

describe('hasSeenFinalLine', () => {
  it('needs the eval of the last planned epoch', () => {
    expect(hasSeenFinalLine(base)).toBe(true);
    expect(hasSeenFinalLine({ ...base, lastEvalEpoch: 2 })).toBe(false);
    expect(hasSeenFinalLine({ ...base, expectedEpochs: null })).toBe(false);
  });

  it('without eval data, takes the 100% train line of the last epoch', () => {
    expect(hasSeenFinalLine({ ...base, evaluates: false, lastEvalEpoch: null, lastCompletedTrainEpoch: 2 })).toBe(true);
    expect(hasSeenFinalLine({ ...base, evaluates: false, lastEvalEpoch: null, lastCompletedTrainEpoch: 1 })).toBe(false);
    expect(hasSeenFinalLine({ ...base, evaluates: null, lastEvalEpoch: null, lastCompletedTrainEpoch: 2 })).toBe(false);
  });
});

describe('decideFinish', () => {
  const input = { signals: base, quietForMs: 0, graceMs: 60_000, trainerExited: null, autoFinish: true };

  it('waits for the grace period after the final eval', () => {
    expect(decideFinish(input)).toEqual({ finish: false });
    expect(decideFinish({ ...input, quietForMs: 60_000 })).toMatchObject({ finish: true, status: 'finished' });
    expect(decideFinish({ ...input, quietForMs: 60_000, signals: { ...base, lastEvalEpoch: 2 } })).toEqual({ finish: false });
  });

  it('never finishes on its own with --no-finish', () => {
    expect(decideFinish({ ...input, quietForMs: 1e9, autoFinish: false })).toEqual({ finish: false });
  });

  it('settles the status when the watched trainer exits', () => {
    expect(decideFinish({ ...input, trainerExited: false, quietForMs: 1e9, autoFinish: false })).toEqual({ finish: false });
    expect(decideFinish({ ...input, trainerExited: true })).toMatchObject({ finish: true, status: 'finished' });
    const crashed = decideFinish({ ...input, trainerExited: true, signals: { ...base, lastEvalEpoch: 1, lastCompletedTrainEpoch: 1 } });
    expect(crashed).toMatchObject({ finish: true, status: 'crashed' });
    expect(crashed.finish && crashed.reason).toMatch(/before its final eval \(reached epoch 1 of 3\)/);
    expect(decideFinish({ ...input, trainerExited: true, signals: { ...base, expectedEpochs: null } })).toMatchObject({ status: 'finished' });
  });
});
