/**
 * Training schedules as lists of stages, read from the notation the papers use
 * (`12.8B@84 + 512M@224 + 128M@336`) or from a reported-result seed of `clipa_reported.csv`.
 *
 * A stage says how many samples were seen at which input size. The image side is a square resolution in
 * pixels, or, where a source gives only a token count, patch tokens (class token excluded). When a seed
 * gives both, the resolution wins: the CSV's token column counts the class token in the CLIPA README rows
 * (I50, I17, I37) but not in CLIPA-v2 Table 1 ("36 image tokens"), while a resolution is unambiguous.
 * `null` text tokens mean "the model's full length" (resolved by the model geometry), which is how the
 * papers describe fine-tuning ("with full input token lengths").
 */
import type { ReportedResultSeed } from '@/lib/reference/seed-types';

export interface TrainingStage {
  samples: number;
  /** Square input resolution in pixels; null when given as tokens or when the model's own size is meant. */
  imageResolution: number | null;
  /** Image patch tokens (class token excluded), only when the source gives no resolution. */
  imageTokens: number | null;
  /** Fraction of image patches dropped (random masking, `--force-patch-dropout`); 0 = none. */
  patchDropout: number;
  /** Text tokens; null = the model's full context length. */
  textTokens: number | null;
  /** Where the stage was read from, for tooltips. */
  label: string;
}

export type ScheduleResult = { ok: true; stages: TrainingStage[] } | { ok: false; error: string };

export type SeedScheduleInput = Pick<ReportedResultSeed, 'samplesSeen' | 'pretrainImageRes' | 'pretrainImageTokens' | 'textTokenLen' | 'finetune' | 'finetuneSamplesSeen'>;

export interface ScheduleStringOptions {
  /** Text tokens per stage, aligned with the stages; missing entries mean full length. */
  textTokens?: readonly (number | null)[];
}

const SAMPLE_UNITS: Readonly<Record<string, number>> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

const EXPLICIT_STAGE = /(\d+(?:\.\d+)?\s*[KMBT])\s+samples\s+at\s+(\d+)\s*[x×]\s*\d+/gi;
const MASK_PERCENT = /(\d+(?:\.\d+)?)\s*%\s*(?:random\s+|block\s+|grid\s+)?mask/i;
const MASK_RATIO = /mask(?:ing)?\s+ratio\s+(?:of\s+)?(\d+(?:\.\d+)?)\s*%/i;
const NO_MASK = /\bno\s+mask/i;
const TEXT_TOKENS = /(\d+)\s+text\s+tokens/i;
const RESOLUTION = /(\d+)\s*[x×]\s*\1\b/;
const NOTATION = /^\s*\d+(?:\.\d+)?\s*[KMBT]?\s*@\s*\d+/i;

const STAGE_PATTERN =
  /^(\d+(?:\.\d+)?)\s*([KMBT]?)(?:\s*@\s*(\d+)(?:\s*(?:\^2|²|[x×]\s*\d+))?)?\s*(?:\(\s*(\d+(?:\.\d+)?)\s*%\s*mask(?:ing|ed)?\s*\))?$/i;

/** Reads `12.8B` / `512M` / `128000000` as a sample count. */
export function parseSampleCount(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([KMBT]?)$/i.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * SAMPLE_UNITS[match[2].toUpperCase()]);
}

/**
 * Parses `12.8B@84 + 512M@224 + 128M@336`; also accepts `@84^2`, `@84²`, `@84x84`, a bare count (the
 * model's own resolution) and a `(30% mask)` suffix per stage.
 */
export function parseScheduleString(text: string, options: ScheduleStringOptions = {}): ScheduleResult {
  const parts = text.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) return { ok: false, error: `empty stage in schedule "${text}"` };
  const stages: TrainingStage[] = [];
  for (const [index, part] of parts.entries()) {
    const match = STAGE_PATTERN.exec(part);
    if (!match) return { ok: false, error: `cannot read stage "${part}"; expected e.g. "512M@224"` };
    const samples = Math.round(Number(match[1]) * SAMPLE_UNITS[match[2].toUpperCase()]);
    if (samples <= 0) return { ok: false, error: `stage "${part}" has no samples` };
    stages.push({
      samples,
      imageResolution: match[3] === undefined ? null : Number(match[3]),
      imageTokens: null,
      patchDropout: match[4] === undefined ? 0 : Number(match[4]) / 100,
      textTokens: options.textTokens?.[index] ?? null,
      label: part,
    });
  }
  return { ok: true, stages };
}

/**
 * Derives the stages of a reported result: a pre-training stage from `samples_seen`,
 * `pretrain_image_res` (or `pretrain_image_tokens`) and `text_token_len`, then the fine-tuning stages
 * the `finetune` cell describes (see parseFinetuneText). Fails, saying what is missing, when the row does
 * not give enough to count (no sample count, a fine-tune without its samples).
 */
export function parseSeedSchedule(seed: SeedScheduleInput): ScheduleResult {
  if (seed.samplesSeen === null) return { ok: false, error: 'samples_seen is not given' };
  const pretrain: TrainingStage = {
    samples: seed.samplesSeen,
    imageResolution: seed.pretrainImageRes,
    imageTokens: seed.pretrainImageRes === null ? seed.pretrainImageTokens : null,
    patchDropout: 0,
    textTokens: seed.textTokenLen,
    label: 'pre-training',
  };
  const finetune = parseFinetuneText(seed.finetune, seed.finetuneSamplesSeen);
  if (!finetune.ok) return finetune;
  return { ok: true, stages: [pretrain, ...finetune.stages] };
}

/**
 * Reads the fine-tuning stages out of a `finetune` cell of `clipa_reported.csv`, which is prose, e.g.
 * `512M samples at 224x224 (30% masking) + 128M samples at 336x336 (40% masking): …`,
 * `128M samples at 224x224, random masking ratio 30%`,
 * `finetune with full tokens: 224x224 image input and 32 text tokens (…)` (count in `finetune_samples_seen`),
 * `second stage of 6.7B samples at 224x224 …`, `none (pre-trained checkpoint)`.
 *
 * Each `<count> samples at <res>x<res>` starts a stage; a masking ratio written after it (before the
 * next stage) belongs to it. Without such phrases the whole cell is one stage of `finetune_samples_seen`
 * samples at the resolution it names. A masking ratio the cell does not state is taken as none (the
 * README rows drop it), which over-counts a masked fine-tune; "N text tokens" applies to every stage.
 */
export function parseFinetuneText(text: string | null, finetuneSamplesSeen: number | null): ScheduleResult {
  const cell = (text ?? '').trim();
  if (cell === '' || /^none\b/i.test(cell)) {
    if (finetuneSamplesSeen !== null && finetuneSamplesSeen > 0) return { ok: false, error: `finetune_samples_seen is ${finetuneSamplesSeen} but the finetune cell describes no stage` };
    return { ok: true, stages: [] };
  }
  if (NOTATION.test(cell)) return checkTotal(parseScheduleString(cell.split(/[:;]/)[0]), finetuneSamplesSeen);

  const textTokensMatch = TEXT_TOKENS.exec(cell);
  const textTokens = textTokensMatch ? Number(textTokensMatch[1]) : null;
  const matches = [...cell.matchAll(EXPLICIT_STAGE)];
  if (matches.length > 0) {
    const stages = matches.map((match, index): TrainingStage => {
      const start = match.index + match[0].length;
      const end = matches[index + 1]?.index ?? cell.length;
      return {
        samples: parseSampleCount(match[1]) ?? 0,
        imageResolution: Number(match[2]),
        imageTokens: null,
        patchDropout: readMaskRatio(cell.slice(start, end)),
        textTokens,
        label: `fine-tuning: ${match[0]}`,
      };
    });
    return checkTotal({ ok: true, stages }, finetuneSamplesSeen);
  }

  if (finetuneSamplesSeen === null) return { ok: false, error: `the fine-tuning sample count is not given ("${cell}")` };
  const resolution = RESOLUTION.exec(cell);
  return {
    ok: true,
    stages: [{ samples: finetuneSamplesSeen, imageResolution: resolution ? Number(resolution[1]) : null, imageTokens: null, patchDropout: readMaskRatio(cell), textTokens, label: 'fine-tuning' }],
  };
}

function readMaskRatio(text: string): number {
  if (NO_MASK.test(text)) return 0;
  const match = MASK_PERCENT.exec(text) ?? MASK_RATIO.exec(text);
  return match ? Number(match[1]) / 100 : 0;
}

/** The stated stages must add up to `finetune_samples_seen` when the row gives it. */
function checkTotal(result: ScheduleResult, finetuneSamplesSeen: number | null): ScheduleResult {
  if (!result.ok || finetuneSamplesSeen === null) return result;
  const total = result.stages.reduce((sum, stage) => sum + stage.samples, 0);
  if (total !== finetuneSamplesSeen) return { ok: false, error: `fine-tuning stages add up to ${total} samples but finetune_samples_seen is ${finetuneSamplesSeen}` };
  return result;
}
