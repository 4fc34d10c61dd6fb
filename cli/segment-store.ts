/**
 * Remembers, on the watching machine, where each followed text file starts in the server's byte
 * stream ("segment base") and a hash of its first bytes. Offsets always come from the server; this
 * only matters after a truncation or rotation (base > 0) and to recognise, after a restart, that
 * out.log is no longer the file that was followed before. Losing it is not fatal: see docs/CLI.md.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Environment } from './cli-io';

export interface SegmentRecord {
  /** Offset in the server's stream of this file's byte 0. */
  base: number;
  /** sha256 of the file's first `headLength` bytes. */
  headHash: string;
  headLength: number;
}

export interface SegmentMemory {
  read(): SegmentRecord | undefined;
  write(record: SegmentRecord): void;
}

export interface StoreKey {
  server: string;
  project: string;
  run: string;
}

export function defaultStateDir(env: Environment): string {
  if (env.REPROBOARD_STATE_DIR) return env.REPROBOARD_STATE_DIR;
  const stateHome = env.XDG_STATE_HOME || path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(stateHome, 'reproboard');
}

interface StoreFile extends StoreKey {
  sources: Record<string, SegmentRecord>;
}

/** One JSON file per (server, project, run); written atomically (temp file + rename). */
export function openSegmentStore(dir: string, key: StoreKey, warn: (message: string) => void): (source: string) => SegmentMemory {
  const id = createHash('sha256').update(`${key.server}\n${key.project}\n${key.run}`).digest('hex').slice(0, 20);
  const file = path.join(dir, `${id}.json`);
  let content: StoreFile = { ...key, sources: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreFile>;
    if (parsed.sources && typeof parsed.sources === 'object') content = { ...key, sources: parsed.sources };
  } catch {
    // No memory yet (or unreadable): every file starts at the server's stream start.
  }
  let warned = false;
  const save = () => {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 1));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      if (!warned) warn(`cannot write the segment memory ${file} (${(error as Error).message}); set REPROBOARD_STATE_DIR to a writable folder`);
      warned = true;
    }
  };
  return (source) => ({
    read: () => content.sources[source],
    write: (record) => {
      content.sources[source] = record;
      save();
    },
  });
}

/** A memory that forgets: used when nothing may be written (tests, read-only machines). */
export function createVolatileMemory(): SegmentMemory {
  let record: SegmentRecord | undefined;
  return { read: () => record, write: (next) => void (record = next) };
}
