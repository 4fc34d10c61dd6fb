/**
 * The server's byte-cursor rules for one file, in memory: bytes before the cursor are skipped, a
 * chunk starting beyond it is refused with 409 offset_gap, an unfinished last line is "pending".
 */
import { ReproboardApiError } from '@/lib/client/reproboard-client';
import type { ChunkAck } from '@/cli/follow-totals';

export function createFakeByteStream(initial = '') {
  let stored = Buffer.from(initial);
  const sends: { offset: number; length: number }[] = [];
  return {
    sends,
    get offset() {
      return stored.length;
    },
    text: () => stored.toString('utf8'),
    async send(offset: number, bytes: Uint8Array): Promise<ChunkAck> {
      sends.push({ offset, length: bytes.length });
      if (offset > stored.length) {
        throw new ReproboardApiError(409, 'offset_gap', `offset: the server has ${stored.length} bytes`, { expectedOffset: stored.length });
      }
      const skip = stored.length - offset;
      if (skip < bytes.length) stored = Buffer.concat([stored, Buffer.from(bytes).subarray(skip)]);
      const pendingBytes = stored.length - (stored.lastIndexOf(0x0a) + 1);
      return { offset: stored.length, pendingBytes, linesParsed: 0, pointsWritten: 0, unparsedCount: 0 };
    },
    cursor: () => ({ offset: stored.length, pendingBytes: stored.length - (stored.lastIndexOf(0x0a) + 1) }),
  };
}
