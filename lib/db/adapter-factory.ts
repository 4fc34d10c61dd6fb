/** The Prisma driver adapter for a database target; the only place that knows both drivers. */
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url';
import { IDLE_CONNECTION_MS } from './pg-pool-settings';
import { SerialPrismaBetterSqlite3 } from './sqlite-serial-adapter';

export function createAdapterFactory(target: DatabaseTarget) {
  // Idle connections stay open (node-postgres closes them after 10 s): reopening one forks a server
  // process and runs a SCRAM handshake, which stalled ingestion under steady load (see pg-raw-sql.ts).
  if (target.dialect === 'postgres') return new PrismaPg({ connectionString: target.url, idleTimeoutMillis: IDLE_CONNECTION_MS, allowExitOnIdle: true });
  // A busy timeout lets concurrent writers queue instead of failing with SQLITE_BUSY; the serial
  // factory keeps a query outside a transaction out of another request's open transaction, in WAL mode.
  return new SerialPrismaBetterSqlite3({ url: target.url, timeout: 10_000 });
}
