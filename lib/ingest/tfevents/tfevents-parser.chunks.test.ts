import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { orderEventFiles, parseTfeventsFolder } from './tfevents-folder';
import { parseTfeventsChunk, parseTfeventsFile, type TfeventsOptions } from './tfevents-parser';
import { createTfeventsState, type TfeventsState } from './tfevents-state';
import { encodeEvent, FIXTURE, frameRecord, listRecordOffsets, readFixture, scalarRecord } from './tfevents-test-helpers';

/** Parses in pieces the way the server does (pending bytes in front, state through JSON) and applies last-wins like the store. */
function parseInPieces(bytes: Uint8Array, cuts: number[], options: TfeventsOptions = {}) {
  let state: TfeventsState = createTfeventsState();
  let pending: Uint8Array = new Uint8Array(0);
  const stored = new Map<string, MetricPointInput>();
  let recordsRead = 0;
  let skippedValues = 0;
  const bounds = [0, ...cuts, bytes.length];
  for (let index = 0; index < bounds.length - 1; index++) {
    const chunk = bytes.subarray(bounds[index], bounds[index + 1]);
    const result = parseTfeventsChunk(Buffer.concat([pending, chunk]), state, options);
    for (const point of result.points) stored.set(`${point.key}\u0000${point.step}`, point);
    recordsRead += result.recordsRead;
    skippedValues += result.skippedValues;
    expect(result.corrupt).toEqual([]);
    pending = Uint8Array.from(result.pendingBytes);
    state = JSON.parse(JSON.stringify(result.state)) as TfeventsState;
  }
  expect(pending).toHaveLength(0);
  return { points: [...stored.values()], recordsRead, skippedValues, state };
}

const byIdentity = (points: MetricPointInput[]) =>
  [...points].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step));

describe('parseTfeventsChunk in pieces', () => {
  it('gives the same points as one call for a cut at every byte of the 94-byte file', () => {
    const bytes = readFixture('tiny');
    const whole = parseTfeventsFile(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const pieces = parseInPieces(bytes, [cut]);
      expect(pieces.points).toEqual(whole.points);
      expect(pieces.recordsRead).toBe(2);
      expect(pieces.state.reader.offset).toBe(94);
    }
  });

  it('gives the same points for a cut at every byte of the first five records of the strict file, and at every 7th after', () => {
    const bytes = readFixture('strict');
    const whole = parseTfeventsFile(bytes);
    const fiveRecords = listRecordOffsets(bytes)[5]!;
    for (let cut = 0; cut <= bytes.length; cut += cut < fiveRecords ? 1 : 7) {
      const pieces = parseInPieces(bytes, [cut]);
      expect(pieces.points).toEqual(whole.points);
      expect(pieces.recordsRead).toBe(101);
    }
  });

  it('gives the same stored points for many small pieces, with repeats of steps across pieces', () => {
    for (const name of ['duplicateSteps', 'hfTrain', 'tf2'] as const) {
      const bytes = readFixture(name);
      const whole = parseTfeventsFile(bytes);
      const cuts: number[] = [];
      for (let at = 7; at < bytes.length; at += 1 + ((at * 7919) % 613)) cuts.push(at);
      const pieces = parseInPieces(bytes, cuts);
      expect(byIdentity(pieces.points)).toEqual(byIdentity(whole.points));
      expect([pieces.recordsRead, pieces.skippedValues]).toEqual([whole.recordsRead, whole.skippedValues]);
    }
  });

  it('leaves the input state untouched and counts records across calls', () => {
    const bytes = readFixture('strict');
    const state = createTfeventsState();
    const first = parseTfeventsChunk(bytes.subarray(0, 2000), state);
    expect(state).toEqual(createTfeventsState());
    const second = parseTfeventsChunk(Buffer.concat([first.pendingBytes, bytes.subarray(2000)]), first.state);
    expect(second.state.recordsRead).toBe(101);
    expect(second.state.fileVersion).toBe('brain.Event:2');
  });
});

describe('OpenCLIP event files', () => {
  // An OpenCLIP-shaped file (no real one was found): B = 1024, M = 61440, so 60 steps per epoch.
  const geometry = { globalBatchSize: 1024, samplesPerEpoch: 61440 };
  const file = Buffer.concat([
    frameRecord(encodeEvent({ wallTime: 1709647331, fileVersion: 'brain.Event:2' })),
    scalarRecord('train/data_time', 0, 3.9),
    scalarRecord('train/scale', 0, 14.286),
    scalarRecord('train/samples_per_scond', 0, 103.7),
    scalarRecord('train/loss', 0, 6.9315),
    scalarRecord('train/loss', 59, 4.9),
    scalarRecord('val/imagenet-zeroshot-val-top1', 1, 0.056),
    scalarRecord('val/epoch', 1, 1),
    scalarRecord('val/num_samples', 1, 10000),
  ]);

  it('maps tags to the out.log keys and places points on the out.log step axis', () => {
    const result = parseTfeventsFile(file, geometry);
    expect(result.skippedValues).toBe(2);
    expect(result.points.map(({ key, step, epoch, samplesSeen }) => ({ key, step, epoch, samplesSeen }))).toEqual([
      { key: 'train/data_time', step: 1, epoch: 1 / 60, samplesSeen: 1024 },
      { key: 'train/logit_scale', step: 1, epoch: 1 / 60, samplesSeen: 1024 },
      { key: 'train/samples_per_second', step: 1, epoch: 1 / 60, samplesSeen: 1024 },
      { key: 'train/loss', step: 1, epoch: 1 / 60, samplesSeen: 1024 },
      { key: 'train/loss', step: 60, epoch: 1, samplesSeen: 61440 },
      { key: 'val/imagenet-zeroshot-val-top1', step: 60, epoch: 1, samplesSeen: 61440 },
    ]);
    expect(result.points[3]).toMatchObject({ value: Math.fround(6.9315), wallTime: 1_700_000_000_500 });
  });

  it('keeps the steps as logged when the run geometry is unknown', () => {
    const result = parseTfeventsFile(file);
    expect(result.points.map((point) => [point.key, point.step])).toEqual([
      ['train/data_time', 0], ['train/logit_scale', 0], ['train/samples_per_second', 0], ['train/loss', 0], ['train/loss', 59], ['val/imagenet-zeroshot-val-top1', 1],
    ]);
  });

  it('decides the placement once per file, so geometry arriving halfway does not mix step axes', () => {
    const cut = file.indexOf(Buffer.from('train/loss')) - 30;
    const first = parseTfeventsChunk(file.subarray(0, cut), createTfeventsState());
    const second = parseTfeventsChunk(Buffer.concat([first.pendingBytes, file.subarray(cut)]), first.state, geometry);
    expect(first.state.openclipPlacement).toBe(false);
    expect([...first.points, ...second.points]).toEqual(parseTfeventsFile(file).points);
  });
});

describe('a run folder with several event files', () => {
  it('merges the two files of the HF run, later file last', () => {
    const train = { name: FIXTURE.hfTrain.split('__').at(-1)!, bytes: readFixture('hfTrain') };
    const evaluation = { name: FIXTURE.hfEval.split('__').at(-1)!, bytes: readFixture('hfEval') };
    expect(orderEventFiles([evaluation, train]).map((file) => file.name)).toEqual([train.name, evaluation.name]);

    const result = parseTfeventsFolder([evaluation, train]);
    expect(result.files.map((file) => [file.name, file.recordsRead, file.pointsRead])).toEqual([
      [train.name, 1729, 1726],
      [evaluation.name, 11, 10],
    ]);
    const keys = new Set(result.points.map((point) => point.key));
    expect(keys.size).toBe(18);
    expect(keys.has('eval/rougeLsum') && keys.has('train/total_flos')).toBe(true);
    // train/epoch at step 215337 is in both files: one point remains.
    expect(result.points.filter((point) => point.key === 'train/epoch')).toHaveLength(431);
    expect(result.points).toHaveLength(1726 + 10 - 1);
  });

  it('orders files by the creation time in their names, then by name', () => {
    const names = ['events.out.tfevents.1700000100.host.1.0', 'events.out.tfevents.999.host.1.0', 'events.out.tfevents', 'events.out.tfevents.1700000100.host.1.1'];
    expect(orderEventFiles(names.map((name) => ({ name }))).map((file) => file.name)).toEqual([
      'events.out.tfevents', 'events.out.tfevents.999.host.1.0', 'events.out.tfevents.1700000100.host.1.0', 'events.out.tfevents.1700000100.host.1.1',
    ]);
  });
});
