/**
 * Writes the files of an OpenCLIP run folder (out.log, params.txt, checkpoints/results.jsonl) in
 * the classic v2.15+ format of LOG_FORMATS.md, from a small description of a run. The curves are
 * made up but shaped like CLIP training; the demo project and the tests send them through the real
 * ingestion API, so every byte goes through the same parser as a lab's logs.
 */
import { seededRandom } from './seeded-random';
import { formatAlternateG, formatFixed, formatLogTimestamp, formatRoundHalfEven, pythonJsonDumps } from './python-format';

export interface DemoRunSpec {
  name: string;
  model: string;
  gpus: number;
  batchSizePerGpu: number;
  stepsPerEpoch: number;
  epochs: number;
  logEveryNSteps: number;
  lr: number;
  /** Zero-shot top-1 (fraction) the curve approaches at the end of training. */
  finalTop1: number;
  perGpuSamplesPerSecond: number;
  startMs: number;
  seed: number;
  /** Stop writing train lines once this fraction of training is logged (a run still in progress). */
  stopAtFraction?: number;
  /** The loss becomes NaN from this fraction of training on (a diverged run). */
  divergeAtFraction?: number;
  zeroshotFrequency?: number;
  /** Arguments to add or override in params.txt and the Params block (e.g. force_image_size). */
  params?: Record<string, string>;
}

export interface DemoRunFiles {
  outLog: string;
  paramsTxt: string;
  resultsJsonl: string;
}

/** The run's arguments, sorted by name as open_clip writes them. */
export function paramsOf(spec: DemoRunSpec): Record<string, string> {
  const params: Record<string, string> = {
    accum_freq: '1',
    batch_size: String(spec.batchSizePerGpu),
    dataset_type: 'webdataset',
    epochs: String(spec.epochs),
    imagenet_val: './data/imagenet/val',
    log_every_n_steps: String(spec.logEveryNSteps),
    lr: String(spec.lr),
    model: spec.model,
    name: spec.name,
    precision: 'amp',
    pretrained: '',
    report_to: 'tensorboard',
    resume: 'None',
    train_num_samples: String(spec.stepsPerEpoch * spec.batchSizePerGpu * spec.gpus),
    warmup: String(Math.round(spec.stepsPerEpoch / 4)),
    world_size: String(spec.gpus),
    zeroshot_frequency: String(spec.zeroshotFrequency ?? 1),
    ...spec.params,
  };
  return Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function top1At(spec: DemoRunSpec, epoch: number): number {
  return (spec.finalTop1 * (1 - Math.exp((-3 * epoch) / spec.epochs))) / (1 - Math.exp(-3));
}

export function writeDemoRun(spec: DemoRunSpec): DemoRunFiles {
  const random = seededRandom(spec.seed);
  const globalBatch = spec.batchSizePerGpu * spec.gpus;
  const samplesPerEpoch = spec.stepsPerEpoch * globalBatch;
  const digits = Math.ceil(Math.log10(samplesPerEpoch + 1));
  const totalSteps = spec.stepsPerEpoch * spec.epochs;
  const params = paramsOf(spec);
  let clock = spec.startMs;
  const lines: string[] = [];
  const log = (message: string) => lines.push(`${formatLogTimestamp(clock)} | INFO | ${message}`);
  const results: string[] = [];

  log(`Running in distributed mode with multiple processes. Device: cuda:0.Process (global: 0, local 0), total ${spec.gpus}.`);
  log(`Loaded built-in ${spec.model} model config.`);
  log('Params:');
  for (const [key, value] of Object.entries(params)) log(`  ${key}: ${value}`);

  const secondsPerStep = globalBatch / (spec.perGpuSamplesPerSecond * spec.gpus);
  let diverged = false;
  for (let epoch = 0; epoch < spec.epochs; epoch++) {
    log(`Start epoch ${epoch}`);
    let lossSum = 0;
    let lossCount = 0;
    for (let batch = 1; batch <= spec.stepsPerEpoch; batch++) {
      const step = epoch * spec.stepsPerEpoch + batch;
      const progress = step / totalSteps;
      if (spec.stopAtFraction !== undefined && progress > spec.stopAtFraction) return finish();
      clock += secondsPerStep * 1000;
      if (batch !== 1 && batch % spec.logEveryNSteps !== 0 && batch !== spec.stepsPerEpoch) continue;
      diverged ||= spec.divergeAtFraction !== undefined && progress >= spec.divergeAtFraction;
      const loss = diverged ? NaN : 0.9 + 6.03 * Math.exp(-5 * progress) + (random() - 0.5) * 0.08;
      lossSum += loss;
      lossCount += 1;
      const average = lossSum / lossCount;
      const warmup = Number(params.warmup);
      const lr = step < warmup ? (spec.lr * step) / warmup : 0.5 * spec.lr * (1 + Math.cos((Math.PI * (step - warmup)) / (totalSteps - warmup)));
      const perGpu = spec.perGpuSamplesPerSecond * (batch === 1 ? 0.05 : 0.97 + random() * 0.06);
      const logitScale = Math.min(100, 14.286 + 85 * (1 - Math.exp(-3 * progress)));
      const seen = batch * globalBatch;
      const percent = formatRoundHalfEven((100 * batch) / spec.stepsPerEpoch);
      const lossText = `${formatAlternateG(loss, 5)} (${formatAlternateG(average, 5)})`;
      log(
        `Train Epoch: ${epoch} [${String(seen).padStart(digits)}/${samplesPerEpoch} (${percent}%)] ` +
          `Data (t): ${formatFixed(batch === 1 ? 3.912 : 0.02 + random() * 0.01, 3)} ` +
          `Batch (t): ${formatFixed(globalBatch / (perGpu * spec.gpus), 3)}, ${formatAlternateG(perGpu * spec.gpus)}/s, ${formatAlternateG(perGpu)}/s/gpu ` +
          `LR: ${formatFixed(lr, 6)} Logit Scale: ${formatFixed(logitScale, 3)} Contrastive_loss: ${lossText} Loss: ${lossText}`,
      );
    }
    const completed = epoch + 1;
    if (completed % (spec.zeroshotFrequency ?? 1) === 0 || completed === spec.epochs) {
      clock += 60_000;
      const top1 = diverged ? 0.001 : top1At(spec, completed) + (random() - 0.5) * 0.004;
      const top5 = Math.min(0.99, top1 + 0.22);
      log('Starting zero-shot imagenet.');
      log('Finished zero-shot imagenet.');
      log(`Eval Epoch: ${completed} imagenet-zeroshot-val-top1: ${formatFixed(top1, 4)}\timagenet-zeroshot-val-top5: ${formatFixed(top5, 4)}`);
      results.push(pythonJsonDumps({ 'imagenet-zeroshot-val-top1': Number(top1.toFixed(6)), 'imagenet-zeroshot-val-top5': Number(top5.toFixed(6)) }));
    }
  }
  return finish();

  function finish(): DemoRunFiles {
    return {
      outLog: lines.map((line) => `${line}\n`).join(''),
      paramsTxt: Object.entries(params).map(([key, value]) => `${key}: ${value}\n`).join(''),
      resultsJsonl: results.map((line) => `${line}\n`).join(''),
    };
  }
}
