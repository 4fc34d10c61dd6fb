/**
 * The one table that says which metric a name from any source means, and how to turn its value into
 * percent. Canonical names are the accuracy column names of `reference/clipa_reported.csv`, and every
 * canonical value is a percentage (81.8, not 0.818), because that is how the papers print them.
 *
 * Retrieval direction follows the open_clip / CLIP_benchmark wording: "image retrieval" = text→image
 * (`*_t2i_r1`), "text retrieval" = image→text (`*_i2t_r1`). OpenCLIP's training-time validation
 * retrieval keys (`val/image_to_text_R@1`, …) are measured on the run's own `--val-data`, not on
 * COCO or Flickr, so they are deliberately absent.
 */

/** Where a metric name comes from. */
export const METRIC_SOURCES = [
  /** A column of `clipa_reported.csv` (or an uploaded CSV in its columns): already percent. */
  'reference-csv',
  /** A column of open_clip `docs/openclip_results.csv`: fractions. */
  'openclip-results',
  /** A column of open_clip `docs/openclip_retrieval_results.csv`: fractions. */
  'openclip-retrieval',
  /** An OpenCLIP (or clipa_torch) training-log eval key as our log parser stores it: fractions. */
  'openclip-log',
  /** A clipa_jax (big_vision) `metrics.txt` key: fractions. */
  'clipa-jax-log',
  /** A CLIP_benchmark result, named `<dataset>/<metric>` (see `toClipBenchmarkKey`): fractions. */
  'clip-benchmark',
] as const;

export type MetricSource = (typeof METRIC_SOURCES)[number];

export interface MetricAlias {
  source: MetricSource;
  name: string;
  /** Multiply a value from this source by this to get percent. */
  scaleToPercent: 1 | 100;
}

interface MetricDefinition<Name extends string = string> {
  name: Name;
  label: string;
  shortLabel: string;
  kind: 'zero-shot classification' | 'zero-shot retrieval' | 'benchmark average';
  unit: 'percent';
  aliases: readonly MetricAlias[];
}

const fromReference = (name: string): MetricAlias => ({ source: 'reference-csv', name, scaleToPercent: 1 });
const fraction = (source: Exclude<MetricSource, 'reference-csv'>, name: string): MetricAlias => ({ source, name, scaleToPercent: 100 });

const CANONICAL_METRICS = [
  {
    name: 'zeroshot_in1k_top1',
    label: 'Zero-shot ImageNet-1k top-1',
    shortLabel: 'IN-1k',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [
      fromReference('zeroshot_in1k_top1'),
      fraction('openclip-results', 'ImageNet 1k'),
      fraction('openclip-log', 'val/imagenet-zeroshot-val-top1'),
      fraction('clipa-jax-log', 'z/0shot/imagenet2012_accuracy'),
      fraction('clip-benchmark', 'imagenet1k/acc1'),
    ],
  },
  {
    name: 'imagenet_v2_top1',
    label: 'Zero-shot ImageNet-V2 top-1',
    shortLabel: 'IN-V2',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [
      fromReference('imagenet_v2_top1'),
      fraction('openclip-results', 'ImageNet v2'),
      fraction('openclip-log', 'val/imagenetv2-zeroshot-val-top1'),
      fraction('clip-benchmark', 'imagenetv2/acc1'),
    ],
  },
  {
    name: 'imagenet_a_top1',
    label: 'Zero-shot ImageNet-A top-1',
    shortLabel: 'IN-A',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [fromReference('imagenet_a_top1'), fraction('openclip-results', 'ImageNet-A'), fraction('clip-benchmark', 'imagenet-a/acc1')],
  },
  {
    name: 'imagenet_r_top1',
    label: 'Zero-shot ImageNet-R top-1',
    shortLabel: 'IN-R',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [fromReference('imagenet_r_top1'), fraction('openclip-results', 'ImageNet-R'), fraction('clip-benchmark', 'imagenet-r/acc1')],
  },
  {
    name: 'objectnet_top1',
    label: 'Zero-shot ObjectNet top-1',
    shortLabel: 'ObjectNet',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [fromReference('objectnet_top1'), fraction('openclip-results', 'ObjectNet'), fraction('clip-benchmark', 'objectnet/acc1')],
  },
  {
    name: 'imagenet_sketch_top1',
    label: 'Zero-shot ImageNet-Sketch top-1',
    shortLabel: 'IN-Sketch',
    kind: 'zero-shot classification',
    unit: 'percent',
    aliases: [
      fromReference('imagenet_sketch_top1'),
      fraction('openclip-results', 'ImageNet Sketch'),
      fraction('clip-benchmark', 'imagenet_sketch/acc1'),
    ],
  },
  {
    name: 'coco_t2i_r1',
    label: 'MS-COCO text→image retrieval R@1',
    shortLabel: 'COCO T→I R@1',
    kind: 'zero-shot retrieval',
    unit: 'percent',
    aliases: [
      fromReference('coco_t2i_r1'),
      fraction('openclip-retrieval', 'MSCOCO image retr. R@1'),
      fraction('clip-benchmark', 'mscoco_captions/image_retrieval_recall@1'),
    ],
  },
  {
    name: 'coco_i2t_r1',
    label: 'MS-COCO image→text retrieval R@1',
    shortLabel: 'COCO I→T R@1',
    kind: 'zero-shot retrieval',
    unit: 'percent',
    aliases: [
      fromReference('coco_i2t_r1'),
      fraction('openclip-retrieval', 'MSCOCO text retr. R@1'),
      fraction('clip-benchmark', 'mscoco_captions/text_retrieval_recall@1'),
    ],
  },
  {
    name: 'flickr30k_t2i_r1',
    label: 'Flickr30k text→image retrieval R@1',
    shortLabel: 'Flickr T→I R@1',
    kind: 'zero-shot retrieval',
    unit: 'percent',
    aliases: [
      fromReference('flickr30k_t2i_r1'),
      fraction('openclip-retrieval', 'Flickr image retr. R@1'),
      fraction('clip-benchmark', 'flickr30k/image_retrieval_recall@1'),
    ],
  },
  {
    name: 'flickr30k_i2t_r1',
    label: 'Flickr30k image→text retrieval R@1',
    shortLabel: 'Flickr I→T R@1',
    kind: 'zero-shot retrieval',
    unit: 'percent',
    aliases: [
      fromReference('flickr30k_i2t_r1'),
      fraction('openclip-retrieval', 'Flickr text retr. R@1'),
      fraction('clip-benchmark', 'flickr30k/text_retrieval_recall@1'),
    ],
  },
  {
    name: 'avg_38_datasets',
    label: 'Average over the 38-dataset open_clip / DataComp suite',
    shortLabel: 'Avg 38',
    kind: 'benchmark average',
    unit: 'percent',
    aliases: [fromReference('avg_38_datasets'), fraction('openclip-results', 'Average perf. on 38 datasets')],
  },
] as const satisfies readonly MetricDefinition[];

export type CanonicalMetricName = (typeof CANONICAL_METRICS)[number]['name'];

export type CanonicalMetric = MetricDefinition<CanonicalMetricName>;

/** Canonical metric → percent; a metric the source does not give is absent, never 0. */
export type MetricValues = Partial<Record<CanonicalMetricName, number>>;

export interface MetricMatch {
  metric: CanonicalMetricName;
  scaleToPercent: 1 | 100;
}

const BY_SOURCE_NAME = new Map<string, MetricMatch>(
  CANONICAL_METRICS.flatMap((metric) =>
    metric.aliases.map((alias) => [aliasKey(alias.source, alias.name), { metric: metric.name, scaleToPercent: alias.scaleToPercent }] as const),
  ),
);

function aliasKey(source: MetricSource, name: string): string {
  return `${source}\u0000${name}`;
}

/** All canonical metrics, in display order. */
export function listCanonicalMetrics(): readonly CanonicalMetric[] {
  return CANONICAL_METRICS;
}

export function listCanonicalMetricNames(): CanonicalMetricName[] {
  return CANONICAL_METRICS.map((metric) => metric.name);
}

export function isCanonicalMetricName(name: string): name is CanonicalMetricName {
  return CANONICAL_METRICS.some((metric) => metric.name === name);
}

export function getCanonicalMetric(name: CanonicalMetricName): CanonicalMetric {
  const metric = CANONICAL_METRICS.find((candidate) => candidate.name === name);
  if (!metric) throw new Error(`unknown canonical metric "${name}"`);
  return metric;
}

/** Which canonical metric a source's name means, or null when it has no canonical meaning (exact match). */
export function canonicalMetricFor(source: MetricSource, name: string): MetricMatch | null {
  return BY_SOURCE_NAME.get(aliasKey(source, name)) ?? null;
}

/** The names a source uses for a canonical metric (the reverse direction of `canonicalMetricFor`). */
export function sourceNamesFor(metric: CanonicalMetricName, source: MetricSource): string[] {
  return getCanonicalMetric(metric)
    .aliases.filter((alias) => alias.source === source)
    .map((alias) => alias.name);
}

/**
 * Scales a value to percent and drops binary noise (0.7079 × 100 = 70.78999999999999 in floating point),
 * so that "fractions multiplied by 100 exactly" compare equal to the printed percentages.
 */
export function toPercent(value: number, scaleToPercent: number): number {
  return Number((value * scaleToPercent).toPrecision(12));
}

/** Maps one named value from a source to its canonical metric in percent; null when the name is not mapped. */
export function toCanonicalValue(source: MetricSource, name: string, value: number): { metric: CanonicalMetricName; percent: number } | null {
  const match = canonicalMetricFor(source, name);
  return match ? { metric: match.metric, percent: toPercent(value, match.scaleToPercent) } : null;
}

/**
 * The lookup name of a CLIP_benchmark result: its `dataset` (with the webdataset `wds/` prefix removed,
 * so `wds/imagenet1k` and `imagenet1k` are the same) and a key of its `metrics` object.
 */
export function toClipBenchmarkKey(dataset: string, metric: string): string {
  return `${dataset.replace(/^wds\//, '')}/${metric}`;
}
