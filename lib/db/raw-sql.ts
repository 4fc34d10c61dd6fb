import type { Prisma } from '@/prisma/generated/sqlite/client';

/**
 * The raw-SQL slice of a Prisma client or transaction that the ingest path uses. A Prisma client
 * or transaction is one; so is the node-postgres session of pg-raw-sql.ts, which PostgreSQL's
 * ingest path runs on.
 */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/** A session that can hold writes back and send them with its next statement. */
export interface DeferringRawSql extends RawSql {
  defer(query: Prisma.Sql): void;
}

function defers(tx: RawSql): tx is DeferringRawSql {
  return typeof (tx as Partial<DeferringRawSql>).defer === 'function';
}

/**
 * A write whose row count the caller does not need, run in order with the session's other
 * statements: at once through Prisma; on PostgreSQL's ingest session, sent together with the next
 * statement or the commit (a round trip each saved). Its failure fails the transaction either way.
 */
export async function writeInOrder(tx: RawSql, query: Prisma.Sql): Promise<void> {
  if (defers(tx)) tx.defer(query);
  else await tx.$executeRaw(query);
}
