import { describe, expect, it } from 'vitest';
import { deriveRunInfoFromParams, readGlobalBatchSize } from './run-info-from-params';

describe('deriveRunInfoFromParams', () => {
  it('derives typed facts and the global batch', () => {
    const params = { accum_freq: '2', batch_size: '128', epochs: '10', model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2', precision: 'amp_bf16', train_num_samples: '1000000', world_size: '4' };
    expect(deriveRunInfoFromParams(params)).toEqual({
      model: 'hf-hub:timm/ViT-SO400M-14-SigLIP2',
      gpus: 4,
      batchSize: 128,
      accumFreq: 2,
      globalBatchSize: 1024,
      precision: 'amp_bf16',
      samplesPerEpoch: 1000000,
      epochs: 10,
      params,
    });
  });

  it('leaves None, empty and non-integer values out instead of guessing', () => {
    const info = deriveRunInfoFromParams({ model: 'None', precision: '', batch_size: '12.5', epochs: 'None', world_size: '2', train_num_samples: 'None' });
    expect(info).toEqual({ gpus: 2, params: { model: 'None', precision: '', batch_size: '12.5', epochs: 'None', world_size: '2', train_num_samples: 'None' } });
  });

  it('treats a missing accum_freq as 1 and can take the GPU count from the header', () => {
    expect(readGlobalBatchSize({ batch_size: '64', world_size: '2' })).toBe(128);
    expect(readGlobalBatchSize({ batch_size: '64' })).toBeUndefined();
    expect(readGlobalBatchSize({ batch_size: '64' }, 8)).toBe(512);
  });

  it('does not read inherited object properties as parameters', () => {
    expect(deriveRunInfoFromParams({}).model).toBeUndefined();
    expect(readGlobalBatchSize(JSON.parse('{"batch_size": "8", "constructor": "x"}'), 1)).toBe(8);
  });
});
