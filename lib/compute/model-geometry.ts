/**
 * Resolves a model name, as runs write it (`ViT-H-14`, `ViT-H-14-CLIPA`, `ViT-L-16-CL16-GAP`,
 * `hf-hub:timm/...`) or as the papers write it (`H/14`, `bigG/14`, `G-14`, `B/16+ (240x240)`), to an
 * open_clip `model_profile.csv` row plus the token geometry the compute rule needs.
 *
 * Decisions:
 * - CLIPA writes "G/14" for open_clip's bigG/14 (reference/README.md caveat 7), so upper-case `G` means
 *   `bigG`; lower-case `g` stays open_clip's ViT-g.
 * - `preferClipa` tries the `-CLIPA` config first (CLIPA-v2's own towers: BERT text, 32 tokens), then the
 *   plain ViT. Names carrying `CLIPA` or `BigVision` (the converted CLIPA-v2 JAX weights) are CLIPA towers.
 * - open_clip's VisionTransformer prepends a class token even for the avg-pooled CLIPA configs, so the
 *   image sequence is patches + 1; SigLIP (attention-pool) configs have none. Profile pairs at two
 *   resolutions confirm it (token-scaling.test.ts).
 * - Text: the profile was measured at the config's context length (77 for OpenCLIP ViTs, 64 for SigLIP,
 *   32 for the CLIPA configs per clipa_model_configs.csv `text_context_length`); `CL<n>` in a CLIPA
 *   fork's name (`ViT-L-16-CL16-GAP`) sets the run's text length, and CLIPA results without a `-CLIPA`
 *   row (the v1 L/16, B/16) fine-tune at 32 tokens (the CL32 finetune configs).
 * Unknown names and non-ViT models return null: the token rule does not apply to them.
 */
import type { ModelProfile } from '@/lib/reference/model-profile';

export interface ModelGeometry {
  /** The name as given. */
  name: string;
  /** The profile row the name resolved to. */
  profile: ModelProfile;
  /** Rows of the same towers at other input sizes (including `profile`), ascending by image size. */
  resolutionVariants: ModelProfile[];
  patchSize: number;
  classToken: boolean;
  /** Patch tokens at `profile.imageSize`: (image_size / patch)². */
  fullPatchTokens: number;
  imageMlpRatio: number;
  textMlpRatio: number;
  /** Text context length at which the profile's `text_gflops` was measured. */
  profileTextTokens: number;
  /** Text tokens a stage uses when its source says nothing. */
  defaultTextTokens: number;
}

export interface ResolveModelOptions {
  /** Resolve paper names to the `-CLIPA` configs where they exist (CLIPA and CLIPA-v2 results). */
  preferClipa?: boolean;
}

/** OpenCLIP ViT text context length (open_clip model configs `text_cfg.context_length` default). */
export const OPENCLIP_TEXT_TOKENS = 77;
/** SigLIP configs in open_clip use 64 text tokens. */
export const SIGLIP_TEXT_TOKENS = 64;
/** clipa_model_configs.csv `text_context_length` of the `*-CLIPA` and CL32 finetune configs. */
export const CLIPA_TEXT_TOKENS = 32;

/** MLP widths other than 4× (open_clip ViT-bigG-14 / -CLIPA `mlp_ratio` 4.9231 per clipa_model_configs.csv; ViT-g-14 4.3637). */
const MLP_RATIOS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^ViT-bigG-/, 4.9231],
  [/^ViT-g-/, 4.3637],
];

const TIMM_SIZES: Readonly<Record<string, string>> = { small: 'S', medium: 'M', base: 'B', large: 'L', huge: 'H', giant: 'g', gigantic: 'bigG' };

interface ParsedName {
  size: string;
  patch: number;
  tokens: string[];
}

export function resolveModelGeometry(name: string, profiles: readonly ModelProfile[], options: ResolveModelOptions = {}): ModelGeometry | null {
  const cleaned = cleanModelName(name);
  const byName = new Map(profiles.map((profile) => [profile.model, profile]));
  const exact = byName.get(cleaned);
  if (exact) return buildGeometry(name, exact, profiles, options);

  const parsed = parseViTName(cleaned);
  if (parsed === null) return null;
  for (const candidate of listCandidateNames(parsed, options)) {
    const profile = byName.get(candidate);
    if (profile) return buildGeometry(name, profile, profiles, options);
  }
  return null;
}

/** Keeps the model spec of `G/14 (bigG/14)` or `B/16+ (240x240)`, drops hf-hub organisations and pretrained tags after a space. */
function cleanModelName(name: string): string {
  let text = name.trim();
  const hint = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text);
  if (hint) {
    const inner = hint[2].trim();
    const resolution = /^(\d+)\s*[x×]\s*\1$/.exec(inner);
    if (resolution) text = `${hint[1]}-${resolution[1]}`;
    else text = parseViTName(inner) !== null ? inner : hint[1];
  }
  text = text.split(/\s+/)[0] ?? '';
  if (!text.startsWith('hf-hub:')) return text;
  const repo = text.slice('hf-hub:'.length);
  return repo.slice(repo.indexOf('/') + 1);
}

function parseViTName(text: string): ParsedName | null {
  const timm = /vit_(small|medium|base|large|huge|giant|gigantic)_patch(\d+)((?:_[a-z0-9]+)*)/i.exec(text);
  if (timm) {
    const tokens = timm[3].split('_').filter((token) => token !== '');
    return { size: TIMM_SIZES[timm[1].toLowerCase()], patch: Number(timm[2]), tokens: tokens.map((token) => (token === 'siglip' ? 'SigLIP' : token)) };
  }
  const short = /(?:^|ViT-)(bigG|S|M|B|L|H|g|G)[/-](\d+)(\+?)((?:[-+][A-Za-z0-9]+)*)(?:$|[^A-Za-z0-9])/.exec(text);
  if (!short) return null;
  const size = short[1] === 'G' ? 'bigG' : short[1];
  const tokens = short[4].split(/[-+]/).filter((token) => token !== '');
  if (short[3] === '+') tokens.unshift('plus');
  return { size, patch: Number(short[2]), tokens };
}

function listCandidateNames({ size, patch, tokens }: ParsedName, options: ResolveModelOptions): string[] {
  const stem = `ViT-${size}-${patch}`;
  const resolution = tokens.map(Number).find((value) => Number.isInteger(value) && value >= 64 && value !== patch);
  const isClipa = tokens.some((token) => token === 'CLIPA' || token === 'BigVision');
  const family = isClipa ? ['-CLIPA'] : tokens.includes('SigLIP') ? ['-SigLIP'] : tokens.includes('plus') ? ['-plus'] : options.preferClipa ? ['-CLIPA', ''] : [''];
  return family.flatMap((suffix) => (resolution === undefined ? [`${stem}${suffix}`] : [`${stem}${suffix}-${resolution}`, `${stem}${suffix}`]));
}

function buildGeometry(name: string, profile: ModelProfile, profiles: readonly ModelProfile[], options: ResolveModelOptions): ModelGeometry | null {
  const patch = /ViT-[A-Za-z0-9]+-(\d+)/.exec(profile.model);
  if (!patch) return null;
  const patchSize = Number(patch[1]);
  const isClipaProfile = profile.model.includes('-CLIPA');
  const isSiglip = profile.model.includes('SigLIP');
  const profileTextTokens = isClipaProfile ? CLIPA_TEXT_TOKENS : isSiglip ? SIGLIP_TEXT_TOKENS : OPENCLIP_TEXT_TOKENS;
  const contextFromName = /(?:^|[-_/])CL(\d+)(?:$|[-_])/.exec(name);
  const defaultTextTokens = contextFromName ? Number(contextFromName[1]) : options.preferClipa ? CLIPA_TEXT_TOKENS : profileTextTokens;
  return {
    name,
    profile,
    resolutionVariants: listResolutionVariants(profile, profiles),
    patchSize,
    classToken: !isSiglip,
    fullPatchTokens: Math.floor(profile.imageSize / patchSize) ** 2,
    imageMlpRatio: MLP_RATIOS.find(([pattern]) => pattern.test(profile.model))?.[1] ?? 4,
    textMlpRatio: 4,
    profileTextTokens,
    defaultTextTokens,
  };
}

/** `ViT-H-14-CLIPA` and `ViT-H-14-CLIPA-336` are the same towers measured at 224 and 336; a row whose text tower costs differ is another model. */
function listResolutionVariants(profile: ModelProfile, profiles: readonly ModelProfile[]): ModelProfile[] {
  const suffix = `-${profile.imageSize}`;
  const base = profile.model.endsWith(suffix) ? profile.model.slice(0, -suffix.length) : profile.model;
  return profiles
    .filter((other) => (other.model === base || other.model === `${base}-${other.imageSize}`) && other.imageWidth === profile.imageWidth && other.textWidth === profile.textWidth && other.textGflops === profile.textGflops)
    .sort((a, b) => a.imageSize - b.imageSize);
}
