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
