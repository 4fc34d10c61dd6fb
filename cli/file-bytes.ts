/** Positional reads and hashes of followed files. */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** Up to `length` bytes at `position`; fewer at the end of the file. */
export async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
  return buffer.subarray(0, bytesRead);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const EMPTY_SHA256 = sha256(new Uint8Array(0));
