import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from './sqlite-statement-cache';
import { processWide } from '@/lib/process-wide';

export type SqliteConnection = BetterSqlite3.Database;

/** Per client: the connection its adapter opened most recently (Prisma reconnects after $disconnect). */
const connections = processWide('sqlite-connections', () => new WeakMap<object, { current: SqliteConnection | null }>());

function isConnection(value: unknown): value is SqliteConnection {
  const candidate = value as Partial<SqliteConnection> | null;
  return typeof candidate?.prepare === 'function' && typeof candidate.inTransaction === 'boolean' && typeof candidate.open === 'boolean';
}

/**
 * Builds a Prisma client on a SQLite adapter factory and remembers the better-sqlite3 connection the
 * adapter opens, so bulk writes can run prepared statements on it. Prisma's better-sqlite3 adapter
 * runs every query, transactions included, on that one connection, so a statement run there inside
 * `$transaction` belongs to that transaction. The adapter keeps the connection in an undocumented
 * `client` field, which is also where its statement cache goes in (sqlite-statement-cache.ts); should
 * an adapter upgrade move it, nothing is remembered and writers take their
 * Prisma path (lib/db/sqlite-metric-points.test.ts then fails, so the slowdown is not silent).
 */
export function buildSqliteClient<Client extends object>(factory: unknown, build: () => Client): Client {
  const opened: { current: SqliteConnection | null } = { current: null };
  if (factory instanceof PrismaBetterSqlite3) {
    const connect = factory.connect.bind(factory);
    // Wrapped before the client exists, so not even an eager first connect is missed.
    factory.connect = async () => {
      const adapter = await connect();
      const holder = adapter as unknown as { client?: unknown };
      const connection = holder.client;
      opened.current = isConnection(connection) ? connection : null;
      if (opened.current) holder.client = withStatementCache(opened.current);
      return adapter;
    };
  }
  const client = build();
  connections.set(client, opened);
  return client;
}

/** The open better-sqlite3 connection under a client; null on PostgreSQL or before the client connected. */
export function findSqliteConnection(client: object): SqliteConnection | null {
  const connection = connections.get(client)?.current;
  return connection?.open ? connection : null;
}
