import { describe, expect, it } from 'vitest';
import type { MetricPointInput } from '../metric-point';
import { parseTfeventsChunk, parseTfeventsFile } from './tfevents-parser';
import { createTfeventsState } from './tfevents-state';
import { frameRecord, listRecordOffsets, readFixture } from './tfevents-test-helpers';

const lax = readFixture('lax');
const offsets = listRecordOffsets(lax);
const clean = parseTfeventsFile(lax).points;
// Record 0 is file_version, so record r holds the (r - 1)th point of the file.
const target = 120;

const without = (points: MetricPointInput[], index: number) => points.filter((_, position) => position !== index);

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x5a;
  return copy;
}

describe('corrupt records', () => {
  it('reports exactly the record whose data has a flipped byte, with its offset, and imports all others', () => {
    for (const inRecord of [12, 20, 30]) {
      const result = parseTfeventsFile(flipByte(lax, offsets[target]! + inRecord));
      expect(result.corrupt).toEqual([{ offset: offsets[target], reason: expect.stringMatching(/^data CRC mismatch/) }]);
      expect(result.corruptCount).toBe(1);
      expect(result.recordsRead).toBe(offsets.length - 1);
      expect(result.points).toEqual(without(clean, target - 1));
    }
  });

  it('resynchronises after a flipped byte in a length header and continues with the next record', () => {
    for (const inHeader of [0, 5, 9]) {
      const result = parseTfeventsFile(flipByte(lax, offsets[target]! + inHeader));
      expect(result.corrupt).toEqual([
        { offset: offsets[target], reason: `length header CRC mismatch; skipped ${offsets[target + 1]! - offsets[target]!} bytes to the next valid record header at byte ${offsets[target + 1]}` },
      ]);
      expect(result.points).toEqual(without(clean, target - 1));
    }
  });

  it('reports a CRC-valid record that is not an Event and reads on', () => {
    const garbage = frameRecord(Uint8Array.from([0x2a, 0x7f, 0x01]));
    const bytes = Buffer.concat([lax.subarray(0, offsets[5]), garbage, lax.subarray(offsets[5])]);
    const result = parseTfeventsFile(bytes);
    expect(result.corrupt).toEqual([{ offset: offsets[5], reason: expect.stringMatching(/^not a valid Event protobuf/) }]);
    expect(result.points).toEqual(clean);
  });

  it('reports a truncated last record of a whole file', () => {
    const result = parseTfeventsFile(lax.subarray(0, lax.length - 3));
    expect(result.corrupt).toEqual([{ offset: offsets.at(-1), reason: expect.stringMatching(/^truncated record/) }]);
    expect(result.points).toEqual(clean.slice(0, -1));
  });

  it('reports damage in every damaged record when several are hit, in file order', () => {
    let bytes = flipByte(lax, offsets[10]! + 14);
    bytes = flipByte(bytes, offsets[200]! + 2);
    bytes = flipByte(bytes, offsets[300]! + 20);
    const result = parseTfeventsFile(bytes);
    expect(result.corrupt.map((problem) => problem.offset)).toEqual([offsets[10], offsets[200], offsets[300]]);
    expect(result.points).toHaveLength(clean.length - 3);
  });

  it('never throws on random bytes or randomly damaged files, and only yields points of the file', () => {
    let seed = 2024;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % below;
    };
    const known = new Set(clean.map((point) => JSON.stringify(point)));
    for (let round = 0; round < 200; round++) {
      const noise = Uint8Array.from({ length: random(4000) }, () => random(256));
      expect(() => parseTfeventsChunk(noise, createTfeventsState())).not.toThrow();

      const damaged = Buffer.from(lax);
      for (let flips = 1 + random(8); flips > 0; flips--) damaged[random(damaged.length)] ^= 1 + random(255);
      const result = parseTfeventsFile(damaged);
      for (const point of result.points) expect(known.has(JSON.stringify(point))).toBe(true);
    }
  });
});
