/**
 * Well-formed inputs for the API fuzz to damage (a metric point, a run PUT body, a CLIP_benchmark
 * result), and whole text files of damaged lines.
 */
import { mutateLine, ODD_NUMBERS, type FuzzRandom } from './fuzz-inputs';

/** A text file of `count` damaged lines drawn from `corpus`. */
export function mutatedFile(rng: FuzzRandom, corpus: readonly string[], count: number): Buffer {
  return Buffer.concat(Array.from({ length: count }, () => [mutateLine(rng, rng.pick(corpus), corpus), Buffer.from('\n')]).flat());
}

export function validPoint(rng: FuzzRandom) {
  return {
    key: rng.pick(['train/loss', 'val/imagenet-zeroshot-val-top1', 'custom/grad_norm', 'a.b@c:d-e']),
    step: rng.int(1_000_000),
    value: rng.chance(0.9) ? rng.random() * 10 : rng.pick(['nan', 'inf', '-inf']),
    ...(rng.chance(0.5) ? { epoch: rng.random() * 30, samplesSeen: rng.int(1e9) } : {}),
    ...(rng.chance(0.3) ? { wallTime: rng.chance(0.5) ? 1_709_647_331_000 + rng.int(1e9) : '2024-03-05T14:02:11Z' } : {}),
  };
}

export function validRunBody(rng: FuzzRandom) {
  return {
    name: 'H/14, 84 px',
    status: rng.pick(['running', 'finished', 'failed', 'crashed']),
    notes: 'résumé ✓',
    tags: ['h14', 'pilot'],
    startedAt: '2024-03-05T14:02:11Z',
    endedAt: rng.chance(0.5) ? null : '2024-03-06T14:02:11+01:00',
    heartbeat: rng.chance(0.5),
    reportedResultId: null,
  };
}

export function validClipBenchmark(rng: FuzzRandom) {
  const record = (dataset: string) => ({
    dataset,
    model: 'ViT-B-32',
    pretrained: `/ckpt/epoch_${rng.pick(['3', '32', '999999', '1000000', ...ODD_NUMBERS])}.pt`,
    task: 'zeroshot_classification',
    metrics: { acc1: rng.random(), acc5: rng.random(), mean_per_class_recall: rng.random() },
    language: 'en',
  });
  return rng.chance(0.5) ? record('cifar10') : [record('wds/imagenet1k'), record('cars')];
}
