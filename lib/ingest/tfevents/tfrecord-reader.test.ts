import { describe, expect, it } from 'vitest';
import { createTfRecordReaderState, describeUnfinishedTail, readTfRecords, type TfRecordReaderState } from './tfrecord-reader';
import { frameRecord } from './tfevents-test-helpers';

const payloads = ['first', 'second record', '', 'fourth', 'x'.repeat(300)].map((text) => Buffer.from(text));
const file = Buffer.concat(payloads.map(frameRecord));
const offsets = payloads.reduce<number[]>((list, payload, index) => [...list, index === 0 ? 0 : list[index - 1]! + 16 + payloads[index - 1]!.length], []);

const texts = (records: { data: Uint8Array }[]) => records.map((record) => Buffer.from(record.data).toString());

/** Feeds the bytes in the given pieces, carrying pending bytes and a JSON copy of the state. */
function readInPieces(bytes: Buffer, cuts: number[], maxRecordBytes?: number) {
  let state: TfRecordReaderState = createTfRecordReaderState();
  let pending: Uint8Array = new Uint8Array(0);
  const records: { offset: number; data: Uint8Array }[] = [];
  const problems: { offset: number; reason: string }[] = [];
  const bounds = [0, ...cuts, bytes.length];
  for (let index = 0; index < bounds.length - 1; index++) {
    const result = readTfRecords(Buffer.concat([pending, bytes.subarray(bounds[index], bounds[index + 1])]), state, maxRecordBytes);
    records.push(...result.records.map((record) => ({ ...record, data: Uint8Array.from(record.data) })));
    problems.push(...result.problems);
    pending = Uint8Array.from(result.pending);
    state = JSON.parse(JSON.stringify(result.state)) as TfRecordReaderState;
  }
  return { records, problems, pending, state };
}

describe('readTfRecords', () => {
  it('splits well-formed framing into records with their file offsets', () => {
    const result = readTfRecords(file, createTfRecordReaderState());
    expect(texts(result.records)).toEqual(payloads.map(String));
    expect(result.records.map((record) => record.offset)).toEqual(offsets);
    expect(result.problems).toEqual([]);
    expect(result.pending).toHaveLength(0);
    expect(result.state).toEqual({ offset: file.length, resyncing: false, skipBytes: 0 });
  });

  it('holds a partial record until the rest arrives, at every cut point', () => {
    for (let cut = 0; cut <= file.length; cut++) {
      const result = readInPieces(file, [cut]);
      expect(texts(result.records)).toEqual(payloads.map(String));
      expect(result.records.map((record) => record.offset)).toEqual(offsets);
      expect(result.problems).toEqual([]);
    }
    const half = readTfRecords(file.subarray(0, offsets[1]! + 5), createTfRecordReaderState());
    expect(texts(half.records)).toEqual(['first']);
    expect(half.pending).toHaveLength(5);
    expect(half.state.offset).toBe(offsets[1]);
  });

  it('reports a record whose data CRC fails, with its offset, and keeps reading after it', () => {
    const damaged = Buffer.from(file);
    damaged[offsets[1]! + 12 + 3] ^= 0x01;
    const result = readTfRecords(damaged, createTfRecordReaderState());
    expect(texts(result.records)).toEqual(['first', '', 'fourth', 'x'.repeat(300)]);
    expect(result.problems).toEqual([{ offset: offsets[1], reason: expect.stringMatching(/^data CRC mismatch/) }]);
  });

  it('treats a damaged data CRC field like damaged data', () => {
    const damaged = Buffer.from(file);
    damaged[offsets[2]! + 12] ^= 0x80; // the empty record: its data CRC directly follows the header
    const result = readTfRecords(damaged, createTfRecordReaderState());
    expect(texts(result.records)).toEqual(['first', 'second record', 'fourth', 'x'.repeat(300)]);
    expect(result.problems.map((problem) => problem.offset)).toEqual([offsets[2]]);
  });

  it('resynchronises after a damaged length header: reports it once and resumes at the next record', () => {
    for (const flipAt of [0, 3, 7, 8, 11]) {
      const damaged = Buffer.from(file);
      damaged[offsets[1]! + flipAt] ^= 0x10;
      const result = readTfRecords(damaged, createTfRecordReaderState());
      expect(texts(result.records)).toEqual(['first', '', 'fourth', 'x'.repeat(300)]);
      expect(result.problems).toEqual([
        { offset: offsets[1], reason: `length header CRC mismatch; skipped ${offsets[2]! - offsets[1]!} bytes to the next valid record header at byte ${offsets[2]}` },
      ]);
      expect(result.discardedBytes).toBe(offsets[2]! - offsets[1]!);
    }
  });

  it('keeps resynchronising across chunks without reporting the stretch twice', () => {
    const damaged = Buffer.from(file);
    damaged[offsets[3]! + 1] ^= 0xff;
    for (const cut of [offsets[3]! + 2, offsets[3]! + 9, offsets[4]! - 3, offsets[4]! + 6]) {
      const result = readInPieces(damaged, [cut]);
      expect(texts(result.records)).toEqual(['first', 'second record', '', 'x'.repeat(300)]);
      expect(result.problems.map((problem) => problem.offset)).toEqual([offsets[3]]);
      expect(result.state).toEqual({ offset: file.length, resyncing: false, skipBytes: 0 });
    }
  });

  it('keeps at most 11 bytes while scanning garbage, so a header split by the chunk end is still found', () => {
    const garbage = Buffer.alloc(500, 0xab);
    const stream = Buffer.concat([garbage, frameRecord(Buffer.from('after'))]);
    const first = readTfRecords(stream.subarray(0, 505), createTfRecordReaderState());
    expect(first.problems).toEqual([{ offset: 0, reason: expect.stringMatching(/scanning forward/) }]);
    expect(first.pending.length).toBeLessThanOrEqual(11);
    expect(first.state.resyncing).toBe(true);
    const second = readTfRecords(Buffer.concat([first.pending, stream.subarray(505)]), first.state);
    expect(texts(second.records)).toEqual(['after']);
    expect(second.records[0]!.offset).toBe(500);
    expect(second.problems).toEqual([]);
  });

  it('skips a record above the size limit without holding it, even across chunks', () => {
    const result = readInPieces(file, [offsets[4]! + 20, offsets[4]! + 100], 100);
    expect(texts(result.records)).toEqual(['first', 'second record', '', 'fourth']);
    expect(result.problems).toEqual([{ offset: offsets[4], reason: 'record of 300 bytes is larger than the 100-byte limit; skipped unread' }]);
    expect(result.pending).toHaveLength(0);
    expect(result.state).toEqual({ offset: file.length, resyncing: false, skipBytes: 0 });
  });

  it('describes what is left at the end of a whole file', () => {
    const truncated = readTfRecords(file.subarray(0, offsets[4]! + 40), createTfRecordReaderState());
    expect(describeUnfinishedTail(truncated)).toEqual({ offset: offsets[4], reason: 'truncated record: 40 of 316 bytes present' });
    const tiny = readTfRecords(file.subarray(0, 5), createTfRecordReaderState());
    expect(describeUnfinishedTail(tiny)).toEqual({ offset: 0, reason: 'file ends with 5 bytes, too few for a record header' });
    expect(describeUnfinishedTail(readTfRecords(file, createTfRecordReaderState()))).toBeNull();
  });

  it('never throws on random bytes, and accounts for every byte', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let round = 0; round < 50; round++) {
      const bytes = Uint8Array.from({ length: 1 + (round * 97) % 3000 }, random);
      // Splice a valid record into some of them: it must be found after the garbage.
      const stream = round % 2 ? Buffer.concat([bytes, frameRecord(Buffer.from('needle'))]) : Buffer.from(bytes);
      const result = readTfRecords(stream, createTfRecordReaderState());
      expect(result.discardedBytes + result.pending.length + result.records.reduce((sum, record) => sum + record.data.length + 16, 0)).toBeLessThanOrEqual(stream.length);
      if (round % 2) expect(texts(result.records)).toContain('needle');
    }
  });
});
