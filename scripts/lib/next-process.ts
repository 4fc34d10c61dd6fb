/** Runs the Next.js CLI of this checkout, with telemetry off (the machine has no network). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
// Read at call time: callers set DATABASE_URL after importing this module.
const nextEnv = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

export function buildNext(): void {
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: nextEnv() });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

export function startNext(port: number, host: string): ChildProcess {
  return spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', host], { stdio: 'inherit', env: nextEnv() });
}

export async function waitForServer(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}
