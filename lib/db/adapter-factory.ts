/** The Prisma driver adapter for a database target; the only place that knows both drivers. */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url';

export function createAdapterFactory(target: DatabaseTarget) {
  if (target.dialect === 'postgres') return new PrismaPg({ connectionString: target.url });
  // A busy timeout lets concurrent writers queue instead of failing with SQLITE_BUSY.
  return new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 });
}
