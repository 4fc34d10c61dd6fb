import { describe, expect, it } from 'vitest';
import { parseEvalLine } from './eval-line-parser';

const T = '\t';

describe('parseEvalLine', () => {
  it('recognises progress lines of every version without metrics', () => {
    expect(parseEvalLine(`Eval Epoch: 2 [1024 / 10000]${T}Clip Loss: 4.153301${T}`)).toEqual({ kind: 'progress' });
    expect(parseEvalLine(`Eval Epoch: 1 [64 / 4839]${T}Loss: 0.739662${T}`)).toEqual({ kind: 'progress' });
    expect(parseEvalLine(`Eval Epoch: 2 [1024 / 10000]${T}Generative Loss: 2.100000${T}`)).toEqual({ kind: 'progress' });
  });

  it('reads a summary, keeping keys as logged and dropping epoch/num_samples', () => {
    const parsed = parseEvalLine(
      `Eval Epoch: 2 imagenet-zeroshot-val-top1: 0.0561${T}image_to_text_R@1: 0.0412${T}image_to_text_median_rank: 96.0000${T}clip_val_loss: 4.0172${T}epoch: 2.0000${T}num_samples: 10000.0000`,
    );
    expect(parsed).toEqual({
      kind: 'summary',
      epoch: 2,
      metrics: new Map([
        ['imagenet-zeroshot-val-top1', 0.0561],
        ['image_to_text_R@1', 0.0412],
        ['image_to_text_median_rank', 96],
        ['clip_val_loss', 4.0172],
      ]),
    });
  });

  it('drops the 2021 num_elements, reads nan, a fractional clipa_torch epoch and lost TABs', () => {
    expect(parseEvalLine(`Eval Epoch: 2 val_loss: nan${T}num_elements: 10000.0000`)).toEqual({ kind: 'summary', epoch: 2, metrics: new Map([['val_loss', NaN]]) });
    expect(parseEvalLine('Eval Epoch: 0.4998779296875 imagenet-zeroshot-val-top1: 0.2231 imagenet-zeroshot-val-top5: 0.4602')).toEqual({
      kind: 'summary',
      epoch: 0.4998779296875,
      metrics: new Map([
        ['imagenet-zeroshot-val-top1', 0.2231],
        ['imagenet-zeroshot-val-top5', 0.4602],
      ]),
    });
  });

  it('ignores Markdown ** after the last value', () => {
    const parsed = parseEvalLine(`Eval Epoch: 1 val_loss: 0.7470${T}epoch: 1.0000${T}num_samples: 9678.0000**`);
    expect(parsed).toEqual({ kind: 'summary', epoch: 1, metrics: new Map([['val_loss', 0.747]]) });
  });

  it('rejects a non-numeric epoch and ignores lines without the marker', () => {
    expect(parseEvalLine('Eval Epoch: two top1: 0.5')).toEqual({ kind: 'invalid', reason: 'eval line without a numeric epoch' });
    expect(parseEvalLine('Start epoch 1')).toBeNull();
  });
});
