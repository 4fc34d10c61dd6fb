import { LOGGED_NUMBER_SOURCE, countDecimals } from '../logged-number';

/** One `Train Epoch:` record: where it is in the epoch and the metric values it carries. */
export interface TrainLineRecord {
  /** 0-based epoch being trained (`E`). */
  epoch: number;
  /** Samples processed in this epoch so far, all GPUs (`N`). */
  samplesInEpoch: number;
  /** Samples per epoch (`M`). */
  samplesPerEpoch: number;
  /** Integer percent of the epoch's batches done (`P`). */
  percent: number;
  /** Canonical metric keys (`train/loss`, `train/lr`, …) to values, in line order. */
  metrics: Map<string, number>;
}

export type TrainLineParse = { kind: 'train'; record: TrainLineRecord } | { kind: 'invalid'; reason: string };

const NUMBER = `(${LOGGED_NUMBER_SOURCE})`;
const MARKER = 'Train Epoch:';
const MAX_MARKERS = 16;
const HEADER = /Train Epoch: (\d+) \[\s*(\d+)\/(\d+) \((\d+)%\)\]/y;
const MAX_LOG_LOGIT_SCALE = Math.log(100) + 0.001;

interface Token {
  pattern: RegExp;
  /** The character every match starts with, when the pattern begins with a literal one. */
  first?: string;
  /** Decimals the code prints for the first number (`.3f`, `5f`); fewer at end of line = cut off. */
  decimals?: number;
  read(match: RegExpExecArray, line: LineValues): void;
}

interface LineValues {
  specific: Map<string, number>;
  generic: Map<string, number>;
}

/**
 * A captured number. Every capture is of the logged-number grammar, so parseLoggedNumber's check of
 * the whole text would only repeat the pattern's work: `nan` and `inf` end in n and f, the rest is
 * JavaScript number syntax.
 */
function readNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x6e) return NaN;
  if (last === 0x66) return text.charCodeAt(0) === 0x2d ? -Infinity : Infinity;
  return Number(text);
}

function setIfNumber(target: Map<string, number>, key: string, text: string | undefined): void {
  const value = readNumber(text);
  if (value !== null) target.set(key, value);
}

// Tried in order at each word boundary; the first that matches consumes its text.
const TOKENS: readonly Token[] = [
  {
    // classic `Data (t): 0.030`; 2021/2022-03 TAB formats `Data (t) 0.030`.
    pattern: new RegExp(String.raw`Data \(t\):? ?${NUMBER}`, 'y'),
    decimals: 3,
    read: (m, line) => setIfNumber(line.specific, 'train/data_time', m[1]),
  },
  {
    // `Batch (t): 0.801[, 1296.20/s[, 324.051/s/gpu]]` (throughput since v2.0, per GPU since v2.15).
    pattern: new RegExp(String.raw`Batch \(t\):? ?${NUMBER}(?:, ${NUMBER}\/s(?:, ${NUMBER}\/s\/gpu)?)?`, 'y'),
    decimals: 3,
    read: (m, line) => {
      setIfNumber(line.specific, 'train/batch_time', m[1]);
      setIfNumber(line.specific, 'train/samples_per_second', m[2]);
      setIfNumber(line.specific, 'train/samples_per_second_per_gpu', m[3]);
    },
  },
  {
    // git-only 2022-07 variant; its first commit glued `Data` straight onto the number.
    pattern: new RegExp(String.raw`Samples\/Second: ${NUMBER}`, 'y'),
    read: (m, line) => setIfNumber(line.specific, 'train/samples_per_second', m[1]),
  },
  {
    pattern: new RegExp(String.raw`LR: ${NUMBER}`, 'y'),
    decimals: 6,
    read: (m, line) => setIfNumber(line.specific, 'train/lr', m[1]),
  },
  {
    pattern: new RegExp(String.raw`Logit Scale: ${NUMBER}`, 'y'),
    decimals: 3,
    read: (m, line) => setIfNumber(line.specific, 'train/logit_scale', m[1]),
  },
  {
    // 2021 and 2022-03 print the raw log-parameter, which the code clamps to [0, ln 100]; a larger
    // value cannot be that parameter, so it is taken as already exponentiated.
    pattern: new RegExp(String.raw`logit_scale:? ${NUMBER}`, 'y'),
    decimals: 3,
    read: (m, line) => {
      const raw = readNumber(m[1]);
      if (raw !== null) line.specific.set('train/logit_scale', raw > MAX_LOG_LOGIT_SCALE ? raw : Math.exp(raw));
    },
  },
  {
    // `Loss: v (a)`, or just `Loss: v` in the TAB formats; only the current value `v` is kept.
    pattern: new RegExp(String.raw`Loss: ${NUMBER}(?: \(${NUMBER}\))?`, 'y'),
    read: (m, line) => setIfNumber(line.specific, 'train/loss', m[1]),
  },
  {
    // Any other `Name: v (a)` term (`Contrastive_loss`, `Caption_loss`, forks' own, and main's
    // 2026-02 pseudo-loss `Logit_scale`, which a real `Logit Scale:` token overrides).
    pattern: new RegExp(String.raw`([A-Za-z][A-Za-z0-9_]*): ${NUMBER} \(${NUMBER}\)`, 'y'),
    read: (m, line) => setIfNumber(line.generic, `train/${m[1].toLowerCase()}`, m[2]),
  },
];

/** The letter a pattern's matches all start with: its first, unless quantified or one of top-level alternatives. */
function literalFirstLetter(pattern: RegExp): string | undefined {
  const source = pattern.source;
  if (pattern.ignoreCase || !/^[A-Za-z][^?*+{|]/.test(source)) return undefined;
  let depth = 0;
  for (let at = 0; at < source.length; at += 1) {
    if (source[at] === '\\') at += 1;
    else if (source[at] === '[') while (at + 1 < source.length && source[at + 1] !== ']') at += source[at + 1] === '\\' ? 2 : 1;
    else if (source[at] === '(') depth += 1;
    else if (source[at] === ')') depth -= 1;
    else if (source[at] === '|' && depth === 0) return undefined;
  }
  return source[0];
}

for (const token of TOKENS as Token[]) token.first = literalFirstLetter(token.pattern);

const WHITESPACE = /[\s,]+/y;
const WORD = /[^\s]+/y;
const LINE_END = /\s*$/y;

function skip(pattern: RegExp, text: string, position: number): number {
  pattern.lastIndex = position;
  return pattern.exec(text) ? pattern.lastIndex : position;
}

/** Skips separators: spaces and commas here, the rarer whitespace characters by the pattern. */
function skipSeparators(text: string, position: number): number {
  let at = position;
  for (; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x2c) continue;
    return code > 0x20 && code < 0x7f ? at : skip(WHITESPACE, text, at);
  }
  return at;
}

/** True when a fixed-precision number ends the line with fewer decimals than printed: cut off. */
function isCutOff(token: Token, match: RegExpExecArray, text: string, end: number): boolean {
  LINE_END.lastIndex = end;
  if (token.decimals === undefined || !LINE_END.test(text)) return false;
  if (match.slice(2).some((group) => group !== undefined) || /nan|inf/.test(match[1])) return false;
  return countDecimals(match[1]) < token.decimals;
}

function readTokens(text: string): Map<string, number> {
  const line: LineValues = { specific: new Map(), generic: new Map() };
  let position = skipSeparators(text, 0);
  while (position < text.length) {
    let consumed = false;
    const char = text[position];
    for (const token of TOKENS) {
      if (token.first !== undefined && token.first !== char) continue;
      token.pattern.lastIndex = position;
      const match = token.pattern.exec(text);
      if (!match) continue;
      const end = token.pattern.lastIndex;
      if (!isCutOff(token, match, text, end)) token.read(match, line);
      position = end;
      consumed = true;
      break;
    }
    // Unknown tokens (fork suffixes like ` - V4`, glued junk) are skipped a word at a time.
    if (!consumed) position = skip(WORD, text, position);
    position = skipSeparators(text, position);
  }
  // A specific token beats a generic one of the same key, which keeps its place in line order.
  for (const [key, value] of line.specific) line.generic.set(key, value);
  return line.generic;
}

function readSafeInteger(text: string): number | null {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Parses the progress line of every OpenCLIP train-line format (LOG_FORMATS sections 4 and 11) from
 * `Train Epoch:` onward, wherever that occurs in the line. Known tokens are read in any order,
 * unknown ones and trailing junk are skipped, so fork additions never lose the line. Returns null
 * when the text has no `Train Epoch:` at all.
 */
export function parseTrainLine(text: string): TrainLineParse | null {
  const starts: number[] = [];
  for (let at = text.indexOf(MARKER); at >= 0 && starts.length < MAX_MARKERS; at = text.indexOf(MARKER, at + 1)) {
    starts.push(at);
  }
  if (starts.length === 0) return null;
  // Glued output puts a writer's partial line in front of ours, so the last complete header wins;
  // its tokens end where another `Train Epoch:` begins.
  for (let index = starts.length - 1; index >= 0; index -= 1) {
    HEADER.lastIndex = starts[index];
    const header = HEADER.exec(text);
    if (!header) continue;
    const epoch = readSafeInteger(header[1]);
    const samplesInEpoch = readSafeInteger(header[2]);
    const samplesPerEpoch = readSafeInteger(header[3]);
    const percent = readSafeInteger(header[4]);
    if (epoch === null || samplesInEpoch === null || samplesPerEpoch === null || percent === null || samplesPerEpoch <= 0) {
      return { kind: 'invalid', reason: 'train line with sample counts out of range' };
    }
    const metrics = readTokens(text.slice(HEADER.lastIndex, starts[index + 1] ?? text.length));
    if (metrics.size === 0) return { kind: 'invalid', reason: 'train line without metrics' };
    return { kind: 'train', record: { epoch, samplesInEpoch, samplesPerEpoch, percent, metrics } };
  }
  return { kind: 'invalid', reason: 'incomplete train line' };
}
