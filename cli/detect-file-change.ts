/**
 * Decides what happened to a followed file between two looks, from its identity (device + inode),
 * its size and the bytes just before the position already sent. Size alone misses a file that was
 * truncated and then grew past the old position before the next look, so the bytes are compared too.
 */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export interface KnownFile {
  identity: FileIdentity;
  /** Bytes of this file the server already has. */
  position: number;
  /** The last bytes before `position` (up to a few dozen), as last read. */
  tail: Uint8Array;
}

export interface ObservedFile {
  identity: FileIdentity;
  size: number;
  /** The current file's bytes at [position - tail.length, position), or null when it is shorter. */
  bytesBeforePosition: Uint8Array | null;
}

export type FileChange =
  /** Same file, nothing new. */
  | 'unchanged'
  /** Same file, new bytes after the position. */
  | 'appended'
  /** A new file (new inode) that starts with everything already sent: rsync, an atomic replace. */
  | 'copied'
  /** Same file, now shorter than what was sent (truncate, logrotate copytruncate). */
  | 'truncated'
  /** Same file, long enough, but the bytes before the position changed (truncated, then refilled). */
  | 'rewritten'
  /** A different file under the same name (rotation, a new run): a new segment. */
  | 'replaced';

export const TAIL_BYTES = 64;

function sameBytes(a: Uint8Array, b: Uint8Array | null): boolean {
  return b !== null && a.length === b.length && a.every((byte, index) => byte === b[index]);
}

export function isSameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export function detectFileChange(known: KnownFile, observed: ObservedFile): FileChange {
  const continues = observed.size >= known.position && sameBytes(known.tail, observed.bytesBeforePosition);
  if (!isSameIdentity(known.identity, observed.identity)) return continues ? 'copied' : 'replaced';
  if (observed.size < known.position) return 'truncated';
  if (!continues) return 'rewritten';
  return observed.size > known.position ? 'appended' : 'unchanged';
}
