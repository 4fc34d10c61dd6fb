import { describe, expect, it } from 'vitest';
import { parseTrainLine, type TrainLineRecord } from './train-line-parser';

const T = '\t';

function record(text: string): TrainLineRecord {
  const parsed = parseTrainLine(text);
  if (parsed?.kind !== 'train') throw new Error(`expected a train record, got ${JSON.stringify(parsed)}`);
  return parsed.record;
}

function metrics(text: string): Record<string, number> {
  return Object.fromEntries(record(text).metrics);
}

describe('parseTrainLine: formats of LOG_FORMATS sections 4 and 11', () => {
  it('classic v2.15+ with padded N, throughput per GPU and two loss terms', () => {
    const text =
      'Train Epoch: 0 [   1024/1007616 (0%)] Data (t): 3.912 Batch (t): 9.871, 103.738/s, 25.9345/s/gpu LR: 0.000000 Logit Scale: 14.286 Contrastive_loss: 6.9315 (6.9315) Loss: 6.9315 (6.9315)';
    const parsed = record(text);
    expect([parsed.epoch, parsed.samplesInEpoch, parsed.samplesPerEpoch, parsed.percent]).toEqual([0, 1024, 1007616, 0]);
    expect(Object.fromEntries(parsed.metrics)).toEqual({
      'train/data_time': 3.912,
      'train/batch_time': 9.871,
      'train/samples_per_second': 103.738,
      'train/samples_per_second_per_gpu': 25.9345,
      'train/lr': 0,
      'train/logit_scale': 14.286,
      'train/contrastive_loss': 6.9315,
      'train/loss': 6.9315,
    });
  });

  it('classic with CoCa and distillation terms keeps every term under its lowercased name', () => {
    const text =
      'Train Epoch: 1 [ 204800/1007616 (20%)] Data (t): 0.030 Batch (t): 0.801, 1296.20/s, 324.051/s/gpu LR: 0.000310 Logit Scale: 22.114 Contrastive_loss: 3.2102 (3.4041) Caption_loss: 4.0123 (4.2219) Distill_loss: 0.5000 (0.5100) Loss: 7.2225 (7.6260)';
    expect(metrics(text)).toMatchObject({
      'train/contrastive_loss': 3.2102,
      'train/caption_loss': 4.0123,
      'train/distill_loss': 0.5,
      'train/loss': 7.2225,
    });
  });

  it('v2.11–v2.14 without /s/gpu', () => {
    const values = metrics('Train Epoch: 1 [ 204800/1007616 (20%)] Data (t): 0.030 Batch (t): 0.801, 1296.20/s LR: 0.000310 Logit Scale: 22.114 Contrastive_loss: 3.2102 (3.4041) Loss: 3.2102 (3.4041)');
    expect(values['train/samples_per_second']).toBe(1296.2);
    expect(values).not.toHaveProperty('train/samples_per_second_per_gpu');
  });

  it('v2.0–v2.10: loss first with a #.4g average', () => {
    expect(metrics('Train Epoch: 1 [ 204800/1007616 (20%)] Loss: 3.2102 (3.404) Data (t): 0.030 Batch (t): 0.801, 1296.20/s LR: 0.000310 Logit Scale: 22.114')).toEqual({
      'train/loss': 3.2102,
      'train/data_time': 0.03,
      'train/batch_time': 0.801,
      'train/samples_per_second': 1296.2,
      'train/lr': 0.00031,
      'train/logit_scale': 22.114,
    });
  });

  it('2022-07 Samples/Second, with and without the space before Data', () => {
    const expected = { 'train/loss': 3.2102, 'train/samples_per_second': 1296.2, 'train/data_time': 0.03, 'train/batch_time': 0.801, 'train/lr': 0.00031, 'train/logit_scale': 22.114 };
    expect(metrics('Train Epoch: 1 [ 204800/1007616 (20%)] Loss: 3.2102 (3.404) Samples/Second: 1296.20Data (t): 0.030 Batch (t): 0.801 LR: 0.000310 Logit Scale: 22.114')).toEqual(expected);
    expect(metrics('Train Epoch: 1 [ 204800/1007616 (20%)] Loss: 3.2102 (3.404) Samples/Second: 1296.20 Data (t): 0.030 Batch (t): 0.801 LR: 0.000310 Logit Scale: 22.114')).toEqual(expected);
  });

  it('v0.2–v1.x without throughput', () => {
    expect(Object.keys(metrics('Train Epoch: 1 [ 204800/1007616 (20%)] Loss: 3.2102 (3.404) Data (t): 0.030 Batch (t): 0.801 LR: 0.000310 Logit Scale: 22.114'))).toEqual([
      'train/loss',
      'train/data_time',
      'train/batch_time',
      'train/lr',
      'train/logit_scale',
    ]);
  });

  it('2021 / 2022-03 TAB formats: raw logit_scale becomes exp(raw)', () => {
    const text = `Train Epoch: 1 [204800/1007616 (20%)]${T}Loss: 3.210201${T}Data (t) 0.030${T}Batch (t) 0.801${T}LR: 0.000310${T}logit_scale 3.096`;
    expect(metrics(text)).toEqual({
      'train/loss': 3.210201,
      'train/data_time': 0.03,
      'train/batch_time': 0.801,
      'train/lr': 0.00031,
      'train/logit_scale': Math.exp(3.096),
    });
    expect(record(`Train Epoch: 0 [0/1007616 (0%)]${T}Loss: 8.317700${T}Data (t) 2.110${T}Batch (t) 5.004${T}LR: 0.000000${T}logit_scale 2.659`).samplesInEpoch).toBe(0);
  });

  it('a lowercase logit_scale above ln(100) cannot be the clamped raw parameter and is kept as is', () => {
    expect(metrics(`Train Epoch: 1 [204800/1007616 (20%)]${T}Loss: 3.404100${T}logit_scale 22.114`)['train/logit_scale']).toBe(22.114);
    expect(metrics(`Train Epoch: 1 [204800/1007616 (20%)]${T}Loss: 3.404100${T}logit_scale 4.605`)['train/logit_scale']).toBe(Math.exp(4.605));
  });

  it('TABs lost in a paste still parse', () => {
    expect(metrics('Train Epoch: 1 [204800/1007616 (20%)] Loss: 3.210201 Data (t) 0.030 Batch (t) 0.801 LR: 0.000310 logit_scale 3.096')['train/batch_time']).toBe(0.801);
  });
});

describe('parseTrainLine: main 2026-02 pseudo-loss Logit_scale', () => {
  const base = 'Train Epoch: 0 [  256/25600 (1%)] Data (t): 1.201 Batch (t): 2.503, 102.277/s, 102.277/s/gpu LR: 0.000010';

  it('maps Logit_scale: x (y) to train/logit_scale when no real Logit Scale token is on the line', () => {
    expect(metrics(`${base} Contrastive_loss: 8.3177 (8.3177) Loss: 8.3177 (8.3177) Logit_scale: 14.500 (14.400)`)['train/logit_scale']).toBe(14.5);
  });

  it('lets a real Logit Scale: token win, whichever comes first', () => {
    expect(metrics(`${base} Logit Scale: 14.286 Contrastive_loss: 8.3177 (8.3177) Logit_scale: 99.000 (99.000)`)['train/logit_scale']).toBe(14.286);
    expect(metrics(`${base} Logit_scale: 99.000 (99.000) Logit Scale: 14.286`)['train/logit_scale']).toBe(14.286);
  });
});

describe('parseTrainLine: number grammar and robustness', () => {
  it('reads #g throughput shapes and non-finite values', () => {
    const values = metrics(
      'Train Epoch: 0 [ 103424/1007616 (10%)] Data (t): 0.000 Batch (t): 0.001, 1.23457e+06/s, 123457./s/gpu LR: 0.000025 Logit Scale: nan Contrastive_loss: nan (nan) Distill_loss: inf (inf) Boundary_loss: -inf (nan) Tiny_loss: 1.0000e-05 (1.0000e-05) Loss: nan (nan)',
    );
    expect(values['train/samples_per_second']).toBe(1234570);
    expect(values['train/samples_per_second_per_gpu']).toBe(123457);
    expect(values['train/logit_scale']).toBeNaN();
    expect(values['train/contrastive_loss']).toBeNaN();
    expect(values['train/distill_loss']).toBe(Infinity);
    expect(values['train/boundary_loss']).toBe(-Infinity);
    expect(values['train/tiny_loss']).toBe(0.00001);
    expect(values['train/loss']).toBeNaN();
  });

  it('reads 123457./s and exponent per-GPU throughput', () => {
    const values = metrics('Train Epoch: 0 [ 1024/1007616 (0%)] Data (t): 0.001 Batch (t): 0.008, 123457./s, 1.23457e+06/s/gpu LR: 0.000000 Logit Scale: 14.286 Loss: 6.9315 (6.9315)');
    expect(values['train/samples_per_second']).toBe(123457);
    expect(values['train/samples_per_second_per_gpu']).toBe(1234570);
  });

  it('finds Train Epoch: after junk and ignores fork suffixes and unknown tokens', () => {
    const values = metrics(
      'xx[rank1] glued--Train Epoch: 0 [    64/109468 (0%)] Loss: 1.0672 (1.067) Avg Boundaries (per batch): 3.2 Data (t): 14.173 Batch (t): 18.240, 1.75441/s LR: 0.000000 Logit Scale: 100.000 - V4',
    );
    expect(values).toEqual({
      'train/loss': 1.0672,
      'train/data_time': 14.173,
      'train/batch_time': 18.24,
      'train/samples_per_second': 1.75441,
      'train/lr': 0,
      'train/logit_scale': 100,
    });
  });

  it('uses the last complete header when a partial record is glued in front', () => {
    const parsed = record('Train Epoch: 0 [ 10Train Epoch: 3 [  2048/4096 (50%)] Loss: 1.5000 (1.5000)');
    expect([parsed.epoch, parsed.samplesInEpoch]).toEqual([3, 2048]);
  });

  it('drops a fixed-precision value cut off at the end of the line, keeps complete ones', () => {
    expect(metrics('Train Epoch: 1 [ 12864/109468 (6%)] Loss: 0.54631 (0.5146) Data (t): 0.4')).toEqual({ 'train/loss': 0.54631 });
    expect(metrics('Train Epoch: 1 [ 12864/109468 (6%)] Loss: 0.54631 (0.5146) Data (t): 0.400')['train/data_time']).toBe(0.4);
    expect(metrics('Train Epoch: 0 [ 44864/109468 (20%)] Loss: 0.70934 (0.8097) LR: 0.000001 Logit Scale:')).toEqual({ 'train/loss': 0.70934, 'train/lr': 0.000001 });
  });

  it('reports malformed records instead of guessing', () => {
    expect(parseTrainLine('Train Epoch: 0 [ 10')).toEqual({ kind: 'invalid', reason: 'incomplete train line' });
    expect(parseTrainLine('Train Epoch: 0 [1024/0 (0%)] Loss: 1.0 (1.0)')).toEqual({ kind: 'invalid', reason: 'train line with sample counts out of range' });
    expect(parseTrainLine('Train Epoch: 0 [1024/2048 (50%)] nothing known here')).toEqual({ kind: 'invalid', reason: 'train line without metrics' });
    expect(parseTrainLine(`Train Epoch: ${'9'.repeat(30)} [1/2 (50%)] Loss: 1.0 (1.0)`)).toEqual({ kind: 'invalid', reason: 'train line with sample counts out of range' });
  });

  it('returns null for lines without Train Epoch:', () => {
    expect(parseTrainLine('Eval Epoch: 1 [1024 / 10000]\tClip Loss: 4.153301\t')).toBeNull();
  });
});
