import { computeCrc32c, maskCrc32c } from './crc32c';

/** Bytes of a record's framing: 8-byte length, 4-byte length CRC, then after the data a 4-byte data CRC. */
const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;

/** Records larger than this are skipped unread, so a huge graph or image event cannot pin memory. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** One TFRecord payload whose data CRC matched. */
export interface TfRecord {
  /** Byte offset of the record's length header in the file. */
  offset: number;
  data: Uint8Array;
}

/** A record (or stretch of bytes) that was not read, and why. */
export interface TfRecordProblem {
  offset: number;
  reason: string;
}

/** What the reader carries between chunks besides the held bytes; plain JSON. */
export interface TfRecordReaderState {
  /** File offset of the first byte of the next input, which starts with the bytes held back last time. */
  offset: number;
  /** A length header failed its CRC and the reader is scanning forward for one that passes. */
  resyncing: boolean;
  /** Bytes of an oversized record still to drop before the next header. */
  skipBytes: number;
}

export interface TfRecordReadResult {
  records: TfRecord[];
  problems: TfRecordProblem[];
  /** The unread tail (an incomplete record, or under 12 bytes while resyncing): prepend it to the next chunk. */
  pending: Uint8Array;
  /** Bytes thrown away: scanned over while resyncing, or inside skipped oversized records. */
  discardedBytes: number;
  state: TfRecordReaderState;
}

export function createTfRecordReaderState(): TfRecordReaderState {
  return { offset: 0, resyncing: false, skipBytes: 0 };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function hasValidLengthCrc(bytes: Uint8Array, at: number): boolean {
  return maskCrc32c(computeCrc32c(bytes, at, at + 8)) === readUint32(bytes, at + 8);
}

/**
 * Splits TFRecord framing (`uint64 length | masked crc32c(length) | data | masked crc32c(data)`,
 * all little-endian) into records, incrementally: `bytes` is the previous call's `pending` followed by
 * new bytes, and a record that has not fully arrived comes back as `pending`. It never throws.
 *
 * A record whose data CRC fails is reported and skipped by its length, which its own CRC vouches for.
 * A length header whose CRC fails gives no trustworthy length, so the reader resynchronises: it
 * reports the header's offset once, then moves forward one byte at a time until 12 bytes form a
 * header whose length CRC validates, and resumes there. A false match needs a 32-bit CRC collision,
 * so it is negligible; the cost is that the damaged record is lost. Records above `maxRecordBytes`
 * are reported and dropped without being held, so pending bytes stay bounded.
 */
export function readTfRecords(
  bytes: Uint8Array,
  state: TfRecordReaderState,
  maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
): TfRecordReadResult {
  const records: TfRecord[] = [];
  const problems: TfRecordProblem[] = [];
  let { resyncing, skipBytes } = state;
  let resyncProblem: TfRecordProblem | null = null;
  let resyncFrom = 0;
  let discardedBytes = 0;
  let position = Math.min(skipBytes, bytes.length);
  skipBytes -= position;
  discardedBytes += position;

  while (skipBytes === 0 && bytes.length - position >= HEADER_BYTES) {
    if (!hasValidLengthCrc(bytes, position)) {
      if (!resyncing) {
        resyncing = true;
        resyncFrom = position;
        resyncProblem = { offset: state.offset + position, reason: 'length header CRC mismatch; scanning forward for the next valid record header' };
        problems.push(resyncProblem);
      }
      position += 1;
      discardedBytes += 1;
      continue;
    }
    if (resyncing) {
      resyncing = false;
      if (resyncProblem) {
        resyncProblem.reason = `length header CRC mismatch; skipped ${position - resyncFrom} bytes to the next valid record header at byte ${state.offset + position}`;
      }
    }
    const high = readUint32(bytes, position + 4);
    const length = high * 2 ** 32 + readUint32(bytes, position);
    const total = HEADER_BYTES + length + FOOTER_BYTES;
    if (length > maxRecordBytes) {
      problems.push({ offset: state.offset + position, reason: `record of ${length} bytes is larger than the ${maxRecordBytes}-byte limit; skipped unread` });
      const dropped = Math.min(total, bytes.length - position);
      position += dropped;
      discardedBytes += dropped;
      skipBytes = total - dropped;
      continue;
    }
    if (bytes.length - position < total) break;
    const dataStart = position + HEADER_BYTES;
    const dataEnd = dataStart + length;
    if (maskCrc32c(computeCrc32c(bytes, dataStart, dataEnd)) === readUint32(bytes, dataEnd)) {
      records.push({ offset: state.offset + position, data: bytes.subarray(dataStart, dataEnd) });
    } else {
      problems.push({ offset: state.offset + position, reason: `data CRC mismatch in a record of ${length} bytes; record skipped` });
    }
    position += total;
  }

  return {
    records,
    problems,
    pending: bytes.subarray(position),
    discardedBytes,
    state: { offset: state.offset + position, resyncing, skipBytes },
  };
}

/** At the end of a whole file, held bytes are a truncated record (or the tail of a corrupt stretch). */
export function describeUnfinishedTail(result: Pick<TfRecordReadResult, 'pending' | 'state'>): TfRecordProblem | null {
  const { pending, state } = result;
  if (state.skipBytes > 0) return { offset: state.offset, reason: `file ends ${state.skipBytes} bytes before the end of a skipped oversized record` };
  if (pending.length === 0 || state.resyncing) return null;
  if (pending.length < HEADER_BYTES) return { offset: state.offset, reason: `file ends with ${pending.length} bytes, too few for a record header` };
  const length = readUint32(pending, 4) * 2 ** 32 + readUint32(pending, 0);
  return { offset: state.offset, reason: `truncated record: ${pending.length} of ${HEADER_BYTES + length + FOOTER_BYTES} bytes present` };
}
