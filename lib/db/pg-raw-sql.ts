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
import { processWide } from '@/lib/process-wide';
import { Prisma } from '@/prisma/generated/sqlite/client';
import type { RawSql } from './raw-sql';
import { INGEST_TRANSACTION } from './run-ingest-effects';

/** Connections per app process for ingestion, beside Prisma's own pool for everything else. */
const POOL_SIZE = 10;

const pools = processWide('pg-ingest-pools', () => new Map<string, pg.Pool>());

function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: INGEST_TRANSACTION.maxWait, allowExitOnIdle: true });
    // An idle connection the server closed (a restart, a dropped test database) is discarded, not fatal.
    pool.on('error', () => undefined);
    pools.set(url, pool);
  }
  return pool;
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

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function rawSqlOn(target: Queryable): RawSql {
  const run = (text: string, values: unknown[]) => target.query({ text, values: values.map(toPgValue) });
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
  return rawSqlOn(poolFor(url));
}

/** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inPgTransaction<T>(url: string, work: (tx: RawSql) => Promise<T>): Promise<T> {
  const client = await poolFor(url).connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(rawSqlOn(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: closed rather than reused.
    client.release(broken);
  }
}

/** Closes this process's ingest connections to `url` (tests that drop their database). */
export async function closePgRawSql(url: string): Promise<void> {
  const pool = pools.get(url);
  pools.delete(url);
  await pool?.end();
}
