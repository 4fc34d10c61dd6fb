import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReproboardApiError } from '@/lib/client/reproboard-client';
import { FileFollower } from '@/cli/file-follower';
import type { ChunkAck } from '@/cli/follow-totals';
import { OutLogSignals } from '@/cli/out-log-signals';
import { createVolatileMemory, type SegmentMemory } from '@/cli/segment-store';
import { createFakeByteStream } from './fake-byte-stream';

let dir: string;
let file: string;
let warnings: string[];
let opened: FileFollower[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rb-follow-'));
  file = path.join(dir, 'out.log');
  warnings = [];
});
afterEach(async () => {
  for (const follow of opened) await follow.close();
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

function follower(
  send: (offset: number, bytes: Uint8Array) => Promise<ChunkAck>,
  options: { memory?: SegmentMemory; kind?: 'text' | 'binary'; chunkBytes?: number; observer?: OutLogSignals } = {},
) {
  const follow = new FileFollower({
    path: file,
    label: 'out.log',
    kind: options.kind ?? 'text',
    send,
    chunkBytes: options.chunkBytes ?? 16,
    memory: options.memory ?? createVolatileMemory(),
    observer: options.observer,
    warn: (message) => warnings.push(message),
  });
  opened.push(follow);
  return follow;
}

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}\n`).join('');

describe('FileFollower', () => {
  it('starts at the server cursor and sends only what the server lacks', async () => {
    writeFileSync(file, lines(0, 10));
    const stream = createFakeByteStream(lines(0, 4));
    const follow = follower(stream.send);
    follow.setServerCursor(stream.cursor());
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 10));
    expect(stream.sends[0]!.offset).toBe(Buffer.byteLength(lines(0, 4)));
    expect(follow.totals.bytesSent).toBe(Buffer.byteLength(lines(4, 10)));
  });

  it('re-sends from expectedOffset when the server answers 409 offset_gap', async () => {
    writeFileSync(file, lines(0, 10));
    const stream = createFakeByteStream(lines(0, 2));
    const follow = follower(stream.send);
    follow.setServerCursor({ offset: Buffer.byteLength(lines(0, 6)), pendingBytes: 0 });
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 10));
  });

  it('follows appends, including a line split across two writes', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send);
    writeFileSync(file, 'line 0\nline ');
    expect(await follow.poll()).toBe(true);
    appendFileSync(file, '1 end\nline 2\n');
    expect(await follow.poll()).toBe(true);
    expect(await follow.poll()).toBe(false);
    expect(stream.text()).toBe('line 0\nline 1 end\nline 2\n');
  });

  it('treats a truncated log as a new segment, ending the unfinished line first', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send);
    writeFileSync(file, `${lines(0, 3)}half a li`);
    await follow.poll();
    truncateSync(file, 0);
    appendFileSync(file, 'fresh 0\n');
    await follow.poll();
    expect(stream.text()).toBe(`${lines(0, 3)}half a li\nfresh 0\n`);
    expect(warnings.join()).toMatch(/truncated/);
  });

  it('notices a log truncated and refilled past the old size before the next look', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send);
    writeFileSync(file, lines(0, 2));
    await follow.poll();
    writeFileSync(file, lines(100, 110));
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 2) + lines(100, 110));
    expect(warnings.join()).toMatch(/rewritten in place/);
  });

  it('drains a rotated file before following its replacement as a new segment', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send);
    writeFileSync(file, lines(0, 3));
    await follow.poll();
    appendFileSync(file, lines(3, 5));
    renameSync(file, `${file}.1`);
    writeFileSync(file, lines(50, 52));
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 5) + lines(50, 52));
    expect(warnings.join()).toMatch(/replaced by a new file/);
  });

  it('continues silently when the file is replaced by a copy with more content (rsync)', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send);
    writeFileSync(file, lines(0, 3));
    await follow.poll();
    writeFileSync(`${file}.tmp`, lines(0, 6));
    renameSync(`${file}.tmp`, file);
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 6));
    expect(warnings).toEqual([]);
  });

  it('after a restart, uses the segment memory to place a rotated file in the stream', async () => {
    const stream = createFakeByteStream();
    const memory = createVolatileMemory();
    const first = follower(stream.send, { memory });
    writeFileSync(file, lines(0, 3));
    await first.poll();
    truncateSync(file, 0);
    appendFileSync(file, lines(10, 12));
    await first.poll();
    await first.close();
    appendFileSync(file, lines(12, 14));

    const restarted = follower(stream.send, { memory });
    restarted.setServerCursor(stream.cursor());
    await restarted.poll();
    expect(stream.text()).toBe(lines(0, 3) + lines(10, 14));
  });

  it('after a restart, sends a different file under the same name as a new segment', async () => {
    const stream = createFakeByteStream();
    const memory = createVolatileMemory();
    const first = follower(stream.send, { memory });
    writeFileSync(file, lines(0, 3));
    await first.poll();
    await first.close();
    writeFileSync(file, lines(200, 210));

    const restarted = follower(stream.send, { memory });
    restarted.setServerCursor(stream.cursor());
    await restarted.poll();
    expect(stream.text()).toBe(lines(0, 3) + lines(200, 210));
    expect(warnings.join()).toMatch(/not the file followed before/);
  });

  it('stops following a binary file that was rewritten instead of splicing it', async () => {
    const stream = createFakeByteStream();
    const follow = follower(stream.send, { kind: 'binary' });
    writeFileSync(file, Buffer.alloc(40, 1));
    await follow.poll();
    truncateSync(file, 0);
    writeFileSync(file, Buffer.alloc(10, 2));
    await follow.poll();
    expect(follow.isStopped).toBe(true);
    expect(stream.offset).toBe(40);
    expect(warnings.join()).toMatch(/cannot take a rewritten event file/);
  });

  it('halves the chunk size when the server says a chunk is too large', async () => {
    const stream = createFakeByteStream();
    let refusals = 0;
    const follow = follower(async (offset, bytes) => {
      if (bytes.length > 3000) {
        refusals += 1;
        throw new ReproboardApiError(413, 'payload_too_large', 'body: larger than the limit', { limitBytes: 3000 });
      }
      return stream.send(offset, bytes);
    }, { chunkBytes: 8192 });
    writeFileSync(file, lines(0, 2000));
    await follow.poll();
    expect(stream.text()).toBe(lines(0, 2000));
    expect(stream.sends.every((send) => send.length <= 8192)).toBe(true);
    expect(refusals).toBe(1);
  });

  it('shows the observer each byte once, including what the server had before a restart', async () => {
    const signals = new OutLogSignals();
    const stream = createFakeByteStream('x | INFO |   epochs: 2\n');
    writeFileSync(file, 'x | INFO |   epochs: 2\nx | INFO | Eval Epoch: 2 imagenet-zeroshot-val-top1: 0.1000\n');
    const follow = follower(stream.send, { observer: signals });
    follow.setServerCursor(stream.cursor());
    await follow.poll();
    expect(signals.signals).toMatchObject({ expectedEpochs: 2, lastEvalEpoch: 2 });
  });
});
