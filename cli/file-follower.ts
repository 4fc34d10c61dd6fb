/**
 * Follows one growing file into the server's byte stream for it (out.log, or a TensorBoard event
 * file), with the server's cursor as the source of truth: it starts where the server says it has
 * data, re-sends from `expectedOffset` after a 409, and lets the server skip bytes it already has.
 *
 * Truncation and rotation: the server's stream can only grow, so a text log that shrinks, is
 * rewritten or is replaced continues as a new *segment* appended to the stream (after a newline if
 * the server holds an unfinished line). Binary event files cannot be spliced, so following stops.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ReproboardApiError } from '../lib/client/reproboard-client';
import { classifyFailure } from './classify-failure';
import { detectFileChange, isSameIdentity, TAIL_BYTES, type FileIdentity } from './detect-file-change';
import { explainFileFailure } from './explain-failure';
import { EMPTY_SHA256, readAt, sha256 } from './file-bytes';
import { addAck, createFollowTotals, type ChunkAck } from './follow-totals';
import type { SegmentMemory } from './segment-store';

/** Sees every byte of the file once, in order (used to spot the final eval line). */
export interface ByteObserver {
  startSegment(): void;
  push(fileOffset: number, bytes: Uint8Array): void;
}

export interface FollowerOptions {
  path: string;
  /** The file's name in messages and in the server's cursors: `out.log`, `tensorboard/<file>`. */
  label: string;
  send: (offset: number, bytes: Uint8Array) => Promise<ChunkAck>;
  chunkBytes: number;
  kind: 'text' | 'binary';
  memory?: SegmentMemory;
  observer?: ByteObserver;
  warn: (message: string) => void;
  onAck?: (ack: ChunkAck, bytesCovered: number) => void;
}

const HEAD_BYTES = 4096;
const SCAN_BYTES = 1 << 20;

export class FileFollower {
  readonly totals = createFollowTotals();
  private handle: FileHandle | null = null;
  private identity: FileIdentity | null = null;
  private base = 0;
  private position = 0;
  private tail: Uint8Array = new Uint8Array(0);
  private serverOffset = 0;
  private serverPending = 0;
  private resolved = false;
  private stopped = false;
  private lastSize = -1;
  private chunkBytes: number;

  constructor(private readonly options: FollowerOptions) {
    this.chunkBytes = options.chunkBytes;
  }

  /** Where the server's stream for this file stands (from GET run detail); absent = empty. */
  setServerCursor(cursor: { offset: number; pendingBytes: number } | undefined): void {
    this.serverOffset = cursor?.offset ?? 0;
    this.serverPending = cursor?.pendingBytes ?? 0;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Bytes of the current file that the server has. */
  get sentPosition(): number {
    return this.position;
  }

  /** Sends everything the file has beyond the server's cursor; true when the file changed since the last poll. */
  async poll(): Promise<boolean> {
    if (this.stopped) return false;
    const observed = await this.statFile();
    if (!observed) {
      if (this.handle) await this.retireHandle();
      return false;
    }
    const identity = { dev: observed.dev, ino: observed.ino };
    const grew = observed.size !== this.lastSize || !this.identity || !isSameIdentity(identity, this.identity);
    this.lastSize = observed.size;
    if (this.handle && this.identity && !isSameIdentity(identity, this.identity)) await this.retireHandle();
    if (!this.handle) this.handle = await this.openFile();
    if (!this.resolved) await this.resolveFromServer(identity, observed.size);
    else await this.reconcile(identity, observed.size);
    if (!this.stopped) await this.drain();
    await this.rememberHead();
    return grew;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async statFile() {
    try {
      const observed = await stat(this.options.path);
      if (observed.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      return observed;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw explainFileFailure(this.options.path, error);
    }
  }

  private async openFile(): Promise<FileHandle> {
    try {
      return await open(this.options.path, 'r');
    } catch (error) {
      throw explainFileFailure(this.options.path, error);
    }
  }

  /** The name now points elsewhere (or nowhere): send what the old file still had, then let it go. */
  private async retireHandle(): Promise<void> {
    await this.drain();
    await this.handle?.close();
    this.handle = null;
  }

  /** First look in this process: place the file in the server's stream using the cursor and the segment memory. */
  private async resolveFromServer(identity: FileIdentity, size: number): Promise<void> {
    this.resolved = true;
    this.identity = identity;
    const record = this.options.kind === 'text' ? this.options.memory?.read() : undefined;
    const { label } = this.options;
    if (record && !(await this.headMatches(record.headLength, record.headHash, size))) {
      this.options.warn(`${label} is not the file followed before (its first bytes differ): sending it as a new segment after the ${this.serverOffset} bytes the server has`);
      return this.startSegment();
    }
    this.base = record?.base ?? 0;
    this.position = this.serverOffset - this.base;
    if (this.position > size) {
      const what = `${label} (${size} bytes) is shorter than what the server already has of it (${this.position} bytes)`;
      if (this.options.kind === 'binary') return this.stop(`${what}: it was rewritten, and the server cannot take a rewritten event file; not sending it`);
      this.options.warn(`${what}: it was truncated or replaced while nobody watched; sending it as a new segment`);
      return this.startSegment();
    }
    if (this.position < 0) {
      this.options.warn(`the server has only ${this.serverOffset} bytes of ${label}, less than where this file starts (${this.base}): it lost data (restored database?); re-sending ${label} from its start`);
      return this.startSegment();
    }
    await this.scanPrefix();
    this.tail = await readAt(this.handle!, Math.max(0, this.position - TAIL_BYTES), Math.min(TAIL_BYTES, this.position));
  }

  private async reconcile(identity: FileIdentity, size: number): Promise<void> {
    const before = size >= this.position ? await readAt(this.handle!, this.position - this.tail.length, this.tail.length) : null;
    const change = detectFileChange({ identity: this.identity!, position: this.position, tail: this.tail }, { identity, size, bytesBeforePosition: before });
    this.identity = identity;
    if (change === 'unchanged' || change === 'appended' || change === 'copied') return;
    const { label } = this.options;
    const what = {
      truncated: `${label} shrank below the ${this.position} bytes already sent (truncated)`,
      rewritten: `${label} was rewritten in place (the bytes before ${this.position} changed)`,
      replaced: `${label} was replaced by a new file (rotated?)`,
    }[change];
    if (this.options.kind === 'binary') return this.stop(`${what}: the server cannot take a rewritten event file; no longer sending it`);
    this.options.warn(`${what}: sending the new content as a new segment; what the server has stays`);
    await this.startSegment();
  }

  /** Continues the server's stream with this file from its byte 0, after ending any unfinished line. */
  private async startSegment(): Promise<void> {
    if (this.options.kind === 'binary') return this.stop(`${this.options.label} cannot be re-sent as a new segment`);
    if (this.serverPending > 0) {
      try {
        this.recordAck(await this.options.send(this.serverOffset, Buffer.from('\n')), 0);
      } catch (error) {
        if (classifyFailure(error) !== 'offset-gap') throw error;
        this.serverOffset = Number((error as ReproboardApiError).details?.expectedOffset ?? this.serverOffset);
      }
    }
    this.base = this.serverOffset;
    this.position = 0;
    this.tail = new Uint8Array(0);
    this.options.observer?.startSegment();
    this.options.memory?.write({ base: this.base, headHash: EMPTY_SHA256, headLength: 0 });
  }

  /** Stops following this file for good, saying why (a binary file the server refuses). */
  abandon(message: string): void {
    this.stop(message);
  }

  private stop(message: string): void {
    this.stopped = true;
    this.options.warn(message);
  }

  /** Sends from the position to the end of the open file, chunk by chunk. */
  private async drain(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    for (;;) {
      const size = (await handle.stat()).size;
      if (this.position >= size) break;
      const bytes = await readAt(handle, this.position, Math.min(this.chunkBytes, size - this.position));
      if (bytes.length === 0) break;
      this.options.observer?.push(this.position, bytes);
      await this.sendAt(bytes);
    }
    this.tail = await readAt(handle, Math.max(0, this.position - TAIL_BYTES), Math.min(TAIL_BYTES, this.position));
  }

  private async sendAt(bytes: Uint8Array): Promise<void> {
    const start = this.position;
    try {
      const ack = await this.options.send(this.base + start, bytes);
      this.recordAck(ack, Math.max(0, ack.offset - this.base - start));
    } catch (error) {
      const kind = classifyFailure(error);
      const details = (error as ReproboardApiError).details ?? {};
      if (kind === 'offset-gap' && Number.isFinite(Number(details.expectedOffset))) {
        this.serverOffset = Number(details.expectedOffset);
        if (this.serverOffset >= this.base) {
          this.position = this.serverOffset - this.base;
          return;
        }
        this.options.warn(`the server has only ${this.serverOffset} bytes of ${this.options.label}, less than where this file starts (${this.base}); re-sending it from its start`);
        this.base = this.serverOffset;
        this.position = 0;
        this.options.memory?.write({ base: this.base, headHash: EMPTY_SHA256, headLength: 0 });
        return;
      }
      if (kind === 'too-large' && this.chunkBytes > 1024) {
        const limit = Number(details.limitBytes) || this.chunkBytes;
        this.chunkBytes = Math.max(1024, Math.floor(Math.min(limit, this.chunkBytes) / 2));
        this.options.warn(`the server takes smaller chunks; sending ${this.options.label} in chunks of ${this.chunkBytes} bytes`);
        return;
      }
      throw error;
    }
  }

  private recordAck(ack: ChunkAck, covered: number): void {
    this.position = Math.max(this.position, ack.offset - this.base);
    this.serverOffset = ack.offset;
    this.serverPending = ack.pendingBytes ?? 0;
    addAck(this.totals, ack, covered);
    this.options.onAck?.(ack, covered);
  }

  private async headMatches(length: number, hash: string, size: number): Promise<boolean> {
    if (size < length) return false;
    return sha256(await readAt(this.handle!, 0, length)) === hash;
  }

  /** Remembers the first bytes of the current segment, so a restarted watcher recognises the file. */
  private async rememberHead(): Promise<void> {
    const memory = this.options.kind === 'text' ? this.options.memory : undefined;
    if (!memory || !this.handle || this.stopped) return;
    const want = Math.min(HEAD_BYTES, this.position);
    const record = memory.read();
    if (record && record.base === this.base && record.headLength >= want) return;
    memory.write({ base: this.base, headHash: sha256(await readAt(this.handle, 0, want)), headLength: want });
  }

  /** Shows the observer what the server already had, so a restarted watcher still knows what was logged. */
  private async scanPrefix(): Promise<void> {
    const observer = this.options.observer;
    if (!observer || !this.handle) return;
    for (let offset = 0; offset < this.position; offset += SCAN_BYTES) {
      observer.push(offset, await readAt(this.handle, offset, Math.min(SCAN_BYTES, this.position - offset)));
    }
  }
}
