import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReference } from '@/lib/reference/load-reference';
import { OPENCLIP_BENCHMARKS_PAPER } from '@/lib/reference/paper-catalog';
import { parseFinetuneText, parseSampleCount, parseScheduleString, parseSeedSchedule, type TrainingStage } from './schedule';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function describeStages(stages: readonly TrainingStage[]): string {
  return stages
    .map((stage) => `${stage.samples / 1e6}M@${stage.imageResolution ?? `${stage.imageTokens ?? 'native'}tok`}${stage.patchDropout > 0 ? `/mask${stage.patchDropout}` : ''}/t${stage.textTokens ?? 'full'}`)
    .join(' + ');
}

describe('parseScheduleString', () => {
  it('reads the CLIPA-v2 notation', () => {
    const result = parseScheduleString('12.8B@84 + 512M@224 + 128M@336');
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.stages.map(({ samples, imageResolution, patchDropout, textTokens }) => ({ samples, imageResolution, patchDropout, textTokens }))).toEqual([
      { samples: 12_800_000_000, imageResolution: 84, patchDropout: 0, textTokens: null },
      { samples: 512_000_000, imageResolution: 224, patchDropout: 0, textTokens: null },
      { samples: 128_000_000, imageResolution: 336, patchDropout: 0, textTokens: null },
    ]);
  });

  it('accepts ^2, ², x, bare counts, mask suffixes and per-stage text tokens', () => {
    const result = parseScheduleString('12.8B@84^2 + 512M@224² (30% mask) + 128M @ 336x336 (40% masking) + 1000', { textTokens: [8] });
    if (!result.ok) throw new Error(result.error);
    expect(describeStages(result.stages)).toBe('12800M@84/t8 + 512M@224/mask0.3/tfull + 128M@336/mask0.4/tfull + 0.001M@nativetok/tfull');
  });

  it.each(['', '12.8B@', 'abc', '1B@84 + ', '0@84', '1B@84 + 2Q@224'])('rejects %j', (text) => {
    expect(parseScheduleString(text).ok).toBe(false);
  });

  it('reads sample counts with units', () => {
    expect(parseSampleCount('12.8B')).toBe(12_800_000_000);
    expect(parseSampleCount('6.7B')).toBe(6_700_000_000);
    expect(parseSampleCount('128000000')).toBe(128_000_000);
    expect(parseSampleCount('12.8 bn')).toBeNull();
  });
});

describe('parseFinetuneText', () => {
  it.each([
    ['512M samples at 224x224 (30% masking) + 128M samples at 336x336 (40% masking): progressive finetuning', 640_000_000, '512M@224/mask0.3/tfull + 128M@336/mask0.4/tfull'],
    ['512M samples at 224x224 with 30% random masking, then 128M samples at 336x336 with 40% masking (Table 3 caption)', 640_000_000, '512M@224/mask0.3/tfull + 128M@336/mask0.4/tfull'],
    ['128M samples at 224x224, random masking ratio 30%', 128_000_000, '128M@224/mask0.3/tfull'],
    ['128M samples at 224x224, no masking (CLIPA-v1 finetuning)', 128_000_000, '128M@224/tfull'],
    ['finetune with full tokens: 224x224 image input and 32 text tokens (Table 1 caption)', 128_000_000, '128M@224/t32'],
    ['second stage of 6.7B samples at 224x224 as written in Table 4', 6_700_000_000, '6700M@224/tfull'],
    ['512M@224 (30% mask) + 128M@336 (40% mask); as noted', 640_000_000, '512M@224/mask0.3/tfull + 128M@336/mask0.4/tfull'],
    ['none (pre-trained checkpoint)', null, ''],
  ])('%s', (text, samples, expected) => {
    const result = parseFinetuneText(text, samples);
    if (!result.ok) throw new Error(result.error);
    expect(describeStages(result.stages)).toBe(expected);
  });

  it('fails when the sample count is missing or the stages disagree with it', () => {
    expect(parseFinetuneText('finetune with random masking at masking ratio 25%', null)).toMatchObject({ ok: false, error: expect.stringMatching(/not given/) });
    expect(parseFinetuneText('512M samples at 224x224', 640_000_000)).toMatchObject({ ok: false, error: expect.stringMatching(/add up/) });
    expect(parseFinetuneText('none', 128_000_000).ok).toBe(false);
  });
});

describe('parseSeedSchedule on clipa_reported.csv', () => {
  const seeds = loadReference(ROOT).results.filter((seed) => seed.paperId !== OPENCLIP_BENCHMARKS_PAPER.id);

  it('reads every row that gives its sample counts, and the stages add up to total_samples_seen', () => {
    const rows = seeds.map((seed) => {
      const schedule = parseSeedSchedule(seed);
      return { resultKey: seed.resultKey, type: seed.resultType, schedule: schedule.ok ? describeStages(schedule.stages) : `— ${schedule.error}`, total: seed.totalSamplesSeen, ok: schedule.ok, stages: schedule.ok ? schedule.stages : [] };
    });
    console.log('stages read from each clipa_reported.csv row');
    console.table(rows.map(({ resultKey, type, schedule }) => ({ resultKey, type, schedule })));
    for (const row of rows.filter((entry) => entry.ok && entry.total !== null)) {
      expect(row.stages.reduce((sum, stage) => sum + stage.samples, 0), row.resultKey).toBe(row.total);
    }
    const failures = rows.filter((row) => !row.ok).map((row) => row.schedule);
    expect(failures.every((reason) => /not given/.test(reason)), failures.join('\n')).toBe(true);
  });

  it('reads the CLIPA-v2 H/14 81.8% schedule from its Table 4 row', () => {
    const seed = seeds.find((row) => row.resultKey === 'clipa-v2_H14_datacomp1b_84-224-336' && row.isPrimary);
    const schedule = seed && parseSeedSchedule(seed);
    if (!schedule?.ok) throw new Error('no schedule');
    expect(describeStages(schedule.stages)).toBe('12800M@84/t8 + 512M@224/mask0.3/tfull + 128M@336/mask0.4/tfull');
  });

  it('prefers the resolution over the token column, which sometimes counts the class token', () => {
    const seed = seeds.find((row) => row.resultKey === 'clipa-v1_B16-I50-T16_laion400m' && row.pretrainImageRes !== null);
    expect(seed).toMatchObject({ pretrainImageRes: 112, pretrainImageTokens: 50 });
    if (!seed) return;
    // The README row gives no sample counts; supply one to look at how the image side is read.
    const schedule = parseSeedSchedule({ ...seed, samplesSeen: 1, finetune: null, finetuneSamplesSeen: null });
    expect(schedule.ok && schedule.stages[0]).toMatchObject({ imageResolution: 112, imageTokens: null });
  });
});
