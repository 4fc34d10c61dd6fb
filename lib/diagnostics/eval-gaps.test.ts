import { describe, expect, it } from 'vitest';
import { diagnoseEvalKeyChanges, diagnoseMissingEvals, type EvalContext } from './eval-gaps';
import type { EvalPoint } from './types';

const ZERO_SHOT = ['val/imagenet-zeroshot-val-top1', 'val/imagenet-zeroshot-val-top5'];
const RETRIEVAL = ['val/clip_val_loss', 'val/image_to_text_R@1', 'val/text_to_image_R@1'];
const STEPS_PER_EPOCH = 1000;

function evals(epochs: readonly number[], keys: readonly string[]): EvalPoint[] {
  return epochs.flatMap((epoch) => keys.map((key) => ({ key, step: epoch * STEPS_PER_EPOCH, epoch })));
}

function context(overrides: Partial<EvalContext> = {}): EvalContext {
  return {
    status: 'running',
    config: { imagenet_val: '/data/imagenet/val', zeroshot_frequency: '1', val_data: '/data/val.csv', val_frequency: '1', epochs: '6' },
    epochs: 6,
    trainEpochs: { first: 0.001, last: 4.5 },
    stepsPerEpoch: STEPS_PER_EPOCH,
    ...overrides,
  };
}

describe('missing evaluations', () => {
  it('stays silent when every finished epoch was evaluated (the current epoch is not yet due)', () => {
    expect(diagnoseMissingEvals([...evals([1, 2, 3, 4], ZERO_SHOT), ...evals([1, 2, 3, 4], RETRIEVAL)], context())).toBeNull();
  });

  it('fires for an epoch training has moved past without its evaluation', () => {
    const finding = diagnoseMissingEvals([...evals([1, 2, 4], ZERO_SHOT), ...evals([1, 2, 3, 4], RETRIEVAL)], context());
    expect(finding).toMatchObject({
      code: 'eval_missing',
      severity: 'medium',
      evidence: { metric: 'val/imagenet-zeroshot-val-top1', fromStep: 2000, toStep: 4000, lines: ['epoch 3: no zero-shot evaluation (expected every epoch)'] },
    });
    expect(finding!.summary).toBe('1 expected evaluation is missing: epoch 3: no zero-shot evaluation.');
  });

  it('follows the frequency and the final epoch rule of open_clip', () => {
    const config = { imagenet_val: '/data/imagenet/val', zeroshot_frequency: '2', epochs: '5' };
    const finished = context({ status: 'finished', config, epochs: 5, trainEpochs: { first: 0.001, last: 5 } });
    expect(diagnoseMissingEvals(evals([2, 4, 5], ZERO_SHOT), finished)).toBeNull();
    expect(diagnoseMissingEvals(evals([2, 4], ZERO_SHOT), finished)!.evidence.lines).toEqual(['epoch 5: no zero-shot evaluation (expected every 2 epochs and after the last epoch)']);
    // Still running: the final evaluation is not due until the run ends.
    expect(diagnoseMissingEvals(evals([2, 4], ZERO_SHOT), { ...finished, status: 'running' })).toBeNull();
  });

  it('does not blame a run resumed into a new folder for the epochs before it', () => {
    expect(diagnoseMissingEvals(evals([4], ZERO_SHOT), context({ config: { imagenet_val: 'x', zeroshot_frequency: '1' }, trainEpochs: { first: 3.001, last: 4.2 } }))).toBeNull();
  });

  it('judges nothing without the eval arguments, for step-based evaluation, or for fractional eval epochs', () => {
    expect(diagnoseMissingEvals([], context({ config: null }))).toBeNull();
    expect(diagnoseMissingEvals([], context({ config: { imagenet_val: 'x', zeroshot_frequency: '1', zeroshot_steps: '1526' } }))).toBeNull();
    const fractional = [{ key: ZERO_SHOT[0]!, step: 500, epoch: 0.4998779296875 }];
    expect(diagnoseMissingEvals(fractional, context({ config: { imagenet_val: 'x', zeroshot_frequency: '1' } }))).toBeNull();
  });
});

describe('eval keys that change mid-run', () => {
  it('stays silent when each family keeps its keys, even at different frequencies', () => {
    expect(diagnoseEvalKeyChanges([...evals([1, 2, 3, 4], RETRIEVAL), ...evals([2, 4], ZERO_SHOT)])).toBeNull();
  });

  it('fires when keys stop or start, naming the epoch', () => {
    const finding = diagnoseEvalKeyChanges([...evals([1, 2], RETRIEVAL), ...evals([3], ['val/clip_val_loss']), ...evals([1, 2], ZERO_SHOT.slice(0, 1)), ...evals([3], ZERO_SHOT)]);
    expect(finding).toMatchObject({ code: 'eval_keys_changed', severity: 'low', evidence: { fromStep: 2000, toStep: 3000, values: { changes: 2 } } });
    expect(finding!.evidence.lines).toEqual([
      'epoch 3 (step 3,000): new zero-shot keys: imagenet-zeroshot-val-top5',
      'epoch 3 (step 3,000): validation keys no longer logged: image_to_text_R@1, text_to_image_R@1',
    ]);
  });

  it('ignores bookkeeping keys', () => {
    expect(diagnoseEvalKeyChanges([...evals([1], [...RETRIEVAL, 'val/epoch']), ...evals([2], RETRIEVAL)])).toBeNull();
  });
});
