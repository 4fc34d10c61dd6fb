import { describe, expect, it } from 'vitest';
import { parseFilter, type FilterTerm } from './filter-parser';

function terms(expression: string): FilterTerm[] {
  const result = parseFilter(expression);
  if (!result.ok) throw new Error(result.error.message);
  return result.terms;
}

function error(expression: string) {
  const result = parseFilter(expression);
  if (result.ok) throw new Error(`"${expression}" parsed`);
  return result.error;
}

const compare = (field: string, operator: string, values: string[], extra: Partial<FilterTerm> = {}) =>
  expect.objectContaining({ kind: 'compare', field, operator, values, negated: false, ...extra });

describe('parseFilter', () => {
  it('reads comparisons with or without spaces around the operator', () => {
    expect(terms('batch_size >= 32768')).toEqual([compare('batch_size', '>=', ['32768'])]);
    expect(terms('model=ViT-H-14 lr<1e-3')).toEqual([compare('model', '=', ['ViT-H-14']), compare('lr', '<', ['1e-3'])]);
    expect(terms('a == 1 b != 2 c <= 3 d > 4 e ~ x f !~ y')).toEqual([
      compare('a', '=', ['1']),
      compare('b', '!=', ['2']),
      compare('c', '<=', ['3']),
      compare('d', '>', ['4']),
      compare('e', '~', ['x']),
      compare('f', '!~', ['y']),
    ]);
  });

  it('reads qualifiers as equality, with comma lists for any-of', () => {
    expect(terms('tag:h14 status:running,stale')).toEqual([compare('tag', '=', ['h14']), compare('status', '=', ['running', 'stale'])]);
  });

  it('keeps metric keys with slashes and dashes whole', () => {
    expect(terms('val/imagenet-zeroshot-val-top1 > 0.6')).toEqual([compare('val/imagenet-zeroshot-val-top1', '>', ['0.6'])]);
  });

  it('reads quoted values and fields, without splitting quoted commas', () => {
    expect(terms(`notes ~ "lr sweep" 'odd:key' = 1 tag:"a,b"`)).toEqual([
      compare('notes', '~', ['lr sweep']),
      compare('odd:key', '=', ['1']),
      compare('tag', '=', ['a,b']),
    ]);
  });

  it('takes other words as free text, and a leading dash as negation', () => {
    expect(terms('warmup "NCCL timeout" -tag:pilot -crashed -"bad run" -5')).toEqual([
      { kind: 'text', text: 'warmup', negated: false },
      { kind: 'text', text: 'NCCL timeout', negated: false },
      compare('tag', '=', ['pilot'], { negated: true }),
      { kind: 'text', text: 'crashed', negated: true },
      { kind: 'text', text: 'bad run', negated: true },
      { kind: 'text', text: '-5', negated: false },
    ]);
  });

  it('accepts an empty expression', () => {
    expect(terms('   ')).toEqual([]);
  });

  it('says what is missing and where', () => {
    expect(error('batch_size >=')).toEqual({ message: 'Expected a value after ">=" at column 14', position: 13 });
    expect(error('tag:').message).toBe('Expected a value after "tag:" at column 5');
    expect(error('>= 5').message).toBe('">=" at column 1 needs a field before it, as in batch_size >= 32768');
    expect(error('a >= >= 5').message).toBe('Expected a value after ">=" at column 6, found ">="');
    expect(error('notes ~ "open').message).toBe('Unclosed " at column 9: add the closing quote');
    expect(error('lr => 1').message).toBe('Unknown operator "=>" at column 4; did you mean ">="?');
    expect(error('"" = 1').message).toBe('Empty field name at column 1');
    expect(error('tag:,').message).toBe('Expected a value after "tag:" at column 5');
  });
});
