import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '@/lib/reference/csv';
import { loadModelProfiles, loadReference } from '@/lib/reference/load-reference';
import { OPENCLIP_BENCHMARKS_PAPER } from '@/lib/reference/paper-catalog';
import { CLIPA_TEXT_TOKENS, resolveModelGeometry } from './model-geometry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profiles = loadModelProfiles(ROOT);

function readClipaConfigs(): Record<string, string>[] {
  const table = parseCsvTable(readFileSync(path.join(ROOT, 'reference/clipa_model_configs.csv'), 'utf8'));
  if (!table.ok) throw new Error(JSON.stringify(table.errors));
  return table.value.rows.map((row) => row.values);
}

describe('resolveModelGeometry: names in clipa_reported.csv', () => {
  const seeds = loadReference(ROOT).results.filter((seed) => seed.paperId !== OPENCLIP_BENCHMARKS_PAPER.id);

  it('resolves every model name of every row, and reports which cannot be resolved', () => {
    const rows = [...new Map(seeds.map((seed) => [`${seed.paperId}|${seed.model}|${seed.modelOpenclipName ?? ''}`, seed])).values()].map((seed) => {
      const name = seed.modelOpenclipName?.split(/\s+/)[0] || seed.model;
      const geometry = resolveModelGeometry(name, profiles, { preferClipa: seed.paperId.startsWith('clipa') });
      return { paper: seed.paperId, model: seed.model, openclipName: seed.modelOpenclipName ?? '', profile: geometry?.profile.model ?? 'UNRESOLVED', textTokens: geometry?.defaultTextTokens ?? null };
    });
    console.log('model names in clipa_reported.csv → model_profile.csv');
    console.table(rows);
    expect(rows.filter((row) => row.profile === 'UNRESOLVED')).toEqual([]);
  });

  it('maps the paper short names as decided', () => {
    const clipa = (name: string) => resolveModelGeometry(name, profiles, { preferClipa: true })?.profile.model;
    const openclip = (name: string) => resolveModelGeometry(name, profiles)?.profile.model;
    expect(clipa('H/14')).toBe('ViT-H-14-CLIPA');
    expect(clipa('H-14')).toBe('ViT-H-14-CLIPA');
    expect(clipa('L-14')).toBe('ViT-L-14-CLIPA');
    expect(clipa('bigG/14')).toBe('ViT-bigG-14-CLIPA');
    expect(clipa('G-14')).toBe('ViT-bigG-14-CLIPA');
    expect(clipa('G/14 (bigG/14)')).toBe('ViT-bigG-14-CLIPA');
    expect(clipa('L/16')).toBe('ViT-L-16');
    expect(clipa('B/16')).toBe('ViT-B-16');
    expect(openclip('H/14')).toBe('ViT-H-14');
    expect(openclip('G/14 (bigG/14)')).toBe('ViT-bigG-14');
    expect(openclip('B/16+ (240x240)')).toBe('ViT-B-16-plus-240');
    expect(openclip('B/32')).toBe('ViT-B-32');
  });

  it('gives CLIPA results 32 text tokens at full length and OpenCLIP ones 77', () => {
    expect(resolveModelGeometry('H/14', profiles, { preferClipa: true })?.defaultTextTokens).toBe(32);
    expect(resolveModelGeometry('L/16', profiles, { preferClipa: true })).toMatchObject({ profileTextTokens: 77, defaultTextTokens: 32 });
    expect(resolveModelGeometry('H/14', profiles)).toMatchObject({ profileTextTokens: 77, defaultTextTokens: 77 });
  });
});

describe('resolveModelGeometry: names runs use', () => {
  it.each([
    ['ViT-H-14', 'ViT-H-14', 77],
    ['ViT-H-14-CLIPA', 'ViT-H-14-CLIPA', 32],
    ['ViT-H-14-CLIPA-336', 'ViT-H-14-CLIPA-336', 32],
    ['ViT-B-16', 'ViT-B-16', 77],
    ['ViT-B-16-CL16', 'ViT-B-16', 16],
    ['ViT-L-16-CL16-GAP', 'ViT-L-16', 16],
    ['ViT-L-16-CL8-Syntax-GAP', 'ViT-L-16', 8],
    ['ViT-H-14-CL8-SyntaxMask-GAP', 'ViT-H-14', 8],
    ['ViT-H-14-CL32-GAP-BigVision', 'ViT-H-14-CLIPA', 32],
    ['hf-hub:UCSC-VLAA/ViT-H-14-CLIPA-datacomp1B', 'ViT-H-14-CLIPA', 32],
    ['hf-hub:UCSC-VLAA/ViT-bigG-14-CLIPA-336-datacomp1B', 'ViT-bigG-14-CLIPA-336', 32],
    ['hf-hub:laion/CLIP-ViT-H-14-laion2B-s32B-b79K', 'ViT-H-14', 77],
    ['hf-hub:timm/ViT-B-16-SigLIP', 'ViT-B-16-SigLIP', 64],
    ['hf-hub:timm/vit_base_patch16_clip_224.openai', 'ViT-B-16', 77],
    ['hf-hub:timm/vit_huge_patch14_clip_224.laion2b', 'ViT-H-14', 77],
  ])('%s → %s with %i text tokens', (name, profile, textTokens) => {
    expect(resolveModelGeometry(name, profiles)).toMatchObject({ profile: { model: profile }, defaultTextTokens: textTokens });
  });

  it('returns null for unknown and non-ViT models', () => {
    for (const name of ['RN50', 'convnext_base_w', 'ViT-Q-99', '', 'hf-hub:timm/ViT-Z-14', 'not a model']) {
      expect(resolveModelGeometry(name, profiles)).toBeNull();
    }
  });

  it('derives patch size, full image tokens and class token from the name and the profile row', () => {
    const h14 = resolveModelGeometry('ViT-H-14', profiles);
    expect(h14).toMatchObject({ patchSize: 14, fullPatchTokens: (224 / 14) ** 2, classToken: true });
    expect(resolveModelGeometry('ViT-L-14-336', profiles)).toMatchObject({ patchSize: 14, fullPatchTokens: (336 / 14) ** 2 });
    expect(resolveModelGeometry('ViT-B-16-SigLIP', profiles)?.classToken).toBe(false);
  });

  it('groups the same towers measured at other resolutions', () => {
    expect(resolveModelGeometry('ViT-H-14-CLIPA', profiles)?.resolutionVariants.map((row) => row.model)).toEqual(['ViT-H-14-CLIPA', 'ViT-H-14-CLIPA-336']);
    expect(resolveModelGeometry('ViT-L-14-336', profiles)?.resolutionVariants.map((row) => row.model)).toEqual(['ViT-L-14', 'ViT-L-14-280', 'ViT-L-14-336']);
  });
});

describe('constants taken from clipa_model_configs.csv', () => {
  const configs = readClipaConfigs();

  it('uses the text_context_length of every -CLIPA config', () => {
    const clipa = configs.filter((row) => row.model_name.includes('-CLIPA'));
    expect(clipa.length).toBeGreaterThan(0);
    for (const row of clipa) {
      expect(Number(row.text_context_length)).toBe(CLIPA_TEXT_TOKENS);
      expect(resolveModelGeometry(row.model_name, profiles)?.profileTextTokens).toBe(Number(row.text_context_length));
    }
  });

  it('uses the vision_mlp_ratio the configs give for bigG', () => {
    for (const row of configs.filter((config) => config.vision_mlp_ratio !== '')) {
      expect(resolveModelGeometry(row.model_name, profiles)?.imageMlpRatio).toBe(Number(row.vision_mlp_ratio));
    }
  });

  it('reads the text length of the CLIPA fork configs from their names', () => {
    for (const row of configs.filter((config) => /-CL\d+/.test(config.model_name))) {
      expect(resolveModelGeometry(row.model_name, profiles)?.defaultTextTokens).toBe(Number(row.text_context_length));
    }
  });
});
