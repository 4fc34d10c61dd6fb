import { describe, expect, it } from 'vitest';
import { configValuesEqual, diffConfigs } from './config-diff';

describe('configValuesEqual', () => {
  it('compares numbers by value, whatever Python printed', () => {
    expect(configValuesEqual('0.0005', '5e-04')).toBe(true);
    expect(configValuesEqual('512', '512.0')).toBe(true);
    expect(configValuesEqual('1e-3', '0.001 ')).toBe(true);
    expect(configValuesEqual('0.0005', '0.0006')).toBe(false);
  });

  it('compares other values as trimmed strings; missing only equals missing', () => {
    expect(configValuesEqual('ViT-B-32', 'ViT-B-32')).toBe(true);
    expect(configValuesEqual('None', '')).toBe(false);
    expect(configValuesEqual('[84]', '[84, 84]')).toBe(false);
    expect(configValuesEqual(null, null)).toBe(true);
    expect(configValuesEqual(null, '1')).toBe(false);
  });
});

describe('diffConfigs', () => {
  it('has one row per key of any run, in natural order, marking differences', () => {
    const rows = diffConfigs([
      { lr: '0.0005', model: 'ViT-B-32', epochs: '10', warmup: '2000' },
      { lr: '5e-04', model: 'ViT-B-16', epochs: '10' },
      null,
    ]);
    expect(rows.map((row) => row.key)).toEqual(['epochs', 'lr', 'model', 'warmup']);
    expect(rows.find((row) => row.key === 'lr')).toEqual({ key: 'lr', values: ['0.0005', '5e-04', null], differs: true });
  });

  it('treats numerically equal values as the same across runs', () => {
    const rows = diffConfigs([{ lr: '0.0005', model: 'ViT-B-32' }, { lr: '5e-04', model: 'ViT-B-16' }]);
    expect(rows).toEqual([
      { key: 'lr', values: ['0.0005', '5e-04'], differs: false },
      { key: 'model', values: ['ViT-B-32', 'ViT-B-16'], differs: true },
    ]);
  });
});
