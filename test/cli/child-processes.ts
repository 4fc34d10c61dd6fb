/**
 * Child processes for the watch integration test: the route server (killable, restartable on the
 * same port and database) and the CLI itself, started through bin/reproboard.mjs as a lab would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function track(child: ChildProcess): Child {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

export async function startRouteServer(port: number, databaseUrl: string, timeoutMs = 30_000): Promise<Child & { url: string }> {
  const child = track(
    spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/cli/route-server-main.ts', String(port), databaseUrl], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(child.output())?.[1], timeoutMs, () => `route server did not start:\n${child.output()}`);
  return { ...child, url };
}

export function startCli(args: string[], env: Record<string, string | undefined>): Child {
  return track(spawn(process.execPath, [path.join(ROOT, 'bin/reproboard.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGKILL');
  await child.exited;
}

/** Polls until `probe` returns a value (not undefined/false), or fails after `timeoutMs` with `explain()`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
