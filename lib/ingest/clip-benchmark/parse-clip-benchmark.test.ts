import { describe, expect, it } from 'vitest';
import { canonicalForStoredKey, parseClipBenchmark } from './parse-clip-benchmark';

/** As `clip_benchmark eval --output` writes them (json.dump: one object, no trailing newline). */
const imagenet = JSON.stringify({
  dataset: 'imagenet1k',
  model: 'ViT-H-14-CL32-GAP',
  pretrained: '/logs/h14-ft336/checkpoints/epoch_1.pt',
  task: 'zeroshot_classification',
  metrics: { acc1: 0.8172, acc5: 0.9641, mean_per_class_recall: 0.8171 },
  language: 'en',
});
const coco = JSON.stringify({
  dataset: 'wds/mscoco_captions',
  model: 'ViT-H-14-CL32-GAP',
  pretrained: '/logs/h14-ft336/checkpoints/epoch_1.pt',
  task: 'zeroshot_retrieval',
  metrics: { 'image_retrieval_recall@1': 0.4915, 'text_retrieval_recall@1': 0.6702, 'image_retrieval_recall@5': 0.7344 },
  language: 'en',
});

function parsedOrThrow(text: string) {
  const parsed = parseClipBenchmark(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed;
}

describe('parseClipBenchmark', () => {
  it('reads one result file, keeping raw fractions and mapping the canonical ones to percent', () => {
    const parsed = parsedOrThrow(imagenet);
    expect(parsed.values).toEqual([
      { key: 'clip_benchmark/imagenet1k/acc1', value: 0.8172, canonical: { metric: 'zeroshot_in1k_top1', percent: 81.72 } },
      { key: 'clip_benchmark/imagenet1k/acc5', value: 0.9641, canonical: null },
      { key: 'clip_benchmark/imagenet1k/mean_per_class_recall', value: 0.8171, canonical: null },
    ]);
    expect(parsed.checkpointEpoch).toBe(1);
  });

  it('reads JSON lines and arrays alike, dropping the wds/ prefix of webdataset names', () => {
    const lines = parsedOrThrow(`${imagenet}\n${coco}\n`);
    const array = parsedOrThrow(`[${imagenet}, ${coco}]`);
    expect(array.values).toEqual(lines.values);
    expect(lines.values.filter((value) => value.canonical)).toEqual([
      { key: 'clip_benchmark/imagenet1k/acc1', value: 0.8172, canonical: { metric: 'zeroshot_in1k_top1', percent: 81.72 } },
      { key: 'clip_benchmark/mscoco_captions/image_retrieval_recall@1', value: 0.4915, canonical: { metric: 'coco_t2i_r1', percent: 49.15 } },
      { key: 'clip_benchmark/mscoco_captions/text_retrieval_recall@1', value: 0.6702, canonical: { metric: 'coco_i2t_r1', percent: 67.02 } },
    ]);
  });

  it("accepts Python's NaN, stored as is and without a canonical value", () => {
    const parsed = parsedOrThrow('{"dataset": "objectnet", "task": "zeroshot_classification", "metrics": {"acc1": NaN}}');
    expect(parsed.values).toEqual([{ key: 'clip_benchmark/objectnet/acc1', value: Number.NaN, canonical: null }]);
    expect(parsed.checkpointEpoch).toBeNull();
  });

  it('keeps the last value of a dataset listed twice', () => {
    const again = imagenet.replace('0.8172', '0.8180');
    const values = parsedOrThrow(`${imagenet}\n${again}`).values;
    expect(values).toHaveLength(3);
    expect(values[0]).toMatchObject({ key: 'clip_benchmark/imagenet1k/acc1', value: 0.818 });
  });

  it('gives no checkpoint epoch when records name different checkpoints', () => {
    expect(parsedOrThrow(`${imagenet}\n${coco.replace('epoch_1.pt', 'epoch_2.pt')}`).checkpointEpoch).toBeNull();
  });

  it('rejects the whole input for one bad record, naming the field', () => {
    const bad = JSON.stringify({ dataset: 'imagenetv2', task: 'zeroshot_classification', metrics: { acc1: '0.75' } });
    expect(parseClipBenchmark(`[${imagenet}, ${bad}]`)).toEqual({
      ok: false,
      issues: [{ path: 'body.1.metrics.acc1', message: 'metric values must be numbers (fractions, as CLIP_benchmark writes them)' }],
    });
    const noDataset = parseClipBenchmark(`${imagenet}\n{"task": "zeroshot_classification", "metrics": {"acc1": 0.5}}`);
    expect(noDataset.ok === false && noDataset.issues[0]?.path).toBe('body.line 2.dataset');
    const badName = parseClipBenchmark('{"dataset": "image net", "task": "t", "metrics": {"acc1": 0.5}}');
    expect(badName.ok === false && badName.issues[0]).toEqual({ path: 'body.dataset', message: 'dataset may contain letters, digits and _ . / @ : -' });
  });

  it('rejects text that is not JSON, naming the line, and inputs without values', () => {
    expect(parseClipBenchmark(`${imagenet}\n{"dataset": `)).toMatchObject({ ok: false, issues: [{ path: 'body.line 2' }] });
    expect(parseClipBenchmark('   ')).toMatchObject({ ok: false, issues: [{ path: 'body' }] });
    expect(parseClipBenchmark('[]')).toMatchObject({ ok: false, issues: [{ path: 'body' }] });
    expect(parseClipBenchmark('{"dataset": "cars", "task": "zeroshot_classification", "metrics": {}}')).toMatchObject({ ok: false, issues: [{ path: 'body' }] });
    expect(parseClipBenchmark('"imagenet1k"')).toMatchObject({ ok: false, issues: [{ path: 'body' }] });
  });
});

describe('canonicalForStoredKey', () => {
  it('maps stored keys through the canonical table and ignores other keys', () => {
    expect(canonicalForStoredKey('clip_benchmark/flickr30k/image_retrieval_recall@1')).toEqual({ metric: 'flickr30k_t2i_r1', scaleToPercent: 100 });
    expect(canonicalForStoredKey('clip_benchmark/cars/acc1')).toBeNull();
    expect(canonicalForStoredKey('val/imagenet-zeroshot-val-top1')).toBeNull();
  });
});
