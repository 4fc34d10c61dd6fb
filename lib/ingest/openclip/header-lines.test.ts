import { describe, expect, it } from 'vitest';
import { readHeaderMessage } from './header-lines';

describe('readHeaderMessage', () => {
  it('reads the three device lines; total N is the GPU count', () => {
    expect(readHeaderMessage('Running with a single process. Device cuda:0.')).toEqual({ kind: 'launch', gpus: 1, isRankZero: true });
    expect(readHeaderMessage('Running in distributed mode with multiple processes. Device: cuda:0.Process (global: 0, local 0), total 8.')).toEqual({ kind: 'launch', gpus: 8, isRankZero: true });
    expect(readHeaderMessage('Running in distributed mode with multiple processes. Device: cuda:3.Process (global: 11, local 3), total 16.')).toEqual({ kind: 'launch', gpus: 16, isRankZero: false });
    expect(readHeaderMessage('Running in horovod mode with multiple processes / nodes. Device: cuda:0.Process (global: 0, local 0), total 4.')).toEqual({ kind: 'launch', gpus: 4, isRankZero: true });
  });

  it('reads both model-config spellings', () => {
    expect(readHeaderMessage('Loaded built-in ViT-B-32 model config.')).toEqual({ kind: 'model-config', model: 'ViT-B-32' });
    expect(readHeaderMessage('Loaded ViT-L-14-336 model config.')).toEqual({ kind: 'model-config', model: 'ViT-L-14-336' });
  });

  it('reads Start epoch, Params: and param lines with empty and TAB values', () => {
    expect(readHeaderMessage('Start epoch 3')).toEqual({ kind: 'start-epoch', epoch: 3 });
    expect(readHeaderMessage('Params:')).toEqual({ kind: 'params-start' });
    expect(readHeaderMessage('  lr: 0.0005')).toEqual({ kind: 'param', key: 'lr', value: '0.0005' });
    expect(readHeaderMessage('  pretrained: ')).toEqual({ kind: 'param', key: 'pretrained', value: '' });
    expect(readHeaderMessage('  pretrained:')).toEqual({ kind: 'param', key: 'pretrained', value: '' });
    expect(readHeaderMessage('  csv_separator: \t')).toEqual({ kind: 'param', key: 'csv_separator', value: '\t' });
    expect(readHeaderMessage('  name: a: b')).toEqual({ kind: 'param', key: 'name', value: 'a: b' });
  });

  it('recognises the start of a model repr', () => {
    expect(readHeaderMessage('Model:')).toEqual({ kind: 'model-repr' });
    expect(readHeaderMessage('CLIP(')).toEqual({ kind: 'model-repr' });
    expect(readHeaderMessage('model:AppleMobileCLIP(')).toEqual({ kind: 'model-repr' });
  });

  it('leaves other messages alone', () => {
    expect(readHeaderMessage("=> resuming checkpoint '/logs/x/checkpoints/epoch_3.pt' (epoch 3)")).toBeNull();
    expect(readHeaderMessage('Teacher Visual Params:')).toBeNull();
    expect(readHeaderMessage('Teacher model ViT-L-14 loaded successfully')).toBeNull();
    expect(readHeaderMessage(' lr: 0.1')).toBeNull();
  });
});
