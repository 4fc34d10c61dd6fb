/**
 * Recognises the files of an OpenCLIP run folder (LOG_FORMATS section 1) among whatever the browser
 * hands over: a dropped or chosen folder (paths like `run/checkpoints/results.jsonl`) or loose
 * files (bare names). Everything else is listed as ignored with a reason, never read.
 */
import { isEventFileName } from '@/lib/ingest/tfevents/event-file-name';

export type RunFileKind = 'params' | 'outLog' | 'results' | 'tfevents';

export interface PickedFile {
  /** Path as the browser gives it: `webkitRelativePath`, a dropped entry's `fullPath`, or the bare name. */
  path: string;
  size: number;
}

export interface FoundRunFile<T extends PickedFile> {
  item: T;
  kind: RunFileKind;
  /** Path inside the run folder, e.g. `checkpoints/results.jsonl`. */
  relativePath: string;
  /** The event file's own name, which the tfevents route takes; the file name otherwise. */
  name: string;
}

export interface IgnoredRunFile<T extends PickedFile> {
  item: T;
  relativePath: string;
  reason: string;
}

export interface RunFolderContents<T extends PickedFile> {
  /** The common top folder when a folder was picked; null for loose files. */
  folderName: string | null;
  found: FoundRunFile<T>[];
  ignored: IgnoredRunFile<T>[];
}

const RANK_LOG = /^out-(\d+)$/;

function segmentsOf(path: string): string[] {
  return path.split(/[\\/]+/).filter((part) => part.length > 0 && part !== '.');
}

/** The top folder shared by every path, when every path lies inside one. */
function commonFolder(paths: string[][]): string | null {
  const first = paths[0]?.[0];
  if (first === undefined) return null;
  return paths.every((parts) => parts.length >= 2 && parts[0] === first) ? first : null;
}

function kindOf(parts: string[]): RunFileKind | string {
  const name = parts.at(-1) ?? '';
  const dir = parts.slice(0, -1).join('/');
  if (dir === '' && (name === 'out.log' || RANK_LOG.test(name))) return 'outLog';
  if (dir === '' && name === 'params.txt') return 'params';
  if ((dir === 'checkpoints' || dir === '') && name === 'results.jsonl') return 'results';
  if ((dir === 'tensorboard' || dir === '') && isEventFileName(name)) return 'tfevents';
  if (name.endsWith('.pt') || parts[0] === 'checkpoints') return 'model checkpoint: not uploaded';
  if (parts[0] === 'code') return 'copy of the training code: not uploaded';
  if (parts[0] === 'tensorboard') return 'not a TensorBoard event file';
  return 'not a file Reproboard reads';
}

/** Rank of a log file for choosing one: out.log first, then out-<rank> by rank. */
function logRank(name: string): number {
  const match = RANK_LOG.exec(name);
  return match ? Number(match[1]) : -1;
}

/**
 * Splits picked files into run files and ignored ones. A run has one log stream, so only out.log
 * (or, with --log-local, the lowest-ranked out-<rank>) is kept; checkpoints/results.jsonl wins
 * over a loose results.jsonl.
 */
export function classifyRunFiles<T extends PickedFile>(items: readonly T[]): RunFolderContents<T> {
  const split = items.map((item) => segmentsOf(item.path));
  const folderName = commonFolder(split);
  const found: FoundRunFile<T>[] = [];
  const ignored: IgnoredRunFile<T>[] = [];
  items.forEach((item, index) => {
    const parts = folderName === null ? split[index]! : split[index]!.slice(1);
    const relativePath = parts.join('/');
    const kind = kindOf(parts);
    if (kind === 'params' || kind === 'outLog' || kind === 'results' || kind === 'tfevents') {
      found.push({ item, kind, relativePath, name: parts.at(-1) ?? relativePath });
    } else {
      ignored.push({ item, relativePath, reason: kind });
    }
  });
  return { folderName, found: keepOnePerSingleKind(found, ignored), ignored };
}

function keepOnePerSingleKind<T extends PickedFile>(found: FoundRunFile<T>[], ignored: IgnoredRunFile<T>[]): FoundRunFile<T>[] {
  const chosen = new Map<RunFileKind, FoundRunFile<T>>();
  const better = (a: FoundRunFile<T>, b: FoundRunFile<T>) =>
    a.kind === 'outLog' ? logRank(a.name) < logRank(b.name) : a.relativePath.length > b.relativePath.length;
  for (const file of found) {
    if (file.kind === 'tfevents') continue;
    const current = chosen.get(file.kind);
    if (!current || better(file, current)) chosen.set(file.kind, file);
  }
  const seenEvents = new Set<string>();
  return found.filter((file) => {
    if (file.kind === 'tfevents') {
      if (!seenEvents.has(file.name)) return seenEvents.add(file.name), true;
      ignored.push({ item: file.item, relativePath: file.relativePath, reason: 'an event file of the same name is already listed' });
      return false;
    }
    if (chosen.get(file.kind) === file) return true;
    const reason = file.kind === 'outLog' ? `another log of the run: only ${chosen.get('outLog')!.relativePath} is read` : `duplicate: ${chosen.get(file.kind)!.relativePath} is used`;
    ignored.push({ item: file.item, relativePath: file.relativePath, reason });
    return false;
  });
}
