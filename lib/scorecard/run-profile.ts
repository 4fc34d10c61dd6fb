/**
 * What a run's own record says about the training it does, for matching it to a reported result.
 *
 * Sources, in order of trust: the run's `model` and params.txt (`force_image_size`, `train_num_samples`,
 * `epochs`, `train_data`), then CLIPA-style names (`I50,T16`, `i36_t8`) in the run's name or key. Values
 * the record does not state are null, never guessed: a run without `force_image_size` trains at its
 * config's size, which the name alone does not tell.
 */
import { parseModelFamily, type ModelFamily } from './model-name';

export interface RunRecord {
  key: string;
  name: string;
  model: string | null;
  samplesPerEpoch: number | null;
  epochs: number | null;
  /** params.txt as stored: argument name → value text. */
  config: Readonly<Record<string, string>> | null;
}

export interface RunProfile {
  family: ModelFamily | null;
  modelName: string | null;
  /** Samples the run is planned to see: samples per epoch × epochs. */
  plannedSamples: number | null;
  imageSize: number | null;
  /** Patch tokens at `imageSize` (no class token): (size / patch)². */
  patchTokens: number | null;
  /** Image tokens a CLIPA-style name states (`I50`, counting the class token as CLIPA-v1 does). */
  namedImageTokens: number | null;
  textTokens: number | null;
  /** Where `textTokens` came from, for the reason shown to people. */
  textTokensFrom: string | null;
  dataset: KnownDataset | null;
  /** Fine-tuning from a checkpoint (params.txt `pretrained` names a file): a later stage of a schedule. */
  startsFromCheckpoint: boolean;
}

export const KNOWN_DATASETS = ['DataComp-1B', 'LAION-2B', 'LAION-400M'] as const;
export type KnownDataset = (typeof KNOWN_DATASETS)[number];

const DATASET_PATTERNS: ReadonlyArray<readonly [KnownDataset, RegExp]> = [
  ['DataComp-1B', /datacomp/i],
  ['LAION-2B', /laion[-_ ]?2b/i],
  ['LAION-400M', /laion[-_ ]?400m/i],
];

/** The dataset a path or name mentions; null when it mentions none or several (`laion2b_or_datacomp1b`). */
export function detectDataset(text: string | null | undefined): KnownDataset | null {
  if (!text) return null;
  const found = DATASET_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([dataset]) => dataset);
  return found.length === 1 ? found[0]! : null;
}

/** A dataset name as papers write it, reduced for comparison: "DataComp-1B" → "datacomp1b". */
export function normalizeDatasetName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function readSetting(config: RunRecord['config'], key: string): string | null {
  const value = config?.[key]?.trim();
  return value && value !== 'None' ? value : null;
}

/** A positive number from params.txt text; accepts `4e8` and `[84]` (argparse nargs lists print as lists). */
function readNumber(config: RunRecord['config'], key: string): number | null {
  const text = readSetting(config, key);
  const match = text ? /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(text) : null;
  const value = match ? Number(match[0]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : null;
}

const NAMED_TOKENS = /(?:^|[^a-z0-9])i(\d{1,4})[^a-z0-9]{0,2}t(\d{1,3})(?![0-9])/i;

export function profileRun(run: RunRecord): RunProfile {
  const family = parseModelFamily(run.model);
  const samplesPerEpoch = run.samplesPerEpoch ?? readNumber(run.config, 'train_num_samples');
  const epochs = run.epochs ?? readNumber(run.config, 'epochs');
  const imageSize = readNumber(run.config, 'force_image_size') ?? family?.imageSize ?? null;
  const named = NAMED_TOKENS.exec(run.name) ?? NAMED_TOKENS.exec(run.key);
  const text = family?.textTokens
    ? { tokens: family.textTokens, from: `CL${family.textTokens} in ${run.model}` }
    : named
      ? { tokens: Number(named[2]), from: `T${named[2]} in the run name` }
      : null;
  const pretrained = readSetting(run.config, 'pretrained');
  return {
    family,
    modelName: run.model,
    plannedSamples: samplesPerEpoch && epochs ? samplesPerEpoch * epochs : null,
    imageSize,
    patchTokens: imageSize && family ? Math.floor(imageSize / family.patch) ** 2 : null,
    namedImageTokens: named ? Number(named[1]) : null,
    textTokens: text?.tokens ?? null,
    textTokensFrom: text?.from ?? null,
    dataset: detectDataset(readSetting(run.config, 'train_data')) ?? detectDataset(run.name) ?? detectDataset(run.key),
    startsFromCheckpoint: pretrained !== null && /[/\\]|\.(?:pt|pth|bin|safetensors)$/i.test(pretrained),
  };
}
