import 'server-only';
/**
 * PostgreSQL's ingest path on node-postgres directly. Every ingest request runs a dozen short
 * statements; through Prisma's pg adapter each cost about 400 µs of the server's CPU, through a
 * node-postgres client about 60 µs (measured on this repository's machine), and under 200 ingesting
 * clients the adapter's share alone saturated the server's one JavaScript thread. The statements
 * are the same raw SQL the SQLite path runs through Prisma (lib/db/raw-sql.ts), so both databases
 * share one implementation.
 */
import pg from 'pg';
import { readEnv } from '@/lib/env';
import { processWide } from '@/lib/process-wide';
import { Prisma } from '@/prisma/generated/sqlite/client';
import type { DeferringRawSql, RawSql } from './raw-sql';
import { sqlNumber, sqlString } from './sql-literals';
import { IDLE_CONNECTION_MS } from './pg-pool-settings';
import { INGEST_TRANSACTION } from './run-ingest-effects';



interface IngestPool {
  pool: pg.Pool;
  /** Its statements outside a transaction. */
  autocommit: RawSql;
}

const pools = processWide('pg-ingest-pools', () => new Map<string, IngestPool>());

const TIMESTAMP_WITHOUT_ZONE = 1114;

/**
 * Prisma stores DateTime as UTC in `timestamp` columns; node-postgres would read them as the server
 * process's local time, so a lab running in another zone would see every time shifted.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_WITHOUT_ZONE && format !== 'binary' ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function poolFor(url: string): IngestPool {
  let entry = pools.get(url);
  if (!entry) {
    const pool = new pg.Pool({ connectionString: url, max: readEnv().REPROBOARD_PG_INGEST_CONNECTIONS, idleTimeoutMillis: IDLE_CONNECTION_MS, connectionTimeoutMillis: INGEST_TRANSACTION.maxWait, allowExitOnIdle: true, types });
    // An idle connection the server closed (a restart, a dropped test database) is discarded, not fatal.
    pool.on('error', () => undefined);
    entry = { pool, autocommit: autocommitOn(pool) };
    pools.set(url, entry);
  }
  return entry;
}

/**
 * Values as Prisma's pg adapter sends them. Dates go as UTC wall time: the columns are `timestamp`
 * without zone, and node-postgres would otherwise write the server's local time.
 */
function toPgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, -1);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function toSql(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/** Statement texts prepared by name; past this many, new texts go unnamed (each parsed and planned anew). */
const MOST_NAMED_STATEMENTS = 500;
/** Longer texts carry their values inline (bulk inserts): each is new, so naming it would only fill the cache. */
const LONGEST_NAMED_TEXT = 4096;
const statementNames = processWide('pg-statement-names', () => new Map<string, string>());

/**
 * A name for a parameterised text, so each connection parses and plans it once rather than at every
 * request (the server's share of an ingest request's CPU, measured under `npm run bench:load`).
 */
function statementName(text: string, values: readonly unknown[]): string | undefined {
  if (values.length === 0 || text.length > LONGEST_NAMED_TEXT) return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MOST_NAMED_STATEMENTS) statementNames.set(text, (name = `reproboard_${statementNames.size}`));
  return name;
}

function autocommitOn(pool: pg.Pool): RawSql {
  const run = (text: string, values: unknown[]) => pool.query({ name: statementName(text, values), text, values: values.map(toPgValue) });
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const sql = toSql(query, values);
      return (await run(sql.text, sql.values)).rows as T;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const sql = toSql(query, values);
      return (await run(sql.text, sql.values)).rowCount ?? 0;
    },
    async $executeRawUnsafe(query: string, ...values: unknown[]) {
      return (await run(query, values)).rowCount ?? 0;
    },
  };
}

/** Statements outside a transaction, each committed on its own. */
export function pgRawSql(url: string): RawSql {
  return poolFor(url).autocommit;
}

/** A value as an SQL literal, for statements sent together in one round trip (which cannot carry parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return sqlNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return sqlString(toPgValue(value) as string);
  if (typeof value === 'string') return sqlString(value);
  throw new TypeError(`pg-raw-sql: no literal for a ${typeof value}`);
}

function inline(sql: Prisma.Sql): string {
  return sql.strings.reduce((text, part, index) => text + literal(sql.values[index - 1]) + part);
}

/**
 * One transaction on one connection whose writes wait (writeInOrder) and go out with the next
 * read or the commit, as one multi-statement text: an out.log chunk's dozen statements take four
 * round trips, and under load each round trip waited its turn on a busy event loop (p50 20 ms).
 * BEGIN goes with the first of them.
 */
class PgTransaction implements DeferringRawSql {
  private pending: string[] = ['BEGIN'];

  constructor(private readonly client: pg.PoolClient) {}

  defer(query: Prisma.Sql): void {
    this.pending.push(inline(query));
  }

  private async send(last: string): Promise<pg.QueryResult> {
    const text = [...this.pending, last].join(';\n');
    this.pending = [];
    const results = (await this.client.query(text)) as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(results) ? results[results.length - 1]! : results;
  }

  async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
    return (await this.send(inline(toSql(query, values)))).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
    return (await this.send(inline(toSql(query, values)))).rowCount ?? 0;
  }

  async $executeRawUnsafe(query: string, ...values: unknown[]) {
    if (values.length > 0) {
      await this.flush();
      return (await this.client.query({ text: query, values: values.map(toPgValue) })).rowCount ?? 0;
    }
    return (await this.send(query)).rowCount ?? 0;
  }

  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.client.query(this.pending.join(';\n'));
    this.pending = [];
  }

  async commit(): Promise<void> {
    // Nothing sent yet (the work returned before its first statement): there is no transaction to end.
    if (this.pending.length === 1 && this.pending[0] === 'BEGIN') return;
    await this.send('COMMIT');
  }
}

/** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inPgTransaction<T>(url: string, work: (tx: RawSql) => Promise<T>): Promise<T> {
  const client = await poolFor(url).pool.connect();
  let broken: Error | undefined;
  try {
    const transaction = new PgTransaction(client);
    const result = await work(transaction);
    await transaction.commit();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: closed rather than reused.
    client.release(broken);
  }
}
