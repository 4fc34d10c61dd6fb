import { keepLastPointPerStep } from '../dedupe-points';
import type { MetricPointInput } from '../metric-point';
import type { TfRecordProblem } from './tfrecord-reader';
import { parseTfeventsFile, type TfeventsOptions } from './tfevents-parser';

/** The writer's creation time from `events.out.tfevents.<unix seconds>.<host>…`, if the name has one. */
function readCreationTime(name: string): number {
  const match = /^events\.out\.tfevents\.(\d+)/.exec(name);
  return match ? Number(match[1]) : Number.NEGATIVE_INFINITY;
}

/**
 * Orders a folder's event files oldest first: by the creation time in the name, then by name (the
 * trailing counter of files a process opened in the same second). Reading them in this order lets the
 * later file win where a restarted writer logged a step again, as the store's upsert does.
 */
export function orderEventFiles<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => readCreationTime(a.name) - readCreationTime(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface TfeventsFolderResult {
  points: MetricPointInput[];
  files: { name: string; recordsRead: number; pointsRead: number; skippedValues: number; corrupt: TfRecordProblem[] }[];
}

/** Merges every event file of one run folder (a writer starts a new file on each launch or flush). */
export function parseTfeventsFolder(files: readonly { name: string; bytes: Uint8Array }[], options: TfeventsOptions = {}): TfeventsFolderResult {
  const points: MetricPointInput[] = [];
  const reports: TfeventsFolderResult['files'] = [];
  for (const file of orderEventFiles(files)) {
    const result = parseTfeventsFile(file.bytes, options);
    points.push(...result.points);
    reports.push({ name: file.name, recordsRead: result.recordsRead, pointsRead: result.points.length, skippedValues: result.skippedValues, corrupt: result.corrupt });
  }
  return { points: keepLastPointPerStep(points), files: reports };
}
