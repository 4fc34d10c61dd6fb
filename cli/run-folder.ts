/**
 * Where an OpenCLIP run folder keeps its files (LOG_FORMATS section 1): `out.log`, `params.txt`,
 * `checkpoints/results.jsonl` and, with `--report-to tensorboard`, `tensorboard/events.out.tfevents.*`.
 * The run key defaults to the folder name, which OpenCLIP makes unique per run (`--name`).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isEventFileName } from '../lib/ingest/tfevents/event-file-name';
import { runKeySchema } from '../lib/schemas/run';
import { CliError, UsageError } from './cli-error';
import { explainFileFailure } from './explain-failure';

export interface RunFolder {
  dir: string;
  runKey: string;
  outLog: string;
  paramsTxt: string;
  resultsJsonl: string;
  tensorboardDir: string;
}

export function describeRunFolder(dir: string, runKey?: string): RunFolder {
  const absolute = path.resolve(dir);
  const key = runKey ?? path.basename(absolute);
  const parsed = runKeySchema.safeParse(key);
  if (!parsed.success) throw new UsageError(`run key "${key}": ${parsed.error.issues[0]?.message}; pass another one with --run`);
  return {
    dir: absolute,
    runKey: key,
    outLog: path.join(absolute, 'out.log'),
    paramsTxt: path.join(absolute, 'params.txt'),
    resultsJsonl: path.join(absolute, 'checkpoints', 'results.jsonl'),
    tensorboardDir: path.join(absolute, 'tensorboard'),
  };
}

/** Event file names in the folder's tensorboard/ directory, oldest launch first (names start with a timestamp). */
export async function listEventFiles(folder: RunFolder): Promise<string[]> {
  try {
    return (await readdir(folder.tensorboardDir)).filter(isEventFileName).sort();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw explainFileFailure(folder.tensorboardDir, error);
  }
}

/** false when the folder does not exist (yet); throws when it is not a readable directory. */
export async function runFolderExists(folder: RunFolder): Promise<boolean> {
  try {
    const info = await stat(folder.dir);
    if (!info.isDirectory()) throw new CliError(`${folder.dir} is not a directory`, 'pass the run folder (the one holding out.log and params.txt)');
    await readdir(folder.dir);
    return true;
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw explainFileFailure(folder.dir, error);
  }
}

/** The run files that exist, for messages and for refusing a folder that is not a run folder. */
export async function presentRunFiles(folder: RunFolder): Promise<string[]> {
  const candidates = [folder.outLog, folder.paramsTxt, folder.resultsJsonl];
  const present: string[] = [];
  for (const file of candidates) {
    try {
      await stat(file);
      present.push(file);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw explainFileFailure(file, error);
    }
  }
  const events = await listEventFiles(folder);
  return [...present, ...events.map((name) => path.join(folder.tensorboardDir, name))];
}
