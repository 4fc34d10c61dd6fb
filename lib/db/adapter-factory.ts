/** The Prisma driver adapter for a database target; the only place that knows both drivers. */
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url';
import { SerialPrismaBetterSqlite3 } from './sqlite-serial-adapter';

export function createAdapterFactory(target: DatabaseTarget) {
  if (target.dialect === 'postgres') return new PrismaPg({ connectionString: target.url });
  // A busy timeout lets concurrent writers queue instead of failing with SQLITE_BUSY; the serial
  // factory keeps a query outside a transaction out of another request's open transaction, in WAL mode.
  return new SerialPrismaBetterSqlite3({ url: target.url, timeout: 10_000 });
}
