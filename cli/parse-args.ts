/**
 * Turns argv (after `reproboard`) and the environment into one typed command. Flags beat environment
 * variables, which beat defaults; anything wrong is a UsageError that names the flag.
 */
import { parseArgs } from 'node:util';
import { runStatuses } from '../lib/schemas/run';
import { CliError, UsageError } from './cli-error';
import { defaultStateDir } from './segment-store';
import type { Environment } from './cli-io';

export const DEFAULT_SERVER = 'http://127.0.0.1:3000';
const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

interface CommonOptions {
  server: string;
  project: string;
  key: string;
  runKey?: string;
  name?: string;
  chunkBytes: number;
  stateDir: string;
  tensorboard: boolean;
}

export interface WatchOptions extends CommonOptions {
  command: 'watch';
  dir: string;
  intervalMs: number;
  heartbeatMs: number;
  graceMs: number;
  maxSilenceMs: number;
  finishOnExitPid: number | null;
  once: boolean;
  autoFinish: boolean;
  quiet: boolean;
}

export interface ImportOptions extends CommonOptions {
  command: 'import';
  dirs: string[];
  status: (typeof runStatuses)[number];
  verbose: boolean;
}

export type CliCommand = { command: 'help'; topic: 'watch' | 'import' | null } | { command: 'version' } | WatchOptions | ImportOptions;

const optionSpec = {
  server: { type: 'string' },
  project: { type: 'string' },
  key: { type: 'string' },
  run: { type: 'string' },
  name: { type: 'string' },
  'chunk-bytes': { type: 'string' },
  'state-dir': { type: 'string' },
  'no-tensorboard': { type: 'boolean' },
  interval: { type: 'string' },
  heartbeat: { type: 'string' },
  grace: { type: 'string' },
  'max-silence': { type: 'string' },
  'finish-on-exit': { type: 'string' },
  once: { type: 'boolean' },
  'no-finish': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  status: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof optionSpec;
const watchOnly: OptionName[] = ['interval', 'heartbeat', 'grace', 'max-silence', 'finish-on-exit', 'once', 'no-finish', 'quiet'];
const importOnly: OptionName[] = ['status', 'verbose'];

function parseSeconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${flag} must be a positive number of seconds, got "${value}"`);
  return Math.round(number * 1000);
}

function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--server must be a URL such as ${DEFAULT_SERVER}, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// URL, got "${value}"`);
  return value.replace(/\/+$/, '');
}

function parseRaw(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function parseCliArgs(argv: string[], env: Environment): CliCommand {
  const { values, positionals } = parseRaw(argv);
  const [command, ...rest] = positionals;
  if (values.version) return { command: 'version' };
  if (command === undefined || command === 'help') return { command: 'help', topic: rest[0] === 'watch' || rest[0] === 'import' ? rest[0] : null };
  if (command !== 'watch' && command !== 'import') throw new UsageError(`unknown command "${command}": use "watch" or "import"`);
  if (values.help) return { command: 'help', topic: command };

  const misplaced = (command === 'watch' ? importOnly : watchOnly).find((name) => values[name] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced} is not an option of "${command}"`);
  if (rest.length === 0) throw new UsageError(`"${command}" needs a run folder: reproboard ${command} <run-dir>${command === 'import' ? '...' : ''}`);
  if (command === 'watch' && rest.length > 1) throw new UsageError(`"watch" follows one run folder; start one watcher per run (got ${rest.length} folders)`);
  if ((values.run !== undefined || values.name !== undefined) && rest.length > 1) {
    throw new UsageError('--run and --name name one run; they cannot be used with several folders');
  }

  const project = values.project ?? env.REPROBOARD_PROJECT;
  if (!project) throw new CliError('no project given', 'pass --project <slug> or set REPROBOARD_PROJECT (the slug is in the project page URL)', 2);
  const key = values.key ?? env.REPROBOARD_KEY;
  if (!key) throw new CliError('no API key given', 'set REPROBOARD_KEY (or pass --key); the key is shown once when the project is created', 2);
  const chunkBytes = values['chunk-bytes'] === undefined ? DEFAULT_CHUNK_BYTES : Number(values['chunk-bytes']);
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1024) throw new UsageError(`--chunk-bytes must be a whole number of bytes, at least 1024, got "${values['chunk-bytes']}"`);

  const common: CommonOptions = {
    server: parseServerUrl(values.server ?? env.REPROBOARD_SERVER ?? DEFAULT_SERVER),
    project,
    key,
    runKey: values.run,
    name: values.name,
    chunkBytes,
    stateDir: values['state-dir'] ?? defaultStateDir(env),
    tensorboard: !values['no-tensorboard'],
  };

  if (command === 'import') {
    const status = values.status ?? 'finished';
    if (!(runStatuses as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${runStatuses.join(', ')}, got "${status}"`);
    return { ...common, command, dirs: rest, status: status as ImportOptions['status'], verbose: values.verbose ?? false };
  }

  let finishOnExitPid: number | null = null;
  if (values['finish-on-exit'] !== undefined) {
    finishOnExitPid = Number(values['finish-on-exit']);
    if (!Number.isInteger(finishOnExitPid) || finishOnExitPid <= 0) throw new UsageError(`--finish-on-exit takes a process id, got "${values['finish-on-exit']}"`);
  }
  if (values.once && values['no-finish']) throw new UsageError('--once marks the run finished; it cannot be combined with --no-finish');
  return {
    ...common,
    command,
    dir: rest[0]!,
    intervalMs: parseSeconds('interval', values.interval, 2),
    heartbeatMs: parseSeconds('heartbeat', values.heartbeat, 30),
    graceMs: parseSeconds('grace', values.grace, 60),
    maxSilenceMs: parseSeconds('max-silence', values['max-silence'], 1800),
    finishOnExitPid,
    once: values.once ?? false,
    autoFinish: !values['no-finish'],
    quiet: values.quiet ?? false,
  };
}
