import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseClipaReported } from './clipa-reported';
import { parseModelProfiles } from './model-profile';
import { parseOpenclipResults } from './openclip-results';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');
const RESULTS = { text: read('reference/openclip/openclip_results.csv'), fileName: 'openclip_results.csv' };
const RETRIEVAL = { text: read('reference/openclip/openclip_retrieval_results.csv'), fileName: 'openclip_retrieval_results.csv' };

function parseShipped() {
  const profiles = parseModelProfiles(read('reference/openclip/model_profile.csv'));
  if (!profiles.ok) throw new Error('model_profile.csv did not parse');
  const result = parseOpenclipResults({ results: RESULTS, retrieval: RETRIEVAL }, profiles.value);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.value;
}

describe('parseOpenclipResults on the shipped open_clip tables', () => {
  const seeds = parseShipped();

  it('reads the 121 models, each its own primary benchmark result', () => {
    expect(seeds).toHaveLength(121);
    expect(new Set(seeds.map((seed) => seed.resultKey)).size).toBe(121);
    expect(seeds.every((seed) => seed.isPrimary && seed.resultType === 'benchmark' && seed.paperId === 'openclip-benchmarks')).toBe(true);
  });

  it('converts fractions to percent through the canonical table (ViT-bigG-14-CLIPA datacomp1b)', () => {
    const seed = seeds.find((candidate) => candidate.resultKey === 'openclip_ViT-bigG-14-CLIPA_datacomp1b');
    expect(seed).toMatchObject({
      model: 'ViT-bigG-14-CLIPA',
      modelOpenclipName: 'ViT-bigG-14-CLIPA',
      paramsM: 2517.22,
      evalImageRes: 224,
      source: 'mlfoundations/open_clip@89fb801:docs/openclip_results.csv + docs/openclip_retrieval_results.csv (name=ViT-bigG-14-CLIPA, pretrained=datacomp1b)',
    });
    expect(seed?.metrics).toEqual({
      avg_38_datasets: 68.22,
      zeroshot_in1k_top1: 82.7,
      imagenet_sketch_top1: 74.31,
      imagenet_v2_top1: 76.99,
      imagenet_a_top1: 81.79,
      imagenet_r_top1: 95.12,
      objectnet_top1: 76.94,
      flickr30k_t2i_r1: 77.86,
      flickr30k_i2t_r1: 91.9,
      coco_t2i_r1: 49.96,
      coco_i2t_r1: 67.8,
    });
    expect(seed?.raw['ImageNet 1k']).toBe('0.8270');
    expect(seed?.raw['MSCOCO image retr. R@5']).toBe('0.7414');
  });

  it('agrees with every open_clip re-evaluation row of clipa_reported.csv', () => {
    const reported = parseClipaReported(read('reference/clipa_reported.csv'));
    if (!reported.ok) throw new Error('clipa_reported.csv did not parse');
    const reEvaluations = reported.value.results.filter((result) => result.resultType === 're-evaluation');
    expect(reEvaluations).toHaveLength(15);
    for (const row of reEvaluations) {
      const [name, pretrained] = (row.modelOpenclipName ?? '').split(' ');
      const seed = seeds.find((candidate) => candidate.resultKey === `openclip_${name}_${pretrained}`);
      expect(seed?.metrics, row.resultKey).toEqual(row.metrics);
      expect(seed?.paramsM).toBe(row.paramsM);
      expect(seed?.evalImageRes).toBe(row.evalImageRes);
    }
  });

  it('leaves evalImageRes empty when model_profile.csv has no such config', () => {
    const withoutProfiles = parseOpenclipResults({ results: RESULTS, retrieval: RETRIEVAL });
    expect(withoutProfiles.ok && withoutProfiles.value.every((seed) => seed.evalImageRes === null)).toBe(true);
  });
});

describe('parseOpenclipResults validation', () => {
  const header = 'name,pretrained,params (M),FLOPs (B),ImageNet 1k';
  const retrievalHeader = 'name,pretrained,params (M),FLOPs (B),MSCOCO image retr. R@1';

  it('reports a model missing from the retrieval file and a bad number, naming the file', () => {
    const result = parseOpenclipResults({
      results: { text: `${header}\nA,x,1,2,0.5\nB,y,1,2,0.6\n`, fileName: 'r.csv' },
      retrieval: { text: `${retrievalHeader}\nA,x,1,2,zero\n`, fileName: 'q.csv' },
    });
    expect(result).toEqual({ ok: false, errors: [{ line: 2, column: 5, columnName: 'MSCOCO image retr. R@1', message: 'q.csv: "zero" is not a number' }] });

    const missing = parseOpenclipResults({
      results: { text: `${header}\nA,x,1,2,0.5\nB,y,1,2,0.6\n`, fileName: 'r.csv' },
      retrieval: { text: `${retrievalHeader}\nA,x,1,2,0.3\n`, fileName: 'q.csv' },
    });
    expect(missing).toMatchObject({ ok: false, errors: [{ line: 3, message: 'r.csv: B/y has no row in q.csv' }] });
  });

  it('reports disagreeing parameter counts', () => {
    const result = parseOpenclipResults({
      results: { text: `${header}\nA,x,1,2,0.5\n`, fileName: 'r.csv' },
      retrieval: { text: `${retrievalHeader}\nA,x,1.5,2,0.3\n`, fileName: 'q.csv' },
    });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: 3, columnName: 'params (M)' }] });
  });
});
