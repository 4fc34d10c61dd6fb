/**
 * Mutated inputs for the fuzz tests, all drawn from one seeded generator so a failure is replayed by
 * running again with the printed seed (REPROBOARD_FUZZ_SEED=<seed>). Lines start from the
 * real-format fixtures (test/fixtures/openclip, test/fixtures/openclip-real); JSON bodies start from
 * valid requests and have their structure and values damaged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../lib/demo/seeded-random';
import { splitTextLines } from '../lib/ingest/split-lines';

export type Random = () => number;

const DEFAULT_SEED = 20_261_205;

/** The seed of this run: REPROBOARD_FUZZ_SEED when set, else a fixed one. */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env.REPROBOARD_FUZZ_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_SEED;
}

export function createFuzzRandom(seed: number) {
  const random = seededRandom(seed);
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { random, int, pick, chance: (probability: number) => random() < probability };
}
export type FuzzRandom = ReturnType<typeof createFuzzRandom>;

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

function filesUnder(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const full = path.join(directory, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

function linesOf(files: readonly string[]): string[] {
  return files.flatMap((file) => splitTextLines(readFileSync(file, 'utf8'))).filter((line) => line.trim() !== '');
}

/** Lines of every real-format fixture, by file kind; out.log also file by file, for runs of lines in order. */
export function loadFixtureLines() {
  const files = [...filesUnder(path.join(FIXTURES, 'openclip')), ...filesUnder(path.join(FIXTURES, 'openclip-real'))];
  const outLogFiles = files.filter((file) => file.endsWith('.log')).map((file) => linesOf([file]));
  return {
    outLogFiles,
    outLog: outLogFiles.flat(),
    paramsTxt: linesOf(files.filter((file) => file.endsWith('params.txt') || file.endsWith('params-edge-cases.txt'))),
    resultsJsonl: linesOf(files.filter((file) => file.endsWith('.jsonl') || file.endsWith('big_vision_metrics.txt'))),
    bigVision: linesOf(files.filter((file) => file.endsWith('big_vision_metrics.txt'))),
  };
}

/** Numbers a log or JSON writer should never produce, and spellings of non-finite values. */
export const ODD_NUMBERS = [
  '1e309', '-1e309', '1e-400', '99999999999999999999', '-99999999999999999999', '9007199254740993', '2147483648', '4.9e-324',
  '1.7976931348623157e308', '-0', '0x1F', '1_000', '1.2.3', '--1', '1e', 'e5', '.', '-', '+1', '١٢٣',
  'NaN', 'nan', 'NAN', '-nan', 'inf', '-inf', '+inf', 'INF', 'Infinity', '-Infinity', 'infinity', '∞', 'None', 'null',
];

/** Characters and fragments that break naive parsers. */
const NOISE = [
  '\u0000', '\r', '\r\n', '\n', '\t', '\u000b', '\ud800', '\udc00', '\udbff\udfff', '\uffff', '\ufffe', '\ufeff', '\u202e', '\u0085',
  '\u2028', 'é', 'ß', '✓', '𝟙', '🙂', '中文', '\u0301', '\x1b[31m', '\\', '"', "'", '{', '}', '[', ']', '(', ')', ' | ', '|', ':', ': ',
  '::', '%', '/', ' ', '  ', '**', 'Train Epoch: ', 'Eval Epoch: ', 'Loss: ', '\u0000\u0000\u0000',
];

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
const SEPARATORS = [' | ', ': ', ' (', ')', '[', '/', ' '];

function randomUnicode(rng: FuzzRandom, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) {
    const plane = rng.int(10);
    // Mostly BMP (including lone surrogates and controls), sometimes astral.
    text += plane < 8 ? String.fromCharCode(rng.int(0x10000)) : String.fromCodePoint(0x10000 + rng.int(0x100000));
  }
  return text;
}

/** One text-level damage to a line: what a broken writer, a wrong encoding or a cut file produces. */
export function mutateText(rng: FuzzRandom, line: string, corpus: readonly string[]): string {
  const at = rng.int(line.length + 1);
  switch (rng.int(14)) {
    case 0:
      return line.slice(0, at);
    case 1:
      return line.slice(at);
    case 2:
      return line.slice(0, at) + rng.pick(NOISE) + line.slice(at);
    case 3:
      return line.slice(0, at) + randomUnicode(rng, 1 + rng.int(8)) + line.slice(at);
    case 4:
    case 5: {
      const numbers = [...line.matchAll(NUMBER)];
      if (numbers.length === 0) return line + rng.pick(ODD_NUMBERS);
      const target = rng.pick(numbers);
      return line.slice(0, target.index) + rng.pick(ODD_NUMBERS) + line.slice(target.index + target[0].length);
    }
    case 6: {
      const separator = rng.pick(SEPARATORS);
      return line.split(separator).join(separator.repeat(2 + rng.int(3)));
    }
    case 7:
      return line.slice(0, at) + rng.pick(corpus);
    case 8:
      return line + line.slice(at);
    case 9: {
      const end = Math.min(line.length, at + 1 + rng.int(20));
      return line.slice(0, at) + line.slice(end);
    }
    case 10:
      return line.slice(0, at) + '\r' + rng.pick(corpus);
    case 11:
      return line.replace(NUMBER, () => rng.pick(ODD_NUMBERS));
    case 12:
      return line.toUpperCase();
    default:
      return line.slice(0, at) + '9'.repeat(20 + rng.int(400)) + line.slice(at);
  }
}

/** Byte-level damage: flipped bits, random bytes, a cut inside a multi-byte character. */
export function mutateBytes(rng: FuzzRandom, bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  switch (rng.int(4)) {
    case 0:
      for (let flips = 1 + rng.int(3); flips > 0 && copy.length > 0; flips -= 1) copy[rng.int(copy.length)]! ^= 1 << rng.int(8);
      return copy;
    case 1: {
      const at = rng.int(copy.length + 1);
      const noise = Buffer.from(Array.from({ length: 1 + rng.int(16) }, () => rng.int(256)));
      return Buffer.concat([copy.subarray(0, at), noise, copy.subarray(at)]);
    }
    case 2: {
      const multibyte = copy.findIndex((byte) => byte >= 0xc0);
      return multibyte >= 0 ? copy.subarray(0, multibyte + 1) : copy.subarray(0, rng.int(copy.length + 1));
    }
    default:
      return Buffer.from(Array.from({ length: rng.int(200) }, () => rng.int(256)));
  }
}

/** A damaged line as bytes: text damage, byte damage, or both. */
export function mutateLine(rng: FuzzRandom, line: string, corpus: readonly string[]): Buffer {
  const roll = rng.random();
  const bytes = Buffer.from(roll < 0.85 ? mutateText(rng, line, corpus) : line);
  return roll < 0.7 ? bytes : mutateBytes(rng, bytes);
}

/** Values that break type checks, ranges and naive serialisers. */
function oddValue(rng: FuzzRandom, depth = 0): unknown {
  switch (rng.int(24)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return '';
    case 3:
      return 'nan';
    case 4:
      return rng.pick(['inf', '-inf', 'NaN', 'Infinity', '1e309']);
    case 5:
      return rng.pick([1e308, -1e308, 5e-324, -0, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 + 2, -1, 1.5, 0]);
    case 6:
      return Number.MAX_SAFE_INTEGER;
    case 7:
      return `a\u0000b`;
    case 8:
      return `\ud800${randomUnicode(rng, 3)}`;
    case 9:
      return randomUnicode(rng, 1 + rng.int(40));
    case 10:
      return 'x'.repeat(rng.pick([199, 200, 201, 300, 301, 20_001, 100_000]));
    case 11:
      return [];
    case 12:
      return {};
    case 13:
      return depth < 3 ? Array.from({ length: rng.int(4) }, () => oddValue(rng, depth + 1)) : [];
    case 14:
      return depth < 3 ? withOwnKey({}, rng.pick(['__proto__', 'constructor', 'prototype']), oddValue(rng, depth + 1)) : {};
    case 15:
      return rng.pick(['2024-03-05T14:02:11Z', '2024-13-45T99:99:99Z', 'yesterday', '2024-03-05', '+275760-09-13T00:00:00.000Z']);
    case 16:
      return rng.pick(['running', 'finished', 'FINISHED', 'crashed ', 'stale']);
    case 17:
      return rng.pick(['train/loss', 'val/imagenet-zeroshot-val-top1', 'a b', '../x', 'k'.repeat(201), 'ключ', '']);
    case 18:
      return Array.from({ length: rng.pick([51, 1000]) }, (_, index) => `t${index}`);
    case 19:
      return rng.int(1_000_000);
    case 20:
      return -rng.int(1_000_000);
    case 21:
      return rng.random() * 10 ** rng.int(300);
    case 22:
      return String(rng.int(1000));
    default:
      return { toString: 'x', valueOf: 1, length: 5 };
  }
}

/** An object with an own enumerable key even for `__proto__`, so JSON.stringify writes it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** One structural damage somewhere in a JSON value: a wrong type, a missing or extra key, an odd value. */
function mutateValue(rng: FuzzRandom, value: unknown, depth = 0): unknown {
  const descend = depth < 6 && value !== null && typeof value === 'object' && rng.chance(0.7);
  if (Array.isArray(value)) {
    const copy = [...value];
    if (descend && copy.length > 0) {
      const index = rng.int(copy.length);
      copy[index] = mutateValue(rng, copy[index], depth + 1);
      return copy;
    }
    switch (rng.int(4)) {
      case 0:
        return [];
      case 1:
        return [...copy, oddValue(rng)];
      case 2:
        return copy.slice(0, rng.int(copy.length + 1));
      default:
        return oddValue(rng);
    }
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) withOwnKey(copy, key, item);
    const keys = Object.keys(copy);
    if (descend && keys.length > 0) {
      const key = rng.pick(keys);
      return withOwnKey(copy, key, mutateValue(rng, copy[key], depth + 1));
    }
    switch (rng.int(4)) {
      case 0:
        if (keys.length > 0) delete copy[rng.pick(keys)];
        return copy;
      case 1:
        return withOwnKey(copy, rng.pick(['__proto__', 'constructor', 'prototype', 'extra', 'points', 'value', '']), oddValue(rng));
      case 2:
        return [copy];
      default:
        return oddValue(rng);
    }
  }
  // Half the time keep the type, so the damage gets past type checks and reaches the database.
  if (typeof value === 'string' && rng.chance(0.5)) {
    const at = rng.int(value.length + 1);
    return value.slice(0, at) + rng.pick(['\u0000', '\ud800', '\udfff', '🙂', '\u202e', ' ', '\\', "'", randomUnicode(rng, 3)]) + value.slice(at);
  }
  if (typeof value === 'number' && rng.chance(0.5)) {
    return rng.pick([2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 1e15, 1e308, -1e308, 5e-324, -0, -1, 0.5, value * 1e6, -value]);
  }
  return oddValue(rng, depth);
}

/** Damage to JSON text itself: a cut, a bare non-finite number, a byte flip, deep nesting. */
function mutateJsonText(rng: FuzzRandom, text: string): string | Buffer {
  switch (rng.int(7)) {
    case 0:
      return text.slice(0, rng.int(text.length));
    case 1: {
      const numbers = [...text.matchAll(NUMBER)];
      if (numbers.length === 0) return text;
      const target = rng.pick(numbers);
      return text.slice(0, target.index) + rng.pick(ODD_NUMBERS) + text.slice(target.index + target[0].length);
    }
    case 2:
      return mutateBytes(rng, Buffer.from(text));
    case 3: {
      const depth = rng.pick([100, 1000, 10_000, 100_000]);
      return text.replace(/\d+(\.\d+)?/, `${'['.repeat(depth)}1${']'.repeat(depth)}`);
    }
    case 4:
      return text.replace(/"(\w+)":/, '"$1":"\\u0000", "$1":');
    case 5:
      return text.replace(/"/, '"\\ud800');
    default:
      return `${text}${rng.pick(['', ' ', '\u0000', 'x', '}', ',', '\n{}'])}`;
  }
}

/** A JSON request body: `valid` with one to three damages, serialised, maybe damaged as text too. */
export function mutateJsonBody(rng: FuzzRandom, valid: unknown): string | Buffer {
  let value = valid;
  for (let damages = 1 + rng.int(3); damages > 0; damages -= 1) value = mutateValue(rng, value);
  const text = JSON.stringify(value) ?? 'undefined';
  return rng.chance(0.25) ? mutateJsonText(rng, text) : text;
}
