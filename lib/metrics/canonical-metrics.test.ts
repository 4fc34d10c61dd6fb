import { describe, expect, it } from 'vitest';
import {
  canonicalMetricFor,
  getCanonicalMetric,
  isCanonicalMetricName,
  listCanonicalMetricNames,
  listCanonicalMetrics,
  METRIC_SOURCES,
  sourceNamesFor,
  toCanonicalValue,
  toClipBenchmarkKey,
  toPercent,
} from './canonical-metrics';

const REFERENCE_ACCURACY_COLUMNS = [
  'zeroshot_in1k_top1',
  'imagenet_v2_top1',
  'imagenet_a_top1',
  'imagenet_r_top1',
  'objectnet_top1',
  'imagenet_sketch_top1',
  'coco_t2i_r1',
  'coco_i2t_r1',
  'flickr30k_t2i_r1',
  'flickr30k_i2t_r1',
  'avg_38_datasets',
];

describe('canonical metric table', () => {
  it('uses the reference CSV accuracy columns as canonical names, all in percent', () => {
    expect(listCanonicalMetricNames()).toEqual(REFERENCE_ACCURACY_COLUMNS);
    for (const metric of listCanonicalMetrics()) {
      expect(metric.unit).toBe('percent');
      expect(metric.label.length).toBeGreaterThan(0);
      expect(canonicalMetricFor('reference-csv', metric.name)).toEqual({ metric: metric.name, scaleToPercent: 1 });
    }
  });

  it('never maps one source name to two metrics', () => {
    const seen = new Set<string>();
    for (const metric of listCanonicalMetrics()) {
      for (const alias of metric.aliases) {
        const key = `${alias.source}:${alias.name}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        expect(METRIC_SOURCES).toContain(alias.source);
        expect(alias.scaleToPercent).toBe(alias.source === 'reference-csv' ? 1 : 100);
      }
    }
  });

  it('maps open_clip benchmark columns (fractions) to canonical names', () => {
    expect(canonicalMetricFor('openclip-results', 'ImageNet 1k')).toEqual({ metric: 'zeroshot_in1k_top1', scaleToPercent: 100 });
    expect(canonicalMetricFor('openclip-results', 'ImageNet Sketch')?.metric).toBe('imagenet_sketch_top1');
    expect(canonicalMetricFor('openclip-results', 'Average perf. on 38 datasets')?.metric).toBe('avg_38_datasets');
    expect(canonicalMetricFor('openclip-results', 'MSCOCO')).toBeNull();
    expect(canonicalMetricFor('openclip-retrieval', 'MSCOCO image retr. R@1')?.metric).toBe('coco_t2i_r1');
    expect(canonicalMetricFor('openclip-retrieval', 'MSCOCO text retr. R@1')?.metric).toBe('coco_i2t_r1');
    expect(canonicalMetricFor('openclip-retrieval', 'Flickr image retr. R@1')?.metric).toBe('flickr30k_t2i_r1');
    expect(canonicalMetricFor('openclip-retrieval', 'Flickr text retr. R@1')?.metric).toBe('flickr30k_i2t_r1');
    expect(canonicalMetricFor('openclip-retrieval', 'MSCOCO image retr. R@5')).toBeNull();
  });

  it('maps OpenCLIP log keys but not its own-val-set retrieval keys', () => {
    expect(canonicalMetricFor('openclip-log', 'val/imagenet-zeroshot-val-top1')).toEqual({ metric: 'zeroshot_in1k_top1', scaleToPercent: 100 });
    expect(canonicalMetricFor('openclip-log', 'val/imagenetv2-zeroshot-val-top1')?.metric).toBe('imagenet_v2_top1');
    expect(canonicalMetricFor('openclip-log', 'val/image_to_text_R@1')).toBeNull();
    expect(canonicalMetricFor('openclip-log', 'val/text_to_image_R@1')).toBeNull();
    expect(canonicalMetricFor('openclip-log', 'val/imagenet-zeroshot-val-top5')).toBeNull();
  });

  it('maps CLIP_benchmark dataset/metric pairs, with or without the wds/ prefix', () => {
    expect(canonicalMetricFor('clip-benchmark', toClipBenchmarkKey('wds/imagenet1k', 'acc1'))?.metric).toBe('zeroshot_in1k_top1');
    expect(canonicalMetricFor('clip-benchmark', toClipBenchmarkKey('imagenet-a', 'acc1'))?.metric).toBe('imagenet_a_top1');
    expect(canonicalMetricFor('clip-benchmark', toClipBenchmarkKey('mscoco_captions', 'image_retrieval_recall@1'))?.metric).toBe('coco_t2i_r1');
    expect(canonicalMetricFor('clip-benchmark', toClipBenchmarkKey('flickr30k', 'text_retrieval_recall@1'))?.metric).toBe('flickr30k_i2t_r1');
    expect(canonicalMetricFor('clip-benchmark', toClipBenchmarkKey('imagenet1k', 'acc5'))).toBeNull();
  });

  it('goes from a canonical metric back to each source name', () => {
    expect(sourceNamesFor('coco_t2i_r1', 'openclip-retrieval')).toEqual(['MSCOCO image retr. R@1']);
    expect(sourceNamesFor('zeroshot_in1k_top1', 'openclip-log')).toEqual(['val/imagenet-zeroshot-val-top1']);
    expect(sourceNamesFor('coco_t2i_r1', 'openclip-log')).toEqual([]);
    for (const name of listCanonicalMetricNames()) {
      for (const source of METRIC_SOURCES) {
        for (const alias of sourceNamesFor(name, source)) expect(canonicalMetricFor(source, alias)?.metric).toBe(name);
      }
    }
  });

  it('scales fractions to percent without floating-point noise', () => {
    expect(0.7079 * 100).not.toBe(70.79);
    expect(toPercent(0.7079, 100)).toBe(70.79);
    expect(toPercent(0.6782, 100)).toBe(67.82);
    expect(toPercent(0.0917, 100)).toBe(9.17);
    expect(toPercent(81.8, 1)).toBe(81.8);
    expect(toCanonicalValue('openclip-results', 'ImageNet 1k', 0.9043)).toEqual({ metric: 'zeroshot_in1k_top1', percent: 90.43 });
    expect(toCanonicalValue('openclip-results', 'Caltech-101', 0.9)).toBeNull();
  });

  it('recognises canonical names and describes them', () => {
    expect(isCanonicalMetricName('coco_i2t_r1')).toBe(true);
    expect(isCanonicalMetricName('ImageNet 1k')).toBe(false);
    expect(getCanonicalMetric('zeroshot_in1k_top1').label).toBe('Zero-shot ImageNet-1k top-1');
  });
});
