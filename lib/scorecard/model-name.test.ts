import { describe, expect, it } from 'vitest';
import { formatModelFamily, isSameFamily, parseModelFamily } from './model-name';

describe('parseModelFamily', () => {
  it.each([
    ['ViT-H-14', { size: 'H', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['ViT-H-14-CL8-Syntax-GAP', { size: 'H', patch: 14, plus: false, imageSize: null, textTokens: 8 }],
    ['ViT-L-16-CL16-GAP', { size: 'L', patch: 16, plus: false, imageSize: null, textTokens: 16 }],
    ['ViT-B-16', { size: 'B', patch: 16, plus: false, imageSize: null, textTokens: null }],
    ['ViT-H-14-CLIPA-336', { size: 'H', patch: 14, plus: false, imageSize: 336, textTokens: null }],
    ['ViT-bigG-14-CLIPA', { size: 'bigG', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['ViT-B-16-plus-240', { size: 'B', patch: 16, plus: true, imageSize: 240, textTokens: null }],
    ['H/14', { size: 'H', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['bigG/14', { size: 'bigG', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['G/14 (bigG/14)', { size: 'bigG', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['G-14', { size: 'bigG', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['H-14', { size: 'H', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['B/16+ (240x240)', { size: 'B', patch: 16, plus: true, imageSize: 240, textTokens: null }],
    ['ViT-g-14', { size: 'g', patch: 14, plus: false, imageSize: null, textTokens: null }],
    ['hf-hub:timm/ViT-SO400M-14-SigLIP-384', { size: 'SO400M', patch: 14, plus: false, imageSize: 384, textTokens: null }],
  ])('%s', (name, expected) => {
    expect(parseModelFamily(name)).toEqual(expected);
  });

  it('is null for names that are not ViTs', () => {
    expect(parseModelFamily('RN50')).toBeNull();
    expect(parseModelFamily('convnext_base_w')).toBeNull();
    expect(parseModelFamily(null)).toBeNull();
  });

  it('compares and prints families', () => {
    expect(isSameFamily(parseModelFamily('ViT-H-14-CL32-GAP')!, parseModelFamily('H/14')!)).toBe(true);
    expect(isSameFamily(parseModelFamily('ViT-B-16')!, parseModelFamily('B/16+ (240x240)')!)).toBe(false);
    expect(formatModelFamily(parseModelFamily('ViT-bigG-14-CLIPA-336')!)).toBe('bigG/14');
  });
});
