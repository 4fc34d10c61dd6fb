import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles } from '@/lib/reference/load-reference';
import { resolveModelGeometry, type ModelGeometry } from './model-geometry';
import { computeForwardGmacsPerSample, resolveStageTokens, scaleTowerGmacs } from './token-scaling';
import { openclipProfileGflopsToGmacs } from './units';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);
/** ViT-L/16 SigLIP (a timm tower, width 1024) whose profile rows list image_width 768; see the test below. */
const SIGLIP_L16 = 'ViT-L-16-SigLIP';

function requireGeometry(name: string): ModelGeometry {
  const geometry = resolveModelGeometry(name, profiles);
  if (geometry === null) throw new Error(`no geometry for ${name}`);
  return geometry;
}

/** Every model_profile.csv row that is the same towers as a smaller row, predicted from that smallest row. */
function predictResolutionPairs(classToken: boolean) {
  const groups = new Map<string, ModelGeometry>();
  for (const profile of profiles) {
    const geometry = resolveModelGeometry(profile.model, profiles);
    if (geometry && geometry.resolutionVariants.length > 1) groups.set(geometry.resolutionVariants[0].model, geometry);
  }
  return [...groups.values()].flatMap((geometry) => {
    const [base, ...others] = geometry.resolutionVariants;
    const extra = classToken && geometry.classToken ? 1 : 0;
    const length = (size: number) => Math.floor(size / geometry.patchSize) ** 2 + extra;
    return others.map((other) => {
      const measured = openclipProfileGflopsToGmacs(other.imageGflops);
      const from = openclipProfileGflopsToGmacs(base.imageGflops);
      const quadratic = scaleTowerGmacs(from, length(base.imageSize), length(other.imageSize), base.imageWidth, geometry.imageMlpRatio);
      const linear = (from * length(other.imageSize)) / length(base.imageSize);
      return { from: base.model, to: other.model, measured, quadratic, linear, quadraticError: quadratic / measured - 1, linearError: linear / measured - 1 };
    });
  });
}

describe('the token-scaling rule against model_profile.csv', () => {
  it('predicts each higher-resolution profile row from the lowest one within 0.5%, where a linear rule misses by up to several %', () => {
    const pairs = predictResolutionPairs(true);
    console.log('image tower, forward GMACs: profile row vs scaled from the lowest-resolution row of the same towers');
    console.table(pairs.map((pair) => ({ ...pair, quadraticError: `${(pair.quadraticError * 100).toFixed(2)}%`, linearError: `${(pair.linearError * 100).toFixed(2)}%` })));
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const pair of pairs.filter((row) => !row.from.startsWith(SIGLIP_L16))) expect(Math.abs(pair.quadraticError), `${pair.from} → ${pair.to}`).toBeLessThan(0.005);
    const h336 = pairs.find((pair) => pair.to === 'ViT-H-14-CLIPA-336');
    expect(Math.abs(h336?.linearError ?? 0)).toBeGreaterThan(0.02);
  });

  it('misses ViT-L-16-SigLIP by 1.6% only because model_profile.csv gives its timm ViT-L image tower width 768 instead of 1024', () => {
    const [base, other] = requireGeometry(`${SIGLIP_L16}-256`).resolutionVariants;
    const length = (size: number) => Math.floor(size / 16) ** 2;
    expect(base.imageWidth).toBe(768);
    const predicted = scaleTowerGmacs(openclipProfileGflopsToGmacs(base.imageGflops), length(base.imageSize), length(other.imageSize), 1024, 4);
    expect(Math.abs(predicted / openclipProfileGflopsToGmacs(other.imageGflops) - 1)).toBeLessThan(0.005);
  });

  it('fits better with the class token counted, which is why model-geometry.ts counts it', () => {
    const totalError = (pairs: ReturnType<typeof predictResolutionPairs>) => pairs.reduce((sum, pair) => sum + Math.abs(pair.quadraticError), 0);
    expect(totalError(predictResolutionPairs(true))).toBeLessThan(totalError(predictResolutionPairs(false)));
  });

  it.each([
    ['ViT-H-14', 'ViT-H-14-CLIPA'],
    ['ViT-L-14', 'ViT-L-14-CLIPA'],
    ['ViT-bigG-14', 'ViT-bigG-14-CLIPA'],
  ])('predicts the text tower of %s at 32 tokens (%s) from its 77-token profile within 0.5%', (openclipName, clipaName) => {
    const openclip = requireGeometry(openclipName);
    const clipa = requireGeometry(clipaName);
    const predicted = computeForwardGmacsPerSample(openclip, { imageResolution: null, imageTokens: null, patchDropout: 0, textTokens: clipa.profileTextTokens }).textGmacs;
    const measured = openclipProfileGflopsToGmacs(clipa.profile.textGflops);
    expect(Math.abs(predicted / measured - 1)).toBeLessThan(0.005);
  });
});

describe('computeForwardGmacsPerSample', () => {
  const h14 = requireGeometry('ViT-H-14-CLIPA');

  it('returns the profile itself (in GMACs) at the profile sizes', () => {
    const cost = computeForwardGmacsPerSample(h14, { imageResolution: 224, imageTokens: null, patchDropout: 0, textTokens: null });
    expect(cost.totalGmacs).toBeCloseTo(openclipProfileGflopsToGmacs(h14.profile.gflops), 6);
    expect(cost.imageBaseProfile).toBe('ViT-H-14-CLIPA');
  });

  it('uses the measured 336-px row for a 336-px stage', () => {
    const cost = computeForwardGmacsPerSample(h14, { imageResolution: 336, imageTokens: null, patchDropout: 0, textTokens: null });
    const row = profiles.find((profile) => profile.model === 'ViT-H-14-CLIPA-336');
    expect(cost.imageBaseProfile).toBe('ViT-H-14-CLIPA-336');
    expect(cost.totalGmacs).toBeCloseTo(openclipProfileGflopsToGmacs(row?.gflops ?? Number.NaN), 6);
  });

  it('counts patches, the class token and open_clip PatchDropout rounding', () => {
    expect(resolveStageTokens(h14, { imageResolution: 84, imageTokens: null, patchDropout: 0, textTokens: 8 })).toEqual({ patchTokens: 36, keptPatchTokens: 36, imageSequenceLength: 37, textTokens: 8 });
    // int(256 × 0.7) = 179 kept patches, as PatchDropout computes it.
    expect(resolveStageTokens(h14, { imageResolution: 224, imageTokens: null, patchDropout: 0.3, textTokens: null })).toMatchObject({ keptPatchTokens: 179, imageSequenceLength: 180, textTokens: 32 });
    expect(resolveStageTokens(h14, { imageResolution: null, imageTokens: 36, patchDropout: 0, textTokens: null }).patchTokens).toBe(36);
  });

  it('gets cheaper with fewer tokens and rejects impossible stages', () => {
    const at = (imageResolution: number, textTokens: number) => computeForwardGmacsPerSample(h14, { imageResolution, imageTokens: null, patchDropout: 0, textTokens }).totalGmacs;
    expect(at(84, 8)).toBeLessThan(at(224, 8));
    expect(at(84, 8)).toBeLessThan(at(84, 32));
    expect(() => computeForwardGmacsPerSample(h14, { imageResolution: 10, imageTokens: null, patchDropout: 0, textTokens: null })).toThrow(RangeError);
    expect(() => computeForwardGmacsPerSample(h14, { imageResolution: 224, imageTokens: null, patchDropout: 1, textTokens: null })).toThrow(RangeError);
    expect(() => computeForwardGmacsPerSample(h14, { imageResolution: 224, imageTokens: null, patchDropout: 0, textTokens: 0 })).toThrow(RangeError);
  });
});
