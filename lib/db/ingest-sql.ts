import 'server-only';
import { targetOf, type Db } from './client';
import { inPgTransaction, pgRawSql } from './pg-raw-sql';
import type { RawSql } from './raw-sql';
import { INGEST_TRANSACTION } from './run-ingest-effects';

/**
 * Where the statements of each ingest request run: on PostgreSQL through node-postgres
 * (pg-raw-sql.ts explains why), on SQLite through Prisma, whose one connection serialises them with
 * every other query of the process (sqlite-serial-adapter.ts).
 */
export function ingestSql(db: Db): RawSql {
  const target = targetOf(db);
  return target?.dialect === 'postgres' ? pgRawSql(target.url) : db;
}

/** One ingest transaction: committed if `work` returns, rolled back if it throws. */
export function ingestTransaction<T>(db: Db, work: (tx: RawSql) => Promise<T>): Promise<T> {
  const target = targetOf(db);
  if (target?.dialect === 'postgres') return inPgTransaction(target.url, work);
  return db.$transaction((tx) => work(tx), INGEST_TRANSACTION);
}
