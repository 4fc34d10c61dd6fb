import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModelProfiles } from './model-profile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('parseModelProfiles', () => {
  it('reads the 85 open_clip configs with their per-sample GFLOPs', () => {
    const result = parseModelProfiles(readFileSync(path.join(ROOT, 'reference/openclip/model_profile.csv'), 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value).toHaveLength(85);
    expect(result.value.find((profile) => profile.model === 'ViT-H-14-CLIPA-336')).toEqual({
      model: 'ViT-H-14-CLIPA-336',
      imageSize: 336,
      imageWidth: 1280,
      textWidth: 1024,
      embedDim: 1024,
      mparams: 968.64,
      imageMparams: 632.48,
      textMparams: 336.16,
      gflops: 800.88,
      imageGflops: 781.45,
      textGflops: 19.43,
    });
  });

  it('reports a non-numeric cell and a duplicate model', () => {
    const header = 'model,image_size,image_width,text_width,embed_dim,mparams,image_mparams,text_mparams,gflops,image_gflops,text_gflops';
    const result = parseModelProfiles(`${header}\nA,224,1,1,1,1,1,1,n/a,1,1\nA,224,1,1,1,1,1,1,1,1,1\n`);
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: 9, columnName: 'gflops' }, { line: 3, column: 1, columnName: 'model' }] });
  });
});
