/** Run facts that OpenCLIP's arguments (params.txt or the out.log `Params:` block) state. */
export interface RunInfoFromParams {
  model?: string;
  gpus?: number;
  batchSize?: number;
  accumFreq?: number;
  globalBatchSize?: number;
  precision?: string;
  /** `train_num_samples`: the requested epoch size (webdataset rounds it up; train lines have the exact one). */
  samplesPerEpoch?: number;
  epochs?: number;
  params?: Record<string, string>;
}

/** Python's `str(None)` and empty strings mean "not set". */
function readText(params: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!Object.hasOwn(params, key)) return undefined;
  const value = params[key].trim();
  return value === '' || value === 'None' ? undefined : value;
}

function readPositiveInteger(params: Readonly<Record<string, string>>, key: string): number | undefined {
  const text = readText(params, key);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * Global batch = batch_size × accum_freq × world_size. A missing accum_freq means a release without
 * gradient accumulation (factor 1); a missing world_size can come from the header's `total N`.
 */
export function readGlobalBatchSize(params: Readonly<Record<string, string>>, fallbackGpus?: number | null): number | undefined {
  const batchSize = readPositiveInteger(params, 'batch_size');
  const gpus = readPositiveInteger(params, 'world_size') ?? fallbackGpus ?? undefined;
  if (batchSize === undefined || gpus === undefined) return undefined;
  return batchSize * (readPositiveInteger(params, 'accum_freq') ?? 1) * gpus;
}

/**
 * Derives the typed run facts from raw argument values (shared by the params.txt parser and the
 * out.log `Params:` block). Values that are `None`, empty or not numbers where numbers are expected
 * are left out rather than guessed.
 */
export function deriveRunInfoFromParams(params: Readonly<Record<string, string>>, fallbackGpus?: number | null): RunInfoFromParams {
  const info: RunInfoFromParams = {
    model: readText(params, 'model'),
    gpus: readPositiveInteger(params, 'world_size'),
    batchSize: readPositiveInteger(params, 'batch_size'),
    accumFreq: readPositiveInteger(params, 'accum_freq'),
    globalBatchSize: readGlobalBatchSize(params, fallbackGpus),
    precision: readText(params, 'precision'),
    samplesPerEpoch: readPositiveInteger(params, 'train_num_samples'),
    epochs: readPositiveInteger(params, 'epochs'),
    params: { ...params },
  };
  return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined));
}
