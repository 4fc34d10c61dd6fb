/**
 * The one Prisma client. Both generated clients share one API; the SQLite one supplies the types.
 * Cached on globalThis so Next's dev reloads and test files reuse one connection pool.
 */
import { PrismaClient as SqliteClient } from '@/prisma/generated/sqlite/client';
import { PrismaClient as PostgresClient } from '@/prisma/generated/postgres/client';
import { createAdapterFactory } from './adapter-factory';
import { processWide } from '@/lib/process-wide';
import { resolveDatabaseTarget, type DatabaseTarget } from './database-url';
import { buildSqliteClient } from './sqlite-connection';

export type Db = SqliteClient;

const cache = globalThis as unknown as { reproboardDb?: { url: string; client: Db } };

/** The database each client was created for (see targetOf). */
const targets = processWide('db-targets', () => new WeakMap<object, DatabaseTarget>());

export function createDb(url?: string): Db {
  const target = resolveDatabaseTarget(url);
  const adapter = createAdapterFactory(target);
  const client = target.dialect === 'postgres' ? (new PostgresClient({ adapter }) as unknown as Db) : buildSqliteClient(adapter, () => new SqliteClient({ adapter }));
  targets.set(client, target);
  return client;
}

/** The database a client of createDb talks to, for code that reaches it without Prisma (lib/db/ingest-sql.ts). */
export function targetOf(db: Db): DatabaseTarget | undefined {
  return targets.get(db);
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
