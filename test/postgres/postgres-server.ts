/**
 * Typed access to scripts/lib/postgres-server.mjs (plain JavaScript so that scripts/test-all.mjs can
 * use it without tsx; the project does not type-check JavaScript, hence the interface here).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PostgresServerModule {
  ensurePostgres(options?: { log?: (line: string) => void }): Promise<string>;
  postgresSkipped(env?: NodeJS.ProcessEnv): boolean;
  PostgresUnavailableError: new (message: string) => Error;
  TEST_ROLE: string;
}

const MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/lib/postgres-server.mjs')).href;

export async function loadPostgresServer(): Promise<PostgresServerModule> {
  return (await import(/* @vite-ignore */ MODULE)) as PostgresServerModule;
}
