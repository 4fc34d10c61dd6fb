import { describe, expect, it } from 'vitest';
import { recognizeForeignLine } from './foreign-lines';

describe('recognizeForeignLine', () => {
  it.each([
    'nohup: ignoring input',
    "Handling webdataset error (ValueError('x')). Ignoring.",
    'Final remote sync failed.',
    'Rank 0: Completed store-based barrier for key:store_based_barrier_key:1 with 2 nodes.',
    'Added key: store_based_barrier_key:1 to store for rank: 0',
    'I1019 16:40:46.708000 50277 site-packages/torch/_dynamo/eval_frame.py:520] [0/0] torchdynamo start compiling',
    '100%|██████████| 100/100 [00:12<00:00,  8.00it/s]',
    '^C',
    'KeyboardInterrupt',
    '```',
    '*****************************************',
    'wandb: Tracking run with wandb version 0.16.0',
  ])('treats %j as noise', (line) => {
    expect(recognizeForeignLine(line)).toBe('noise');
  });

  it('recognises Python warning headers and traceback starts', () => {
    expect(recognizeForeignLine('/opt/conda/lib/python3.10/site-packages/x.py:48: FutureWarning: `x` is deprecated')).toBe('python-warning');
    expect(recognizeForeignLine('C:\\tools\\x.py:12: UserWarning: y')).toBe('python-warning');
    expect(recognizeForeignLine('Traceback (most recent call last):')).toBe('traceback-start');
    expect(recognizeForeignLine('^CTraceback (most recent call last):')).toBe('traceback-start');
  });

  it('does not recognise ordinary text', () => {
    expect(recognizeForeignLine('this line was printed by a user callback')).toBeNull();
    expect(recognizeForeignLine('  (visual): VisionTransformer(')).toBeNull();
  });
});
