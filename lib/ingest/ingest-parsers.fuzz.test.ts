/**
 * Parser-level fuzz of what out-log-parser.fuzz.test.ts does not cover: the real-world fixtures
 * (test/fixtures/openclip-real) with NUL, lone surrogates, huge numbers, NaN/inf spellings and
 * duplicated separators fed line by line through out.log with state carried between chunks, and
 * the other parsers (results.jsonl, params.txt, big_vision metrics, CLIP_benchmark results, Python
 * JSON, logged numbers). None may throw; what they return must be storable.
 * Replay a failure with the printed seed: REPROBOARD_FUZZ_SEED=<seed> npx vitest run <this file>.
 */
import { describe, expect, it } from 'vitest';
import { createFuzzRandom, fuzzSeed, loadFixtureLines, mutateJsonBody, mutateLine, mutateText, ODD_NUMBERS } from '../../test/fuzz-inputs';
import { parseClipBenchmark } from './clip-benchmark/parse-clip-benchmark';
import { parseBigVisionMetrics } from './clipa/big-vision-metrics-parser';
import { parseLoggedNumber } from './logged-number';
import type { MetricPointInput } from './metric-point';
import { parseNonFiniteJson } from './non-finite-json';
import { createOutLogState, parseOutLogLines, type OutLogState } from './openclip/out-log-parser';
import { parseParamsTxt } from './openclip/params-txt-parser';
import { parseResultsJsonl } from './openclip/results-jsonl-parser';
import { splitTextLines } from './split-lines';

const seed = fuzzSeed();
const lines = loadFixtureLines();
const MAX_STEP = 2_147_483_647;

/** Points any store can take: an integer step in range, a number value, finite or null extras. */
function unstorable(points: readonly MetricPointInput[]): MetricPointInput[] {
  return points.filter(
    (point) =>
      typeof point.key !== 'string' ||
      point.key.length === 0 ||
      !(Number.isSafeInteger(point.step) && point.step >= 0 && point.step <= MAX_STEP) ||
      typeof point.value !== 'number' ||
      [point.epoch, point.samplesSeen, point.wallTime].some((value) => value !== null && !Number.isFinite(value)),
  );
}

/** Mutated lines as a parser sees them: text damage directly, byte damage decoded as UTF-8. */
function mutatedLines(rng: ReturnType<typeof createFuzzRandom>, corpus: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () =>
    rng.chance(0.6) ? mutateText(rng, rng.pick(corpus), corpus) : mutateLine(rng, rng.pick(corpus), corpus).toString('utf8'),
  );
}

const pollutionProbe = () => Object.keys(Object.prototype).length + Object.keys(Array.prototype).length;

describe(`ingest parsers under fuzz (seed ${seed})`, () => {
  console.log(`ingest parser fuzz: seed ${seed}; replay with REPROBOARD_FUZZ_SEED=${seed}`);
  const prototypeKeys = pollutionProbe();

  it('out.log: 40,000 mutated real-world lines in chunks, state carried through JSON', () => {
    const rng = createFuzzRandom(seed);
    let state: OutLogState = createOutLogState();
    let total = 0;
    while (total < 40_000) {
      const file = rng.pick(lines.outLogFiles);
      const start = rng.int(file.length);
      const chunk = Array.from({ length: 50 + rng.int(200) }, (_, index) => {
        const line = file[(start + index) % file.length]!;
        return rng.chance(0.7) ? mutateText(rng, line, lines.outLog) : mutateLine(rng, line, lines.outLog).toString(rng.chance(0.8) ? 'utf8' : 'latin1');
      });
      total += chunk.length;
      const result = parseOutLogLines(chunk, state);
      expect(unstorable(result.points)).toEqual([]);
      expect(result.points.every((point) => /^(train|val)\/\S+$/.test(point.key))).toBe(true);
      expect(result.lineCount).toBe(chunk.length);
      for (const count of [result.info.gpus, result.info.batchSize, result.info.globalBatchSize, result.info.epochs]) {
        expect(count === undefined || (Number.isSafeInteger(count) && count > 0)).toBe(true);
      }
      const stored = JSON.stringify(result.state);
      expect(stored.length).toBeLessThan(250_000);
      state = JSON.parse(stored) as OutLogState;
      // A new run now and then, so headers and Params blocks are met from a fresh state too.
      if (rng.chance(0.1)) state = createOutLogState();
    }
  });

  it('results.jsonl: 20,000 mutated lines with random schedule options', () => {
    const rng = createFuzzRandom(seed + 1);
    for (let file = 0; file < 200; file += 1) {
      const text = mutatedLines(rng, lines.resultsJsonl, 100).join(rng.chance(0.9) ? '\n' : '\r\n');
      const options = {
        evalEpochs: rng.chance(0.5) ? Array.from({ length: rng.int(50) }, () => rng.pick([1, 2, 3.5, -1, NaN, 1e30, 2 ** 31])) : undefined,
        zeroshotFrequency: rng.pick([undefined, 1, 2, 0, -1, NaN, Infinity]),
        epochs: rng.pick([undefined, 1, 32, 0, 1e12]),
        stepsPerEpoch: rng.pick([null, 1, 984, 1e9]),
        samplesPerEpoch: rng.pick([null, 1_007_616, 1e15]),
      };
      const result = parseResultsJsonl(text, options);
      expect(unstorable(result.points)).toEqual([]);
      expect(result.points.every((point) => point.key.startsWith('val/'))).toBe(true);
      const physicalLines = splitTextLines(text).length;
      expect(result.rows).toBeLessThanOrEqual(physicalLines);
      expect(result.unparsed.length).toBeLessThanOrEqual(physicalLines);
    }
  });

  it('params.txt: 20,000 mutated lines never make prototype keys or unstorable counts', () => {
    const rng = createFuzzRandom(seed + 2);
    for (let file = 0; file < 200; file += 1) {
      const extra = rng.chance(0.3) ? ['__proto__: {"polluted": 1}', 'constructor: x', `batch_size: ${rng.pick(ODD_NUMBERS)}`] : [];
      const result = parseParamsTxt([...mutatedLines(rng, lines.paramsTxt, 100 - extra.length), ...extra].join('\n'));
      expect(Object.getPrototypeOf(result.params)).toBe(Object.prototype);
      expect(Object.hasOwn(result.params, '__proto__')).toBe(false);
      for (const count of [result.info.gpus, result.info.batchSize, result.info.globalBatchSize, result.info.epochs]) {
        expect(count === undefined || (Number.isSafeInteger(count) && count > 0)).toBe(true);
      }
    }
  });

  it('big_vision metrics: 10,000 mutated lines', () => {
    const rng = createFuzzRandom(seed + 3);
    for (let file = 0; file < 100; file += 1) {
      const result = parseBigVisionMetrics(mutatedLines(rng, lines.bigVision, 100).join('\n'));
      expect(unstorable(result.points)).toEqual([]);
    }
  });

  it('CLIP_benchmark results: 5,000 damaged JSON documents give results or issues naming a path', () => {
    const rng = createFuzzRandom(seed + 4);
    const record = { dataset: 'cifar10', task: 'zeroshot_classification', model: 'ViT-B-32', pretrained: '/c/epoch_3.pt', metrics: { acc1: 0.9, acc5: 0.99 } };
    for (let index = 0; index < 5_000; index += 1) {
      const body = mutateJsonBody(rng, rng.chance(0.5) ? record : [record, { ...record, dataset: 'cars' }]);
      const parsed = parseClipBenchmark(typeof body === 'string' ? body : body.toString('utf8'));
      if (parsed.ok) {
        expect(parsed.values.length).toBeGreaterThan(0);
        for (const value of parsed.values) {
          expect(value.key).toMatch(/^clip_benchmark\/[\w./@:-]{1,200}$/);
          expect(typeof value.value).toBe('number');
        }
        expect(parsed.checkpointEpoch === null || (Number.isSafeInteger(parsed.checkpointEpoch) && parsed.checkpointEpoch <= 999_999)).toBe(true);
      } else {
        expect(parsed.issues.length).toBeGreaterThan(0);
        for (const issue of parsed.issues) expect(issue.path.startsWith('body') && issue.message.length > 0).toBe(true);
      }
    }
  });

  it("Python JSON and logged numbers: 10,000 damaged texts throw only JSON's SyntaxError, or parse", () => {
    const rng = createFuzzRandom(seed + 5);
    for (let index = 0; index < 5_000; index += 1) {
      const text = mutateText(rng, rng.pick(lines.resultsJsonl), lines.resultsJsonl);
      try {
        parseNonFiniteJson(text);
      } catch (error) {
        expect(error).toBeInstanceOf(SyntaxError);
      }
      const number = parseLoggedNumber(rng.chance(0.5) ? rng.pick(ODD_NUMBERS) : mutateText(rng, rng.pick(ODD_NUMBERS), ODD_NUMBERS));
      expect(number === null || typeof number === 'number').toBe(true);
    }
  });

  it('left Object.prototype and Array.prototype alone', () => {
    expect(pollutionProbe()).toBe(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
