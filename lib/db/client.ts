/**
 * The one Prisma client. Both generated clients share one API; the SQLite one supplies the types.
 * Cached on globalThis so Next's dev reloads and test files reuse one connection pool.
 */
import { PrismaClient as SqliteClient } from '@/prisma/generated/sqlite/client';
import { PrismaClient as PostgresClient } from '@/prisma/generated/postgres/client';
import { createAdapterFactory } from './adapter-factory';
import { resolveDatabaseTarget } from './database-url';
import { buildSqliteClient } from './sqlite-connection';

export type Db = SqliteClient;

const cache = globalThis as unknown as { reproboardDb?: { url: string; client: Db } };

export function createDb(url?: string): Db {
  const target = resolveDatabaseTarget(url);
  const adapter = createAdapterFactory(target);
  if (target.dialect === 'postgres') return new PostgresClient({ adapter }) as unknown as Db;
  return buildSqliteClient(adapter, () => new SqliteClient({ adapter }));
}

/** The process-wide client for DATABASE_URL; a changed DATABASE_URL (tests) gets a new one. */
export function getDb(): Db {
  const url = resolveDatabaseTarget().url;
  if (cache.reproboardDb?.url !== url) {
    void cache.reproboardDb?.client.$disconnect();
    cache.reproboardDb = { url, client: createDb(url) };
  }
  return cache.reproboardDb.client;
}

export function isPostgres(): boolean {
  return resolveDatabaseTarget().dialect === 'postgres';
}
