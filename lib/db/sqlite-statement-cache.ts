import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteConnection } from './sqlite-connection';

/** Statements kept per connection; Prisma's queries of this app are a few hundred distinct texts. */
const CAPACITY = 512;
/** Longer texts are one-offs (bulk inserts with their values inlined): preparing them again costs nothing extra. */
const LONGEST_CACHED_SQL = 4096;

/** The slice of a prepared statement Prisma's better-sqlite3 adapter uses. */
interface AdapterStatement {
  readonly reader: boolean;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

function boundStatement(statement: BetterSqlite3.Statement, args: unknown[]): AdapterStatement {
  return {
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  };
}

/**
 * The connection as Prisma's better-sqlite3 adapter should see it: the adapter prepares every query
 * anew (`prepare(sql).bind(args)`), which under ingest load was about 7 % of the server's CPU. Here
 * `prepare` returns a statement from a per-connection cache, bound per call instead of for good
 * (better-sqlite3 allows `bind` once per statement). Everything else is the connection itself.
 * SQLite re-prepares a cached statement by itself when the schema changes.
 */
export function withStatementCache(connection: SqliteConnection): SqliteConnection {
  const cache = new Map<string, BetterSqlite3.Statement>();
  function cached(sql: string): BetterSqlite3.Statement {
    const hit = cache.get(sql);
    if (hit) {
      // Map order is insertion order: re-inserting marks it most recently used.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = connection.prepare(sql);
    if (sql.length <= LONGEST_CACHED_SQL) {
      cache.set(sql, statement);
      if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }
  const prepare = (sql: string) => {
    const statement = cached(sql);
    return { ...boundStatement(statement, []), bind: (args: unknown[]) => boundStatement(statement, args) };
  };
  return new Proxy(connection, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
