/** Runs the CLI in-process against a route server, capturing what it prints. */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runCli } from '@/cli/run-cli';
import { signInToRouteServer } from './route-server-admin';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInProcess(argv: string[], env: Record<string, string | undefined>, signal = new AbortController().signal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) }, env }, signal);
  return { code, stdout, stderr };
}

export async function listen(server: { listen: Server['listen']; address: Server['address'] }): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bound, read, then released. */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  const url = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return url;
}

export async function createProject(server: string, slug: string): Promise<string> {
  const response = await fetch(`${server}/api/v1/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signInToRouteServer(server) },
    body: JSON.stringify({ name: slug, slug }),
  });
  if (response.status !== 201) throw new Error(`creating project ${slug}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { apiKey: { key: string } }).apiKey.key;
}
