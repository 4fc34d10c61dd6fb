/**
 * Serves the production build on a fresh database for the browser tests: migrations and
 * reference data, an admin account, no demo project (tests seed what they need through the HTTP API).
 */
import { rmSync } from 'node:fs';
import { prepareDatabase } from '../../scripts/lib/prepare-database';
import { startNext } from '../../scripts/lib/next-process';
import { assertTestDatabase, E2E_ADMIN, E2E_DATA_DIR, E2E_DATABASE_URL } from './test-database';

async function main() {
  process.env.DATABASE_URL = E2E_DATABASE_URL;
  process.env.REPROBOARD_ADMIN_EMAIL = E2E_ADMIN.email;
  process.env.REPROBOARD_ADMIN_PASSWORD = E2E_ADMIN.password;
  assertTestDatabase(process.env.DATABASE_URL);
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  await prepareDatabase({ demo: false });
  const server = startNext(Number(process.env.E2E_PORT ?? 3211), '127.0.0.1');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
