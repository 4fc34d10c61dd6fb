/**
 * What a run's own record says about the stage it trains, for the config mismatch: model family,
 * stage (fine-tuning when params `pretrained` names a checkpoint file), image size and where it is
 * stated, patch dropout, text tokens and the planned samples. Unstated sizes fall back to the open_clip
 * config's (224 px, 77 text tokens; 32 for the -CLIPA towers), and say so.
 */
import { profileRun } from '@/lib/scorecard/run-profile';
import type { ModelFamily } from '@/lib/scorecard/model-name';
import type { DiagnosticRun } from './types';

/** open_clip ViT model configs' image size when the name states none. */
export const DEFAULT_IMAGE_SIZE = 224;

export interface RunFacts {
  family: ModelFamily | null;
  stage: 'pretrain' | 'finetune';
  pretrained: string | null;
  imageSize: { value: number; from: string } | null;
  namedImageTokens: number | null;
  patchDropout: number;
  textTokens: { value: number; from: string } | null;
  plannedSamples: number | null;
}

export function setting(config: DiagnosticRun['config'], key: string): string | null {
  const value = config?.[key]?.trim();
  return value && value !== 'None' ? value : null;
}

export function readRunFacts(run: DiagnosticRun): RunFacts {
  const config = run.config ? { ...run.config } : null;
  const profile = profileRun({ key: run.key, name: run.name, model: run.model, samplesPerEpoch: run.samplesPerEpoch, epochs: run.epochs, config });
  const forced = setting(config, 'force_image_size');
  const forcedSize = forced ? Number(/\d+/.exec(forced)?.[0]) : NaN;
  const family = profile.family;
  const imageSize = Number.isFinite(forcedSize)
    ? { value: forcedSize, from: 'force_image_size' }
    : family?.imageSize
      ? { value: family.imageSize, from: `${run.model}` }
      : family && profile.namedImageTokens === null
        ? { value: DEFAULT_IMAGE_SIZE, from: `${run.model}'s config size; no force_image_size` }
        : null;
  const dropout = Number(setting(config, 'force_patch_dropout') ?? 0);
  const model = run.model ?? '';
  const defaultText = /CLIPA/i.test(model) ? 32 : /SigLIP/i.test(model) ? 64 : 77;
  const textTokens = profile.textTokens !== null
    ? { value: profile.textTokens, from: profile.textTokensFrom ?? 'the run' }
    : family
      ? { value: defaultText, from: `${run.model}'s context length` }
      : null;
  return {
    family,
    stage: profile.startsFromCheckpoint ? 'finetune' : 'pretrain',
    pretrained: setting(config, 'pretrained'),
    imageSize,
    namedImageTokens: Number.isFinite(forcedSize) ? null : profile.namedImageTokens,
    patchDropout: Number.isFinite(dropout) && dropout > 0 && dropout < 1 ? dropout : 0,
    textTokens,
    plannedSamples: profile.plannedSamples,
  };
}
